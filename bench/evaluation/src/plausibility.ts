import type { FlagShape } from './system.js';
import type { User } from './users.js';

export interface Verdict {
  readonly ok: boolean;
  /** Share of rollout-branch users that came out on (rules flag only). */
  readonly rolloutOn?: number;
  readonly problem?: string;
}

/** The rollout branch must be about half on. */
export const ROLLOUT_BOUNDS = { low: 0.45, high: 0.55 } as const;

/**
 * Whether a system's answers are what the flag says, so that no timed call
 * is an error path: every rule-matching user on and about half of the rest on
 * for the rules flag, everyone on for the trivial one.
 */
export function judge(shape: FlagShape, users: readonly User[], results: readonly boolean[]): Verdict {
  if (results.length !== users.length) return { ok: false, problem: `${results.length} results for ${users.length} users` };
  if (shape === 'trivial') {
    const off = results.filter((on) => !on).length;
    return off === 0 ? { ok: true } : { ok: false, problem: `${off} users off on an always-on flag` };
  }
  let ruleUsers = 0;
  let ruleOff = 0;
  let rolloutUsers = 0;
  let rolloutOnCount = 0;
  users.forEach((user, i) => {
    const on = results[i] === true;
    if (user.branch === 'rollout') {
      rolloutUsers++;
      if (on) rolloutOnCount++;
    } else {
      ruleUsers++;
      if (!on) ruleOff++;
    }
  });
  const rolloutOn = rolloutOnCount / rolloutUsers;
  if (ruleOff > 0) return { ok: false, rolloutOn, problem: `${ruleOff} of ${ruleUsers} rule-matching users off` };
  if (rolloutOn < ROLLOUT_BOUNDS.low || rolloutOn > ROLLOUT_BOUNDS.high) {
    return { ok: false, rolloutOn, problem: `rollout ${(rolloutOn * 100).toFixed(1)}% on, outside 45–55%` };
  }
  return { ok: true, rolloutOn };
}

/** Index of the first user on which two systems disagree, or -1. */
export function firstDifference(a: readonly boolean[], b: readonly boolean[]): number {
  if (a.length !== b.length) return 0;
  return a.findIndex((value, i) => value !== b[i]);
}
