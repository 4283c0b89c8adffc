/** The part of `process` the exit hook uses; injectable for tests. */
export interface ExitProcess {
  readonly pid: number;
  on(event: 'beforeExit' | 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
  off(event: 'beforeExit' | 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
  listenerCount(event: string): number;
  kill(pid: number, signal: string): unknown;
}

/**
 * Sends queued events when the process is about to end, without changing
 * how it ends: on `beforeExit` it flushes (the request keeps the loop alive
 * until it is answered). On SIGTERM or SIGINT, if the host listens too, it
 * flushes and leaves exiting to the host; if not, listening has suppressed
 * Node's default exit, so it flushes (within the time limit), stops
 * listening, and raises the signal again. It never calls `process.exit`.
 * Returns the function that removes the hooks.
 *
 * @example
 * const unhook = flushOnExit(() => queue.flush(), (p) => withTimeLimit(p, 5000));
 */
export function flushOnExit(
  pending: () => boolean,
  flush: () => Promise<void>,
  limit: (work: Promise<void>) => Promise<void>,
  target: ExitProcess = process,
): () => void {
  const beforeExit = () => {
    if (pending()) void flush();
  };
  const onSignal = (signal: 'SIGTERM' | 'SIGINT') => {
    let raising = false;
    const listener = () => {
      if (target.listenerCount(signal) > 1) {
        void flush();
        return;
      }
      if (raising) return;
      raising = true;
      void limit(flush()).finally(() => {
        unhook();
        target.kill(target.pid, signal);
      });
    };
    return listener;
  };
  const sigterm = onSignal('SIGTERM');
  const sigint = onSignal('SIGINT');
  target.on('beforeExit', beforeExit);
  target.on('SIGTERM', sigterm);
  target.on('SIGINT', sigint);
  const unhook = () => {
    target.off('beforeExit', beforeExit);
    target.off('SIGTERM', sigterm);
    target.off('SIGINT', sigint);
  };
  return unhook;
}
