import { describe, expect, it } from 'vitest';
import { type PathSetReading, type WaitOptions, waitForPathSet } from './journey-paths.js';

/** A clock that moves only when the wait sleeps, and readings in turn. */
function scripted(readings: PathSetReading[]) {
  let clock = 0;
  const waited: number[] = [];
  const options: WaitOptions = {
    timeoutMs: 10_000,
    pollMs: 1000,
    progressMs: 3000,
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    onWaiting: (elapsed) => waited.push(elapsed),
  };
  let i = 0;
  const read = async () => readings[Math.min(i++, readings.length - 1)]!;
  return { options, read, waited, reads: () => i };
}

const built = { builtAt: new Date('2026-11-22T02:00:00Z'), refreshedAt: new Date('2026-11-22T02:00:00Z'), currentThrough: '1234' };

describe('waitForPathSet', () => {
  it('waits until the row is there, reporting progress on the way', async () => {
    const run = scripted([...Array.from({ length: 7 }, () => ({ kind: 'missing' as const })), { kind: 'present', set: built }]);
    const outcome = await waitForPathSet(run.read, run.options);
    expect(outcome).toEqual({ kind: 'built', elapsedMs: 7000, set: built });
    expect(run.waited).toEqual([3000, 6000]);
  });

  it('stops at once when this Dial keeps no paths', async () => {
    const run = scripted([{ kind: 'no-table' }]);
    expect(await waitForPathSet(run.read, run.options)).toEqual({ kind: 'not-kept', elapsedMs: 0 });
    expect(run.reads()).toBe(1);
  });

  it('gives up at the timeout', async () => {
    const run = scripted([{ kind: 'missing' }]);
    const outcome = await waitForPathSet(run.read, { ...run.options, timeoutMs: 2500 });
    expect(outcome).toEqual({ kind: 'timed-out', elapsedMs: 2500 });
    expect(run.reads()).toBe(4);
  });
});
