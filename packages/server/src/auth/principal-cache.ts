import type { Queryable } from '../platform/db.js';
import { type TokenKind, hashSecret } from './secrets.js';
import { type Principal, principalForSecret } from './token-store.js';

export interface PrincipalCacheOptions {
  /** How long a looked-up key is trusted without asking the database again. */
  ttlMs?: number;
  /** Keys remembered at most; the oldest is forgotten first. */
  maxEntries?: number;
  /** Token kinds worth remembering: SDK keys call on every page view or poll. */
  kinds?: readonly TokenKind[];
  now?: () => number;
}

interface Entry {
  readonly principal: Principal;
  readonly expires: number;
}

/**
 * SDK keys looked up recently, by the hash of their secret, so a client
 * evaluating flags costs no database query. Correct only while something
 * tells it at once when access ends: the snapshot hub, which hears every
 * `dial_revoked` NOTIFY, calls `forgetToken`/`forgetEnvironment`, and
 * `suspend`s it while its listening connection is down (every lookup then
 * goes to the database). Until `resume` it remembers nothing.
 *
 * @example
 * const principals = new PrincipalCache();
 * principals.resume(); // once listening for revocations
 * const principal = await principals.lookup(db, secret);
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly kinds: ReadonlySet<TokenKind>;
  private readonly now: () => number;
  /** Raised by every forget: a lookup that began before one must not store what it read. */
  private generation = 0;
  private live = false;

  constructor(options: PrincipalCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.kinds = new Set(options.kinds ?? ['server', 'client']);
    this.now = options.now ?? Date.now;
  }

  /** The active token a secret belongs to, from memory when it was looked up lately. */
  async lookup(db: Queryable, secret: string): Promise<Principal | undefined> {
    const hash = hashSecret(secret);
    const now = this.now();
    const hit = this.entries.get(hash);
    if (hit !== undefined) {
      if (hit.expires > now) return hit.principal;
      this.entries.delete(hash);
    }
    const generation = this.generation;
    const principal = await principalForSecret(db, secret);
    if (principal !== undefined && this.live && generation === this.generation && this.kinds.has(principal.kind)) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(hash, { principal, expires: now + this.ttlMs });
    }
    return principal;
  }

  /** A token was revoked or deleted. */
  forgetToken(tokenId: number): void {
    this.generation++;
    for (const [hash, entry] of this.entries) if (entry.principal.tokenId === tokenId) this.entries.delete(hash);
  }

  /** An environment was deleted, and with it its keys. */
  forgetEnvironment(environmentId: number): void {
    this.generation++;
    for (const [hash, entry] of this.entries) if (entry.principal.environmentId === environmentId) this.entries.delete(hash);
  }

  /** Revocations may go unheard from now on: forget everything and remember nothing until `resume`. */
  suspend(): void {
    this.live = false;
    this.generation++;
    this.entries.clear();
  }

  /** Revocations are heard again. */
  resume(): void {
    this.live = true;
  }

  /** Keys remembered, for tests. */
  get size(): number {
    return this.entries.size;
  }
}
