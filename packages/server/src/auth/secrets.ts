import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_KINDS = ['admin', 'server', 'client'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** Readable prefixes tell at a glance which kind of credential a string is, and let secret scanners find them. */
export const TOKEN_PREFIX: Readonly<Record<TokenKind, string>> = {
  admin: 'dial_admin_',
  server: 'dial_server_',
  client: 'dial_client_',
};

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 43 base-62 characters carry 256 bits. */
const SECRET_LENGTH = 43;

/** Random bytes come in as a parameter so tests can make tokens deterministic. */
export type RandomBytes = (size: number) => Uint8Array;

/**
 * A new secret of `kind`: its prefix and 43 random base-62 characters
 * (rejection-sampled, so every character is uniform).
 *
 * @example
 * newSecret('server'); // 'dial_server_3kT0…'
 */
export function newSecret(kind: TokenKind, random: RandomBytes = randomBytes): string {
  let body = '';
  while (body.length < SECRET_LENGTH) {
    for (const byte of random(64)) {
      if (byte < 248 && body.length < SECRET_LENGTH) body += ALPHABET[byte % 62];
    }
  }
  return TOKEN_PREFIX[kind] + body;
}

/** Only this hash is stored: secrets are high-entropy, so a fast hash is enough. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** What lists show instead of the secret: its prefix and last four characters. */
export function secretHint(secret: string): string {
  const kind = TOKEN_KINDS.find((k) => secret.startsWith(TOKEN_PREFIX[k]));
  return `${kind === undefined ? '' : TOKEN_PREFIX[kind]}…${secret.slice(-4)}`;
}
