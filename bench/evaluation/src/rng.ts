/** A seeded source of numbers in [0, 1): the same seed gives the same users on every run. */
export type Rng = () => number;

/**
 * Mulberry32: small, fast and good enough to shuffle benchmark inputs.
 *
 * @example
 * const rng = mulberry32(42);
 * rng(); // 0.6011037519201636, every time
 */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
