/**
 * MurmurHash3, x86 32-bit variant, over the UTF-8 bytes of a string.
 *
 * Strings are encoded on the fly (no TextEncoder, no intermediate buffer) and
 * a fixed prefix such as a rollout's `salt + "/"` can be hashed once and
 * continued per value, which keeps bucketing allocation-free.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** The hash state after some bytes: full blocks folded into `h`, up to 3 pending bytes in `tail`. */
export interface HashState {
  readonly h: number;
  readonly tail: number;
  readonly tailLength: number;
  readonly length: number;
}

function mixBlock(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finish(h: number, tail: number, tailLength: number, length: number): number {
  if (tailLength > 0) {
    let k = Math.imul(tail, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
  }
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Writes the UTF-8 bytes of code unit(s) at `input[i]` into `bytes`; returns how many units it consumed. */
function encodeAt(input: string, i: number, out: { bytes: number; count: number }): number {
  let c = input.charCodeAt(i);
  if (c < 0x800) {
    out.count = 2;
    out.bytes = (0xc0 | (c >> 6)) | ((0x80 | (c & 0x3f)) << 8);
    return 1;
  }
  let consumed = 1;
  if (c >= 0xd800 && c <= 0xdfff) {
    // Lone surrogates become U+FFFD, as TextEncoder does.
    const next = i + 1 < input.length ? input.charCodeAt(i + 1) : 0;
    if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
      consumed = 2;
    } else {
      c = 0xfffd;
    }
  }
  if (c < 0x10000) {
    out.count = 3;
    out.bytes = (0xe0 | (c >> 12)) | ((0x80 | ((c >> 6) & 0x3f)) << 8) | ((0x80 | (c & 0x3f)) << 16);
  } else {
    out.count = 4;
    out.bytes =
      (0xf0 | (c >> 18)) | ((0x80 | ((c >> 12) & 0x3f)) << 8) | ((0x80 | ((c >> 6) & 0x3f)) << 16) | ((0x80 | (c & 0x3f)) << 24);
  }
  return consumed;
}

const encoded = { bytes: 0, count: 0 };

/**
 * Folds the UTF-8 bytes of `input` into `state`, then finishes the hash when
 * `finishing`, or returns the state to continue from.
 */
function absorb(state: HashState, input: string, finishing: true): number;
function absorb(state: HashState, input: string, finishing: false): HashState;
function absorb(state: HashState, input: string, finishing: boolean): number | HashState {
  let h = state.h;
  let k = state.tail;
  let n = state.tailLength;
  let length = state.length;
  const size = input.length;
  for (let i = 0; i < size; i++) {
    const c = input.charCodeAt(i);
    if (c < 0x80) {
      k |= c << (n << 3);
      length++;
      if (++n === 4) {
        h = mixBlock(h, k);
        k = 0;
        n = 0;
      }
      continue;
    }
    i += encodeAt(input, i, encoded) - 1;
    for (let j = 0; j < encoded.count; j++) {
      k |= ((encoded.bytes >>> (j << 3)) & 0xff) << (n << 3);
      length++;
      if (++n === 4) {
        h = mixBlock(h, k);
        k = 0;
        n = 0;
      }
    }
  }
  return finishing ? finish(h, k, n, length) : { h, tail: k, tailLength: n, length };
}

/** The state after hashing `prefix` from `seed`, to continue with {@link murmur3From}. */
export function murmur3State(prefix: string, seed = 0): HashState {
  return absorb({ h: seed | 0, tail: 0, tailLength: 0, length: 0 }, prefix, false);
}

/**
 * The hash of the prefix behind `state` followed by `input`.
 *
 * @example
 * const salted = murmur3State('checkout-v2/');
 * murmur3From(salted, 'user-1') === murmur3('checkout-v2/user-1'); // true
 */
export function murmur3From(state: HashState, input: string): number {
  return absorb(state, input, true);
}

const EMPTY: HashState = { h: 0, tail: 0, tailLength: 0, length: 0 };

/**
 * MurmurHash3 x86_32 of the UTF-8 bytes of `input`, as an unsigned 32-bit integer.
 *
 * @example
 * murmur3('hello'); // 613153351
 */
export function murmur3(input: string, seed = 0): number {
  return murmur3From(seed === 0 ? EMPTY : { ...EMPTY, h: seed | 0 }, input);
}
