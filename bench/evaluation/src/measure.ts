import type { Engine } from './system.js';

export interface Schedule {
  /** Untimed running time per system before the first round, so every JIT has settled. */
  readonly warmupMs: number;
  /** Timed rounds; in each, every system runs once, in a rotating order. */
  readonly rounds: number;
  /** How long one system runs passes over all contexts within a round. */
  readonly roundMs: number;
}

export interface Contender {
  readonly id: string;
  readonly engine: Engine;
}

export interface Measurement {
  /** Evaluations per second, one figure per round. */
  readonly perRound: number[];
  /** Sum of "on" results over every timed pass: consumed so no evaluation is dead code. */
  readonly checksum: number;
}

export type Collect = () => void;

/** Runs whole passes until `budgetMs` has gone by; returns evaluations, milliseconds and the "on" count. */
async function runFor(engine: Engine, flagKey: string, contexts: number, budgetMs: number): Promise<{ evals: number; ms: number; on: number }> {
  let passes = 0;
  let on = 0;
  const start = performance.now();
  let elapsed: number;
  do {
    const result = engine.pass(flagKey);
    on += typeof result === 'number' ? result : await result;
    passes++;
    elapsed = performance.now() - start;
  } while (elapsed < budgetMs);
  return { evals: passes * contexts, ms: elapsed, on };
}

/**
 * Times `flagKey` on every contender: a warm-up for each, then `rounds`
 * rounds that take the contenders in turn (starting one further along each
 * round) so all of them share the machine's conditions. A full collection
 * runs before each timed run so no one pays for another's garbage.
 *
 * @example
 * const byId = await race(contenders, 'rules-flag', 10_000, { warmupMs: 500, rounds: 7, roundMs: 400 }, gc);
 */
export async function race(
  contenders: readonly Contender[],
  flagKey: string,
  contexts: number,
  schedule: Schedule,
  collect: Collect,
): Promise<Map<string, Measurement>> {
  const results = new Map<string, { perRound: number[]; checksum: number }>();
  for (const { id, engine } of contenders) {
    collect();
    const warm = await runFor(engine, flagKey, contexts, schedule.warmupMs);
    results.set(id, { perRound: [], checksum: warm.on });
  }
  for (let round = 0; round < schedule.rounds; round++) {
    for (let turn = 0; turn < contenders.length; turn++) {
      const { id, engine } = contenders[(round + turn) % contenders.length] as Contender;
      collect();
      const run = await runFor(engine, flagKey, contexts, schedule.roundMs);
      const result = results.get(id) as { perRound: number[]; checksum: number };
      result.perRound.push((run.evals / run.ms) * 1000);
      result.checksum += run.on;
    }
  }
  return results;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
