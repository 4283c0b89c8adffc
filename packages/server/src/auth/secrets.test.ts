import { describe, expect, it } from 'vitest';
import { TOKEN_KINDS, TOKEN_PREFIX, hashSecret, newSecret, secretHint } from './secrets.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random source that hands out `bytes` in order, as many as asked for, then repeats them. */
function sequence(bytes: readonly number[]) {
  let next = 0;
  return (size: number) => Uint8Array.from({ length: size }, () => bytes[next++ % bytes.length]!);
}

describe('newSecret', () => {
  it.each(TOKEN_KINDS)('starts a %s secret with its prefix, then 43 base-62 characters', (kind) => {
    const secret = newSecret(kind);
    expect(secret.startsWith(TOKEN_PREFIX[kind])).toBe(true);
    expect(secret.slice(TOKEN_PREFIX[kind].length)).toMatch(/^[0-9A-Za-z]{43}$/);
  });

  it('is deterministic with an injected random source', () => {
    const counting = (size: number) => Uint8Array.from({ length: size }, (_, i) => i);
    expect(newSecret('admin', counting)).toBe(`dial_admin_${ALPHABET.slice(0, 43)}`);
    expect(newSecret('client', sequence([7, 9]))).toBe(newSecret('client', sequence([7, 9])));
  });

  it('skips the bytes that would bias the alphabet (248 to 255), and wraps the rest', () => {
    // 248 = 4 × 62: bytes from 248 up would make the first eight characters likelier.
    const secret = newSecret('server', sequence([248, 255, 0, 252, 61, 62, 247]));
    expect(secret.slice('dial_server_'.length, 'dial_server_'.length + 4)).toBe('0z0z');
  });

  it('keeps drawing until it has enough usable bytes', () => {
    let calls = 0;
    const mostlyUnusable = (size: number) => {
      calls++;
      return Uint8Array.from({ length: size }, (_, i) => (calls < 3 || i % 2 === 0 ? 255 : 1));
    };
    expect(newSecret('admin', mostlyUnusable)).toBe(`dial_admin_${'1'.repeat(43)}`);
    expect(calls).toBe(4);
  });

  it('uses every character about equally often', () => {
    const counts = new Map<string, number>();
    const samples = 2000;
    for (let i = 0; i < samples; i++) {
      for (const char of newSecret('client').slice('dial_client_'.length)) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    expect([...counts.keys()].sort().join('')).toBe([...ALPHABET].sort().join(''));
    const expected = (samples * 43) / 62; // ≈ 1387, with a standard deviation of ≈ 37
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(expected * 0.75);
      expect(count).toBeLessThan(expected * 1.25);
    }
  });

  it('never repeats', () => {
    const secrets = new Set(Array.from({ length: 1000 }, () => newSecret('server')));
    expect(secrets.size).toBe(1000);
  });
});

describe('hashSecret', () => {
  it('is the SHA-256 of the secret in hex: stable, and different for different secrets', () => {
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashSecret('dial_admin_x')).toBe(hashSecret('dial_admin_x'));
    expect(hashSecret('dial_admin_x')).not.toBe(hashSecret('dial_admin_y'));
  });
});

describe('secretHint', () => {
  it('shows the prefix and the last four characters only', () => {
    const secret = newSecret('server', sequence([1, 2, 3]));
    expect(secretHint(secret)).toBe(`dial_server_…${secret.slice(-4)}`);
    expect(secretHint(secret)).not.toContain(secret.slice(12, -4));
  });

  it('shows only the last four characters of a secret without a known prefix', () => {
    expect(secretHint('my-own-admin-token-from-the-environment')).toBe('…ment');
  });
});
