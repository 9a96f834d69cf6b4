// `backprop-lab train`: runs the engine in this process through its protocol and prints or saves the results (Node, the CLI process).
import type { EngineBudget } from '../engine/budget/engineBudget.js';
import type { EngineEvent } from '../engine/protocol/index.js';
import type { AnalysisReport, AnalysisRun } from '../engine/protocol/analysis.js';
import type { ExportBuild, ExportFile } from '../engine/protocol/export.js';
import type { TrainFinished, TrainStart, TrainStarted } from '../engine/protocol/training.js';
import { formatSpecText } from '../engine/specText.js';
import { describeEstimate, formatSeconds } from '../engine/training/epochTime.js';
import { createInProcessEngine } from '../engine/worker/inProcessEntry.js';
import { buildRunReport } from './runReport.js';
import { classRows, formatClassTable, type ClassRow } from './classTable.js';
import { flagOfField, parseTrainArgs, UsageError, type TrainSettings } from './trainArgs.js';
import { TRAIN_USAGE } from './usage.js';

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

function formatEpoch(m: Extract<EngineEvent, { type: 'train.epoch' }>['metrics']): string {
  const f = (value: number): string => value.toFixed(4);
  const train = `epoch ${String(m.epoch).padStart(3)}  train loss ${f(m.trainLoss)}  accuracy ${f(m.trainAccuracy)}`;
  return m.testLoss === undefined || m.testAccuracy === undefined ? train : `${train}  |  test loss ${f(m.testLoss)}  accuracy ${f(m.testAccuracy)}`;
}

/** What the CLI's in-process engine answers with: the run, and a way to ask it for more before it is let go. */
interface EngineRun {
  started: TrainStarted;
  finished: TrainFinished;
  /** Asks the engine for one export file of this run (train_run.py needs the engine's data). */
  exportFile(request: ExportBuild): Promise<ExportFile>;
  /** Asks the engine for this run's analysis on its test set (the confusion matrix by class). */
  analyse(request: AnalysisRun): Promise<AnalysisReport>;
  dispose(): void;
}

/** The requestId of the estimate asked for before the run. */
const ESTIMATE_ID = 'cli-estimate';

/**
 * Runs one training request in an in-process engine, after an epoch.estimate of it when `estimate` is set (its answer goes
 * to `onEvent`; if it fails, train.start says why); Ctrl-C stops the run cleanly. Engine errors become UsageErrors naming the option.
 */
function runEngine(request: TrainStart, budget: EngineBudget | undefined, onEvent: (event: EngineEvent) => void, estimate: boolean): Promise<EngineRun> {
  return new Promise((resolve, reject) => {
    let started: TrainStarted | undefined;
    let answer: ((event: EngineEvent) => void) | undefined;
    const finish = (): void => {
      process.off('SIGINT', interrupt);
      engine.dispose();
    };
    const engine = createInProcessEngine(
      (event) => {
        if (answer) return answer(event);
        if ('requestId' in event && event.requestId === ESTIMATE_ID) {
          if (event.type === 'epoch.estimated') onEvent(event);
          return engine.receive(request);
        }
        onEvent(event);
        if (event.type === 'train.started') started = event;
        else if (event.type === 'train.finished') {
          process.off('SIGINT', interrupt);
          resolve({
            started: started!,
            finished: event,
            dispose: () => engine.dispose(),
            exportFile: (exportRequest) =>
              new Promise((fileResolve, fileReject) => {
                answer = (reply) => {
                  if (reply.type === 'export.file') fileResolve(reply);
                  else if (reply.type === 'error') fileReject(new Error(`${exportRequest.format}: ${reply.message}`));
                };
                engine.receive(exportRequest);
              }),
            analyse: (analysisRequest) =>
              new Promise((reportResolve, reportReject) => {
                answer = (reply) => {
                  if (reply.type === 'analysis.report') reportResolve(reply);
                  else if (reply.type === 'error') reportReject(new Error(`the table of classes: ${reply.message}`));
                };
                engine.receive(analysisRequest);
              }),
          });
        } else if (event.type === 'error') {
          finish();
          const flag = flagOfField(event.field);
          const message = event.message.replace(/^bad request: /, '').replace(/^[\w.]+: /, '');
          reject(new UsageError(flag ? `${flag}: ${message}` : message));
        }
      },
      budget ? { budget } : {},
    );
    const interrupt = (): void => engine.receive({ type: 'train.stop', runId: request.runId });
    process.on('SIGINT', interrupt);
    if (estimate) engine.receive({ type: 'epoch.estimate', requestId: ESTIMATE_ID, spec: request.spec, dataSet: request.dataSet, hyper: request.hyper });
    else engine.receive(request);
  });
}

