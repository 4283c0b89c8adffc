/**
 * Remembers which (unit, flag, variant) exposures were sent recently, so a
 * flag evaluated on every request sends one exposure per unit per window.
 * Bounded: past `capacity` entries the least recently seen is forgotten.
 *
 * @example
 * const dedup = new ExposureDedup(3_600_000, 10_000);
 * dedup.isNew('user-1', 'checkout', 'on', Date.now()); // true, then false for an hour
 */
export class ExposureDedup {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly capacity: number,
  ) {}

  /** True if this exposure was not seen within the window; it is then remembered as seen at `nowMs`. */
  isNew(unitKey: string, flagKey: string, variant: string, nowMs: number): boolean {
    const id = JSON.stringify([unitKey, flagKey, variant]);
    const last = this.seen.get(id);
    this.seen.delete(id);
    if (last !== undefined && nowMs - last < this.windowMs) {
      this.seen.set(id, last);
      return false;
    }
    this.seen.set(id, nowMs);
    while (this.seen.size > this.capacity) {
      const oldest = this.seen.keys().next();
      if (oldest.done === true) break;
      this.seen.delete(oldest.value);
    }
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}
