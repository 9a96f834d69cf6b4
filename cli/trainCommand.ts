// `backprop-lab train`: runs the engine in this process through its protocol and prints or saves the results (Node, the CLI process).
import type { EngineEvent } from '../engine/protocol/index.js';
import type { TrainFinished, TrainStart, TrainStarted } from '../engine/protocol/training.js';
import { formatSpecText } from '../engine/specText.js';
import { createInProcessEngine } from '../engine/worker/inProcessEntry.js';
import { buildRunReport } from './runReport.js';
import { flagOfField, parseTrainArgs, UsageError } from './trainArgs.js';
import { TRAIN_USAGE } from './usage.js';
import { writeRunFiles } from './writeRunFiles.js';

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

function formatEpoch(m: Extract<EngineEvent, { type: 'train.epoch' }>['metrics']): string {
  const f = (value: number): string => value.toFixed(4);
  return `epoch ${String(m.epoch).padStart(3)}  train loss ${f(m.trainLoss)}  accuracy ${f(m.trainAccuracy)}  |  test loss ${f(m.testLoss)}  accuracy ${f(m.testAccuracy)}`;
}

/** Runs one training request in an in-process engine; Ctrl-C stops the run cleanly. Engine errors become UsageErrors naming the option. */
function runEngine(request: TrainStart, onEvent: (event: EngineEvent) => void): Promise<{ started: TrainStarted; finished: TrainFinished }> {
  return new Promise((resolve, reject) => {
    let started: TrainStarted | undefined;
    const finish = (): void => {
      process.off('SIGINT', interrupt);
      engine.dispose();
    };
    const engine = createInProcessEngine((event) => {
      onEvent(event);
      if (event.type === 'train.started') started = event;
      else if (event.type === 'train.finished') {
        finish();
        resolve({ started: started!, finished: event });
      } else if (event.type === 'error') {
        finish();
        const flag = flagOfField(event.field);
        const message = event.message.replace(/^bad request: /, '').replace(/^[\w.]+: /, '');
        reject(new UsageError(flag ? `${flag}: ${message}` : message));
      }
    });
    const interrupt = (): void => engine.receive({ type: 'train.stop', runId: request.runId });
    process.on('SIGINT', interrupt);
    engine.receive(request);
  });
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
  const { started, finished } = await runEngine(request, (event) => {
    if (settings.json) return;
    if (event.type === 'train.started') {
      output.out(
        `training ${formatSpecText(settings.spec)} on ${settings.dataName}: ${event.trainSize} training and ${event.testSize} test samples, ${event.parameterCount} parameters, seed ${settings.hyper.seed}`,
      );
    } else if (event.type === 'train.epoch') {
      // A fast run's epochs come a few events a second: each event holds the epochs since the last.
      for (const metrics of [...(event.earlier ?? []), event.metrics]) output.out(formatEpoch(metrics));
    }
  });
  const report = buildRunReport({
    dataName: settings.dataName,
    spec: settings.spec,
    hyper: settings.hyper,
    trainSize: started.trainSize,
    testSize: started.testSize,
    parameterCount: started.parameterCount,
    finished,
  });
  if (settings.out !== undefined) {
    const paths = await writeRunFiles(settings.out, report, finished);
    if (!settings.json) output.out(`wrote ${paths.join(', ')}`);
  }
  if (settings.json) output.out(JSON.stringify(report));
  if (finished.reason === 'completed') {
    const last = finished.history.at(-1);
    if (!settings.json && last) output.out(`final test accuracy ${last.testAccuracy.toFixed(4)}`);
    else if (!settings.json) output.out(finished.message);
    return 0;
  }
  output.err(`backprop-lab train: ${finished.message}`);
  return 1;
}
