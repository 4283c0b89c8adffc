import type { User } from './users.js';

/**
 * The two flags of the benchmark, which every system writes in its own format:
 * - `rules`: `email` endsWith "@example.com" → on; `country` in [DE, FR, NL]
 *   and `plan` = "pro" → on; otherwise a 50% rollout by user key;
 * - `trivial`: no rules, always on.
 */
export type FlagShape = 'rules' | 'trivial';

export interface FlagSpec {
  readonly key: string;
  readonly shape: FlagShape;
}

/** A system loaded with flags and with its contexts built, ready to evaluate. */
export interface Engine {
  /** One result per user, for the plausibility check (not timed). */
  evaluateEach(flagKey: string): Promise<boolean[]>;
  /**
   * The timed loop: evaluates `flagKey` once for every prepared context and
   * returns how many came out on, so the work cannot be optimised away.
   * The loop lives in each system so that every call site stays monomorphic.
   */
  pass(flagKey: string): number | Promise<number>;
  close(): Promise<void> | void;
}

/** One flag engine under test (or the hand-written limit). */
export interface System {
  /** Stable id, used to ask a child process for this system's heap figure. */
  readonly id: string;
  /** What the table shows. */
  readonly label: string;
  /** The npm package whose pinned version the table shows; undefined for Dial's own code. */
  readonly npmPackage?: string;
  /** Whether its evaluation API returns a promise, so each timed call is awaited. */
  readonly async: boolean;
  /** Whether it is one of the peers that `fastestPeer` is chosen from. */
  readonly peer: boolean;
  /** Loads `flags` and fully initialises; resolves only once evaluation is local and ready. */
  open(flags: readonly FlagSpec[], users: readonly User[]): Promise<Engine>;
}
