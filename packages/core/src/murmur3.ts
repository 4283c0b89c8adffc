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

/**
 * Folds the UTF-8 bytes of `input` into `state`. Returns the packed state via
 * the out-array to stay allocation-free on the hot path.
 */
function absorb(state: HashState, input: string, out: number[]): void {
  let h = state.h;
  let k = state.tail;
  let n = state.tailLength;
  let length = state.length;
  const size = input.length;
  for (let i = 0; i < size; i++) {
    let c = input.charCodeAt(i);
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
    // Multi-byte: encode the code point (lone surrogates become U+FFFD, as TextEncoder does).
    let count: number;
    let bytes: number; // up to four bytes, first byte lowest
    if (c < 0x800) {
      count = 2;
      bytes = (0xc0 | (c >> 6)) | ((0x80 | (c & 0x3f)) << 8);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < size ? input.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
        } else {
          c = 0xfffd;
        }
      }
      if (c < 0x10000) {
        count = 3;
        bytes = (0xe0 | (c >> 12)) | ((0x80 | ((c >> 6) & 0x3f)) << 8) | ((0x80 | (c & 0x3f)) << 16);
      } else {
        count = 4;
        bytes =
          (0xf0 | (c >> 18)) |
          ((0x80 | ((c >> 12) & 0x3f)) << 8) |
          ((0x80 | ((c >> 6) & 0x3f)) << 16) |
          ((0x80 | (c & 0x3f)) << 24);
      }
    }
    for (let j = 0; j < count; j++) {
      k |= ((bytes >>> (j << 3)) & 0xff) << (n << 3);
      length++;
      if (++n === 4) {
        h = mixBlock(h, k);
        k = 0;
        n = 0;
      }
    }
  }
  out[0] = h;
  out[1] = k;
  out[2] = n;
  out[3] = length;
}

const scratch = [0, 0, 0, 0];

/** The state after hashing `prefix` from `seed`, to continue with {@link murmur3From}. */
export function murmur3State(prefix: string, seed = 0): HashState {
  absorb({ h: seed | 0, tail: 0, tailLength: 0, length: 0 }, prefix, scratch);
  return { h: scratch[0]!, tail: scratch[1]!, tailLength: scratch[2]!, length: scratch[3]! };
}

/**
 * The hash of the prefix behind `state` followed by `input`.
 *
 * @example
 * const salted = murmur3State('checkout-v2/');
 * murmur3From(salted, 'user-1') === murmur3('checkout-v2/user-1'); // true
 */
export function murmur3From(state: HashState, input: string): number {
  absorb(state, input, scratch);
  return finish(scratch[0]!, scratch[1]!, scratch[2]!, scratch[3]!);
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
