// The error a stopped piece of engine work ends with, thrown at a turn of its TimeSlicer; pure, any process.

/** Thrown by TimeSlicer.turn() when the work was asked to stop (by a work.stop request, or the engine shutting down). */
export class WorkStoppedError extends Error {
  constructor(message = 'stopped') {
    super(message);
    this.name = 'WorkStoppedError';
  }
}
