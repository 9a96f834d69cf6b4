// The Training form's values in a project file and back (renderer): data, network choice and hyperparameters as typed.
import type { TrainingWork } from '../../engine/projectFile.js';
import type { WorkAdapter } from '../models/labSessions.js';
import { formValuesOf, restoreFormValues } from '../models/formValues.js';
import type { TrainingForm } from './trainingForm.svelte.js';
import type { TrainingSession } from './trainingSession.svelte.js';

const FORM_FIELDS = [
  'dataChoice',
  'toySize',
  'toyNoise',
  'csv',
  'labelColumn',
  'imageFolder',
  'pickedName',
  'trainSize',
  'testSize',
  'normalisation',
  'trainFraction',
  'networkChoice',
  'epochs',
  'learningRate',
  'batchSize',
  'seed',
  'reduction',
  'loss',
  'optimizer',
  'momentum',
  'rho',
  'beta1',
  'beta2',
  'epsilon',
  'decay',
  'weightDecay',
] as const satisfies readonly (keyof TrainingForm)[];

export const trainingWork: WorkAdapter<TrainingSession, TrainingWork> = {
  save: (session) => ({ form: formValuesOf(session.form, FORM_FIELDS) }),
  restore: (session, work) => restoreFormValues(session.form, work.form, FORM_FIELDS),
};
