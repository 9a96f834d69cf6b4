// `backprop-lab train`: runs the engine in this process through its protocol and prints or saves the results (Node, the CLI process).
import type { EngineEvent, TrainFinished, TrainStarted } from '../engine/protocol.js';
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

function formatEpoch(event: Extract<EngineEvent, { type: 'train.epoch' }>): string {
  const m = event.metrics;
  const f = (value: number): string => value.toFixed(4);
  return `epoch ${String(m.epoch).padStart(3)}  train loss ${f(m.trainLoss)}  accuracy ${f(m.trainAccuracy)}  |  test loss ${f(m.testLoss)}  accuracy ${f(m.testAccuracy)}`;
}

/** Runs the command; resolves to the exit status. */
export async function trainCommand(argv: string[], output: Output): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    output.out(TRAIN_USAGE);
    return 0;
  }
  const settings = parseTrainArgs(argv);
  const runId = 'cli';
  const finished = await new Promise<{ started: TrainStarted; finished: TrainFinished }>((resolve, reject) => {
    let started: TrainStarted | undefined;
    const engine = createInProcessEngine((event) => {
      switch (event.type) {
        case 'train.started':
          started = event;
          if (!settings.json) {
            output.out(`training ${formatSpecText(settings.spec)} on ${settings.dataSet}: ${event.trainSize} training and ${event.testSize} test samples, ${event.parameterCount} parameters, seed ${settings.hyper.seed}`);
          }
          break;
        case 'train.epoch':
          if (!settings.json) output.out(formatEpoch(event));
          break;
        case 'train.finished':
          process.off('SIGINT', interrupt);
          engine.dispose();
          resolve({ started: started!, finished: event });
          break;
        case 'error': {
          process.off('SIGINT', interrupt);
          engine.dispose();
          const flag = flagOfField(event.field);
          const message = event.message.replace(/^bad request: /, '').replace(/^[\w.]+: /, '');
          reject(new UsageError(flag ? `${flag}: ${message}` : message));
          break;
        }
      }
    });
    const interrupt = (): void => engine.receive({ type: 'train.stop', runId });
    process.on('SIGINT', interrupt);
    engine.receive({ type: 'train.start', runId, spec: settings.spec, dataSet: settings.dataSet, hyper: settings.hyper });
  });

  const { started, finished: result } = finished;
  const report = buildRunReport({
    dataSet: settings.dataSet, spec: settings.spec, hyper: settings.hyper,
    trainSize: started.trainSize, testSize: started.testSize, parameterCount: started.parameterCount,
    reason: result.reason, message: result.message, history: result.history,
  });
  if (settings.out !== undefined) {
    const paths = writeRunFiles(settings.out, report, result.history, result.weights);
    if (!settings.json) output.out(`wrote ${paths.join(', ')}`);
  }
  if (settings.json) output.out(JSON.stringify(report));
  if (result.reason === 'completed') {
    const last = result.history[result.history.length - 1];
    if (!settings.json && last) output.out(`final test accuracy ${last.testAccuracy.toFixed(4)}`);
    return 0;
  }
  output.err(`backprop-lab train: ${result.message}`);
  return 1;
}