/** The trained network's test accuracy per class, from the engine's confusion matrix; undefined (with a line on stderr) when it cannot say. */
async function classAccuracies(engineRun: EngineRun, settings: TrainSettings, output: Output): Promise<ClassRow[] | undefined> {
  const { hyper } = settings;
  try {
    const report = await engineRun.analyse({
      type: 'analysis.run',
      requestId: 'cli-classes',
      runId: 'cli',
      weights: engineRun.finished.weights,
      data: { dataSet: settings.dataSet, trainFraction: hyper.trainFraction, seed: hyper.seed, normalisation: engineRun.finished.settings.normalisation },
    });
    return classRows(report.classes, report.confusion);
  } catch (error) {
    output.err(`backprop-lab train: no ${(error as Error).message}`);
    return undefined;
  }
}

/** Runs the command; resolves to the exit status. */
export async function trainCommand(argv: string[], output: Output): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    output.out(TRAIN_USAGE);
    return 0;
  }
  const settings = await parseTrainArgs(argv);
  const request: TrainStart = {
    type: 'train.start',
    runId: 'cli',
    spec: settings.spec,
    dataSet: settings.dataSet,
    hyper: settings.hyper,
    ...(settings.initialWeights ? { initialWeights: settings.initialWeights } : {}),
  };
  let epochStarted = Date.now();
  const engineRun = await runEngine(
    request,
    settings.budget,
    (event) => {
      if (settings.json) return;
      if (event.type === 'epoch.estimated') {
        output.out(`estimate: ${describeEstimate(event.estimate, settings.hyper.epochs)}`);
      } else if (event.type === 'train.started') {
        output.out(
          `training ${formatSpecText(settings.spec)} on ${settings.dataName}: ${event.trainSize} training and ${event.testSize > 0 ? `${event.testSize} test samples` : 'no test samples (every row trains)'}, ${event.parameterCount} parameters, seed ${settings.hyper.seed}`,
        );
        if (settings.classes) output.out(`classes: ${settings.classes.map((name, label) => `${label} ${name}`).join(', ')}`);
        epochStarted = Date.now();
      } else if (event.type === 'train.epoch') {
        // A fast run's epochs come a few events a second: each event holds the epochs since the last, which share its time.
        const epochs = [...(event.earlier ?? []), event.metrics];
        const now = Date.now();
        const each = formatSeconds((now - epochStarted) / 1000 / epochs.length);
        for (const metrics of epochs) output.out(`${formatEpoch(metrics)}  (${epochs.length > 1 ? `~${each} each` : each})`);
        epochStarted = now;
      }
    },
    !settings.json && settings.hyper.epochs > 0,
  );
  const { started, finished } = engineRun;
  const classTable = settings.classes && started.testSize > 0 ? await classAccuracies(engineRun, settings, output) : undefined;
  const report = buildRunReport({
    dataName: settings.dataName,
    spec: settings.spec,
    hyper: settings.hyper,
    trainSize: started.trainSize,
    testSize: started.testSize,
    parameterCount: started.parameterCount,
    finished,
    ...(classTable ? { classes: classTable } : {}),
  });
  if (classTable && !settings.json) for (const line of formatClassTable(classTable)) output.out(line);
  try {
    if (settings.out !== undefined) {
      const script = await engineRun
        .exportFile({
          type: 'export.build',
          requestId: 'cli-script',
          format: 'train_run.py',
          weights: finished.weights,
          training: { dataSet: settings.dataSet, hyper: settings.hyper },
        })
        .catch((error: unknown) => {
          output.err(`backprop-lab train: not writing ${(error as Error).message}`);
          return undefined;
        });
      // The writers (the exporters and the charts) are loaded only when there is a folder to write.
      const { writeRunFiles } = await import('./writeRunFiles.js');
      const paths = await writeRunFiles(settings.out, report, finished, script?.bytes);
      if (!settings.json) output.out(`wrote ${paths.join(', ')}`);
    }
  } finally {
    engineRun.dispose();
  }
  if (settings.json) output.out(JSON.stringify(report));
  if (!settings.json) for (const diagnosis of finished.diagnoses) output.err(`backprop-lab train: ${diagnosis.message}`);
  if (finished.reason === 'completed') {
    const last = finished.history.at(-1);
    if (!settings.json) output.out(finished.message);
    if (!settings.json && last?.testAccuracy !== undefined) output.out(`final test accuracy ${last.testAccuracy.toFixed(4)}`);
    else if (!settings.json && last) output.out(`final train accuracy ${last.trainAccuracy.toFixed(4)} (no test set)`);
    return 0;
  }
  output.err(`backprop-lab train: ${finished.message}`);
  return 1;
}
