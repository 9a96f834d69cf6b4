// The renderer's run reducer (plain Node) fed with the events of the real engine running in this process.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../engine/protocol/index.js';
import type { TrainStart } from '../../engine/protocol/training.js';
import { EXERCISE_HYPERPARAMETERS } from '../../engine/training/hyperparameters.js';
import { createInProcessEngine } from '../../engine/worker/inProcessEntry.js';
import { presetById } from '../../renderer/models/networkPresets.js';
import { IDLE_RUN, applyEngineEvent, applyEngineStatus, beginRun, clearFieldError, markStopping, type RunState } from '../../renderer/training/runState.js';

/** Runs one request through an in-process engine, feeding every event to the reducer until `done` says the run is over. */
function drive(
  request: TrainStart,
  react: (state: RunState, send: (data: unknown) => void) => RunState = (s) => s,
): Promise<{ state: RunState; events: EngineEvent[] }> {
  return new Promise((resolve) => {
    const events: EngineEvent[] = [];
    let state = beginRun(request.runId, request.hyper.epochs);
    const engine = createInProcessEngine((event) => {
      events.push(event);
      state = react(applyEngineEvent(state, event), (data) => engine.receive(data));
      if (state.phase === 'finished' || state.phase === 'failed') {
        engine.dispose();
        resolve({ state, events });
      }
    });
    engine.receive(request);
  });
}

const exerciseRun = (runId: string, hyper: Partial<TrainStart['hyper']> = {}): TrainStart => ({
  type: 'train.start',
  runId,
  spec: presetById('64-32-relu-1-sigmoid').spec,
  dataSet: 'digits-binary',
  hyper: { ...EXERCISE_HYPERPARAMETERS, ...hyper },
});

describe('run state driven by the engine', () => {
  it("collects one history entry per epoch and ends finished with the engine's history", async () => {
    const seenLengths: number[] = [];
    const { state, events } = await drive(exerciseRun('three-epochs', { epochs: 3 }), (s) => {
      seenLengths.push(s.history.length);
      return s;
    });
    expect(state.phase).toBe('finished');
    expect(state.finish?.reason).toBe('completed');
    expect(state.history.map((m) => m.epoch)).toEqual([1, 2, 3]);
    expect(state.sizes!.train + state.sizes!.test).toBe(1797);
    expect(state.sizes!.parameters).toBe(64 * 32 + 32 + 33);
    expect([...new Set(seenLengths)]).toEqual([0, 1, 2, 3]);
    expect(seenLengths).toEqual([...seenLengths].sort((a, b) => a - b));
    const finished = events.at(-1);
    expect(finished?.type === 'train.finished' && finished.history).toEqual(state.history.toArray());
  });

  it('ends stopped after the user stops a long run', async () => {
    let stopSent = false;
    const { state } = await drive(exerciseRun('stopped', { epochs: 10_000 }), (s, send) => {
      if (s.history.length === 2 && !stopSent) {
        stopSent = true;
        send({ type: 'train.stop', runId: 'stopped' });
        return markStopping(s);
      }
      return s;
    });
    expect(state.phase).toBe('finished');
    expect(state.finish?.reason).toBe('stopped');
    expect(state.history.length).toBeGreaterThanOrEqual(2);
    expect(state.history.length).toBeLessThan(10_000);
  });

  it("collects every minibatch's loss, and is paused between the engine's paused and running states", async () => {
    const pausedSeen: boolean[] = [];
    let pauseSent = false;
    let resumeSent = false;
    const { state } = await drive(exerciseRun('paused', { epochs: 3 }), (s, send) => {
      pausedSeen.push(s.paused);
      if (s.history.length === 1 && !pauseSent) {
        pauseSent = true;
        send({ type: 'train.pause', runId: 'paused' });
      } else if (s.paused && !resumeSent) {
        resumeSent = true;
        send({ type: 'train.resume', runId: 'paused' });
      }
      return s;
    });
    expect(state.phase).toBe('finished');
    expect(state.finish?.reason).toBe('completed');
    expect(pausedSeen).toContain(true);
    expect(state.paused).toBe(false);
    // 898 training samples in minibatches of 10: 89 full minibatches per epoch.
    expect(state.batches.lastBatch).toBe(3 * 89);
    expect(state.batches.buckets).toHaveLength(3 * 89);
  });

  it("keeps the engine's training samples per second (the last one through events too short to measure) and the last minibatch's loss", async () => {
    // Enough epochs to take well over the 10 ms a rate needs, however fast the kernels are.
    const { state, events } = await drive(exerciseRun('rate', { epochs: 40 }));
    const rates = events.flatMap((event) => (event.type === 'train.batches' && event.samplesPerSecond !== undefined ? [event.samplesPerSecond] : []));
    expect(rates.length).toBeGreaterThan(0);
    expect(state.samplesPerSecond).toBe(rates.at(-1));
    expect(state.samplesPerSecond).toBeGreaterThan(0);
    const unmeasured = applyEngineEvent(
      { ...state, phase: 'running' },
      { type: 'train.batches', runId: 'rate', firstBatch: 40 * 89 + 1, losses: new Float64Array(1) },
    );
    expect(unmeasured.samplesPerSecond).toBe(state.samplesPerSecond);
    expect(unmeasured.batches.lastBatch).toBe(40 * 89 + 1);
    expect(unmeasured.lastBatchLoss).toBe(0);
    const lastLosses = events.flatMap((event) => (event.type === 'train.batches' ? [...event.losses] : []));
    expect(state.lastBatchLoss).toBe(lastLosses.at(-1));
  });

  it('puts an engine error that names a field at that field and fails the run', async () => {
    const { state } = await drive(exerciseRun('too-big', { batchSize: 5000 }));
    expect(state.phase).toBe('failed');
    expect(state.fieldErrors.batchSize).toMatch(/minibatch size 5000/);
    expect(state.failure).toBe(state.fieldErrors.batchSize);
    expect(clearFieldError(state, 'batchSize').fieldErrors).toEqual({});
  });
});

describe('run state', () => {
  it('ignores events of another run', () => {
    const state = beginRun('mine', 5);
    const other = applyEngineEvent(state, { type: 'train.started', runId: 'theirs', trainSize: 1, testSize: 1, parameterCount: 1 });
    expect(other).toBe(state);
  });

  it('keeps an error for no run as a notice without touching the run', () => {
    const state = applyEngineEvent(beginRun('mine', 5), { type: 'error', message: 'bad request: type: invalid' });
    expect(state.phase).toBe('starting');
    expect(state.notices).toEqual(['Engine: bad request: type: invalid']);
  });

  it('fails the run in flight when the engine crashes, and leaves a finished or idle run alone', () => {
    const crashed = applyEngineStatus(beginRun('mine', 5), { state: 'crashed', message: 'the engine process exited' });
    expect(crashed.phase).toBe('failed');
    expect(crashed.failure).toMatch(/the engine process exited/);
    expect(applyEngineStatus(IDLE_RUN, { state: 'crashed', message: 'gone' })).toBe(IDLE_RUN);
    expect(applyEngineStatus(crashed, { state: 'ready' })).toBe(crashed);
  });
});
