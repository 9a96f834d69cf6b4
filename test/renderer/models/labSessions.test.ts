// The labs' sessions the shell keeps: one per lab, work read from a project waiting for its lab, what is unsaved, and forms put back field by field.
import { describe, expect, it } from 'vitest';
import { LabSessions, type WorkAdapter } from '../../../renderer/models/labSessions.js';
import { formValuesOf, restoreFormValues } from '../../../renderer/models/formValues.js';
import type { TrainingWork } from '../../../engine/projectFile.js';

/** A lab's session: a form field and the results it made. */
class Counter {
  steps: number | null = 10;
  results: number[] = [];
}

const counterWork: WorkAdapter<Counter, TrainingWork> = {
  save: (session) => ({ form: { steps: session.steps, results: session.results } }),
  restore: (session, work) => {
    session.steps = work.form.steps as number | null;
    session.results = (work.form.results as number[]) ?? [];
  },
  results: (work) => ((work.form.results as number[]).length ? work.form.results : undefined),
};

describe('LabSessions', () => {
  it('creates a lab’s session once and gives the same one back while the labs are switched', () => {
    const sessions = new LabSessions();
    let created = 0;
    const make = () => {
      created += 1;
      return new Counter();
    };
    const first = sessions.keep('training', make, counterWork);
    first.steps = 25;
    expect(sessions.keep('training', make, counterWork)).toBe(first);
    expect(created).toBe(1);
    expect(sessions.work()).toEqual({ training: { form: { steps: 25, results: [] } } });
  });

  it('keeps work read from a project until its lab is shown, saving it again as it is meanwhile', () => {
    const sessions = new LabSessions();
    const before = sessions.keep('training', () => new Counter(), counterWork);
    sessions.replace({ training: { form: { steps: 3, results: [1, 2] } } });
    expect(sessions.work()).toEqual({ training: { form: { steps: 3, results: [1, 2] } } });
    const after = sessions.keep('training', () => new Counter(), counterWork);
    expect(after).not.toBe(before);
    expect(after.steps).toBe(3);
    expect(after.results).toEqual([1, 2]);
  });

  it('calls a lab unsaved only when its results changed since it was made, read or saved — not its settings', () => {
    const sessions = new LabSessions();
    const lab = sessions.keep('training', () => new Counter(), counterWork);
    lab.steps = 99;
    expect(sessions.unsavedLabs()).toEqual([]);
    lab.results = [4];
    expect(sessions.unsavedLabs()).toEqual(['training']);
    sessions.markSaved();
    expect(sessions.unsavedLabs()).toEqual([]);
    sessions.replace({ training: { form: { steps: 1, results: [7] } } });
    sessions.keep('training', () => new Counter(), counterWork);
    expect(sessions.unsavedLabs()).toEqual([]);
  });
});

describe('formValuesOf and restoreFormValues', () => {
  it('put each value back into a field of its kind and ignore the rest', () => {
    const form = { epochs: 25 as number | null, loss: 'default', csv: null as { text: string } | null, dropped: true };
    const saved = formValuesOf({ epochs: null, loss: 'bce', csv: { text: 'a,b' }, dropped: false }, ['epochs', 'loss', 'csv', 'dropped']);
    restoreFormValues(form, { ...saved, unknown: 5 }, ['epochs', 'loss', 'csv', 'dropped']);
    expect(form).toEqual({ epochs: null, loss: 'bce', csv: { text: 'a,b' }, dropped: false });
    form.epochs = 25;
    restoreFormValues(form, { epochs: 'many', loss: 3, dropped: 'yes' }, ['epochs', 'loss', 'dropped']);
    expect(form).toEqual({ epochs: 25, loss: 'bce', csv: { text: 'a,b' }, dropped: false });
  });
});
