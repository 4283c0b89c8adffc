import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucket, unitKey } from './bucket.js';
import { murmur3, murmur3From, murmur3State } from './murmur3.js';

const spec = JSON.parse(readFileSync(new URL('../../../../shared/spec/evaluation/murmur3.json', import.meta.url), 'utf8')) as {
  cases: { input: string; murmur3: number; bucket: number }[];
};

/** The textbook algorithm over a byte array, to check the streaming encoder against. */
function reference(bytes: Uint8Array, seed = 0): number {
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  let h = seed;
  const blocks = bytes.length >> 2;
  for (let i = 0; i < blocks; i++) {
    let k = bytes[4 * i]! | (bytes[4 * i + 1]! << 8) | (bytes[4 * i + 2]! << 16) | (bytes[4 * i + 3]! << 24);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const tail = blocks * 4;
  const rest = bytes.length & 3;
  if (rest > 0) {
    let k = bytes[tail]!;
    if (rest > 1) k ^= bytes[tail + 1]! << 8;
    if (rest > 2) k ^= bytes[tail + 2]! << 16;
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
  }
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const utf8 = new TextEncoder();

describe('murmur3', () => {
  it.each(spec.cases)('hashes $input as the spec says', ({ input, murmur3: expected, bucket: expectedBucket }) => {
    expect(murmur3(input)).toBe(expected);
    expect(murmur3(input) % 100_000).toBe(expectedBucket);
  });

  it('agrees with the byte-array algorithm for any string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), fc.nat(), (input, seed) => {
        expect(murmur3(input, seed)).toBe(reference(utf8.encode(input), seed));
      }),
      { numRuns: 2000 },
    );
  });

  it('continues a hashed prefix exactly as hashing the whole string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 40 }), (prefix, rest) => {
        expect(murmur3From(murmur3State(prefix), rest)).toBe(murmur3(prefix + rest));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('bucketing', () => {
  it('is the hash of "salt/value" modulo 100000', () => {
    expect(bucket('new-checkout', 'user-1')).toBe(27752);
    expect(bucket('a', 'b')).toBe(murmur3('a/b') % 100_000);
  });

  it('reads units as strings: integers in plain decimal, booleans as words', () => {
    expect(unitKey('u-1')).toBe('u-1');
    expect(unitKey(42)).toBe('42');
    expect(unitKey(-0)).toBe('0');
    expect(unitKey(1.5)).toBe('1.5');
    expect(unitKey(1e21)).toBe('1000000000000000000000');
    expect(unitKey(true)).toBe('true');
    expect(unitKey(false)).toBe('false');
  });

  it('has no unit for missing, empty or structured values', () => {
    for (const value of [undefined, null, '', {}, [], ['a'], Number.NaN, Infinity]) expect(unitKey(value)).toBeUndefined();
  });
});
