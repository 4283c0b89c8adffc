import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('lets a burst through, then one request per refilled token, with whole seconds to wait', () => {
    let clock = 0;
    const limiter = new RateLimiter({ perSecond: 2, burst: 3 }, () => clock);
    for (let i = 0; i < 3; i++) expect(limiter.take('1')).toEqual({ ok: true });
    expect(limiter.take('1')).toEqual({ ok: false, retryAfterSeconds: 1 });
    clock += 499;
    expect(limiter.take('1').ok).toBe(false);
    clock += 1;
    expect(limiter.take('1').ok).toBe(true);
    expect(limiter.take('7').ok).toBe(true);
    clock += 60_000;
    for (let i = 0; i < 3; i++) expect(limiter.take('1').ok).toBe(true);
    expect(limiter.take('1').ok).toBe(false);
  });

  it('says to wait several seconds at a slow rate, never less than one', () => {
    let clock = 0;
    const limiter = new RateLimiter({ perSecond: 0.25, burst: 1 }, () => clock);
    expect(limiter.take('1').ok).toBe(true);
    expect(limiter.take('1')).toEqual({ ok: false, retryAfterSeconds: 4 });
    clock += 3_900;
    expect(limiter.take('1')).toEqual({ ok: false, retryAfterSeconds: 1 });
  });
});
