/** Requests a key may make: `perSecond` sustained, and up to `burst` at once after a quiet spell. */
export interface RateLimit {
  readonly perSecond: number;
  readonly burst: number;
}

/** 50 requests a second per client key and visitor, with bursts of 100: a busy page's worth of evaluations, not a flood. */
export const DEFAULT_CLIENT_RATE_LIMIT: RateLimit = { perSecond: 50, burst: 100 };

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date, in ms. */
  at: number;
}

/** What `take` decided: go ahead, or wait this many whole seconds. */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

const OK: RateDecision = { ok: true };

/**
 * Token buckets, one per key (a client key and a visitor's address), in this
 * process's memory: each request takes a token, and tokens come back at
 * `perSecond` up to `burst`. Behind several replicas a key gets each
 * replica's allowance. Time comes in through `now`.
 *
 * @example
 * const limiter = new RateLimiter({ perSecond: 50, burst: 100 });
 * const decision = limiter.take(`${principal.tokenId} ${request.ip}`);
 * if (!decision.ok) reply.header('retry-after', String(decision.retryAfterSeconds));
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private lastSweep: number;

  constructor(
    private readonly limit: RateLimit = DEFAULT_CLIENT_RATE_LIMIT,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = limit.perSecond / 1000;
    this.lastSweep = now();
  }

  /** Takes one token from `key`'s bucket, or says how long until there is one. */
  take(key: string): RateDecision {
    const now = this.now();
    this.sweep(now);
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = { tokens: this.limit.burst, at: now };
      this.buckets.set(key, bucket);
    } else if (now > bucket.at) {
      bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (now - bucket.at) * this.perMs);
      bucket.at = now;
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return OK;
    }
    const waitMs = (1 - bucket.tokens) / this.perMs;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** Buckets that have filled up again say nothing a new bucket would not: forget them, at most once a minute. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    const fullAfterMs = this.limit.burst / this.perMs;
    for (const [key, bucket] of this.buckets) if (now - bucket.at >= fullAfterMs) this.buckets.delete(key);
  }
}
