/**
 * Work run every `intervalMs` after the previous run ended, and on demand;
 * never two runs at once in one process. The timer does not keep a stopping
 * process alive.
 *
 * @example
 * const job = new PeriodicJob(5_000, () => keepPathsCurrent());
 * job.start();
 * await job.run(); // one now, or the one in progress
 * await job.stop(); // waits for a run in progress
 */
export class PeriodicJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  /** An interval of 0 runs only on demand. */
  constructor(
    private readonly intervalMs: number,
    private readonly work: () => Promise<void>,
  ) {}

  /** Whether `stop` was called: long work checks it between its steps. */
  get stopping(): boolean {
    return this.stopped;
  }

  /** Schedules the runs; nothing when the interval is 0. */
  start(): void {
    if (this.intervalMs <= 0 || this.stopped || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run().finally(() => this.start());
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Cancels the schedule and waits for a run in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One run now, unless one is in progress here: then that one. */
  run(): Promise<void> {
    this.running ??= this.work().finally(() => (this.running = undefined));
    return this.running;
  }
}
