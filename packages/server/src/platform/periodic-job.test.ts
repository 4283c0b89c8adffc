import { describe, expect, it } from 'vitest';
import { PeriodicJob } from './periodic-job.js';

describe('PeriodicJob', () => {
  it('runs one at a time: a run asked for during another is that one', async () => {
    let runs = 0;
    let finish = () => {};
    const job = new PeriodicJob(0, () => {
      runs++;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    const first = job.run();
    const second = job.run();
    expect(second).toBe(first);
    finish();
    await first;
    const third = job.run();
    finish();
    await third;
    expect(runs).toBe(2);
  });

  it('schedules nothing with an interval of 0, and runs again after each run with one', async () => {
    let idle = 0;
    new PeriodicJob(0, async () => void idle++).start();
    let runs = 0;
    const job = new PeriodicJob(5, async () => void runs++);
    job.start();
    await expect.poll(() => runs, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    await job.stop();
    const stoppedAt = runs;
    job.start();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(runs).toBe(stoppedAt);
    expect(idle).toBe(0);
    expect(job.stopping).toBe(true);
  });
});
