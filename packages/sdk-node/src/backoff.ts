export interface BackoffOptions {
  /** The ceiling of the first delay. */
  readonly baseMs: number;
  /** The ceiling never grows past this. */
  readonly capMs: number;
}

/**
 * The delay before reconnection attempt `attempt` (0 for the first): "full
 * jitter", a random delay up to min(cap, base·2^attempt), so that many SDKs
 * dropped by one server restart do not all come back at the same instant.
 *
 * @example
 * backoffDelay(3, { baseMs: 500, capMs: 30_000 }, Math.random); // somewhere in [0, 4000)
 */
export function backoffDelay(attempt: number, { baseMs, capMs }: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(Math.max(attempt, 0), 30));
  const r = random();
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 1;
  return Math.floor(unit * ceiling);
}
