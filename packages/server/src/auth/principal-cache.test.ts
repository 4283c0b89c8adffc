import { describe, expect, it } from 'vitest';
import type { Queryable } from '../platform/db.js';
import { PrincipalCache } from './principal-cache.js';
import { hashSecret } from './secrets.js';

const secrets = { client: 'dial_client_a', server: 'dial_server_b', admin: 'dial_admin_c' };
const rows = {
  client: { id: 1, kind: 'client', environment_id: 10 },
  server: { id: 2, kind: 'server', environment_id: 11 },
  admin: { id: 3, kind: 'admin', environment_id: null },
};
const byHash = new Map<string, number>([
  [hashSecret(secrets.client), 1],
  [hashSecret(secrets.server), 2],
  [hashSecret(secrets.admin), 3],
]);

/** A database with one row per secret hash asked for, counting queries. */
function fakeDb() {
  const db = {
    queries: 0,
    async query(_text: string, params?: readonly unknown[]) {
      db.queries++;
      const row = Object.values(rows).find((candidate) => candidate.id === byHash.get(String(params?.[0])));
      return { rows: row === undefined ? [] : [{ ...row, name: `t${row.id}`, project_id: 1 }], rowCount: row === undefined ? 0 : 1 };
    },
  };
  return db as typeof db & Queryable;
}

describe('PrincipalCache', () => {
  it('remembers SDK keys for the TTL once live, never admin tokens or unknown secrets', async () => {
    let clock = 0;
    const db = fakeDb();
    const cache = new PrincipalCache({ ttlMs: 1_000, now: () => clock });
    expect(await cache.lookup(db, secrets.client)).toMatchObject({ tokenId: 1, kind: 'client' });
    expect(cache.size).toBe(0); // not live yet: nothing would tell it of a revocation
    cache.resume();
    for (const secret of Object.values(secrets)) await cache.lookup(db, secret);
    expect(await cache.lookup(db, 'dial_client_unknown')).toBeUndefined();
    db.queries = 0;
    await cache.lookup(db, secrets.client);
    await cache.lookup(db, secrets.server);
    expect(db.queries).toBe(0);
    await cache.lookup(db, secrets.admin);
    await cache.lookup(db, 'dial_client_unknown');
    expect(db.queries).toBe(2);
    clock += 1_000;
    await cache.lookup(db, secrets.client);
    expect(db.queries).toBe(3);
  });

  it('forgets a revoked token, a deleted environment\'s keys, and everything when suspended', async () => {
    const db = fakeDb();
    const cache = new PrincipalCache();
    cache.resume();
    await cache.lookup(db, secrets.client);
    await cache.lookup(db, secrets.server);
    cache.forgetToken(1);
    expect(cache.size).toBe(1);
    cache.forgetEnvironment(11);
    expect(cache.size).toBe(0);
    await cache.lookup(db, secrets.client);
    cache.suspend();
    expect(cache.size).toBe(0);
    await cache.lookup(db, secrets.client);
    expect(cache.size).toBe(0);
  });

  it('does not keep what a lookup read while a revocation was heard', async () => {
    const db = fakeDb();
    const cache = new PrincipalCache();
    cache.resume();
    const pending = cache.lookup(db, secrets.client);
    cache.forgetToken(1);
    expect(await pending).toMatchObject({ tokenId: 1 });
    expect(cache.size).toBe(0);
  });
});
