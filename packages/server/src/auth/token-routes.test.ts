import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createLogger } from '../platform/logger.js';
import { readMigrations } from '../platform/migrate.js';
import { MIGRATIONS_DIR } from '../server.js';
import { TEST_ADMIN_TOKEN, type TestApp, bearer, testApp } from '../test-support.js';
import { hashSecret } from './secrets.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
}, 60_000);
afterAll(async () => t.close(), 30_000);

interface Token {
  id: number;
  kind: string;
  name: string;
  hint: string;
  project: string | null;
  environment: string | null;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

/** Every secret the tests were shown, to check that none is kept or repeated anywhere. */
const secrets: string[] = [TEST_ADMIN_TOKEN];

async function create(payload: object, headers = t.admin): Promise<{ token: Token; secret: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers, payload });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json<{ token: Token; secret: string }>();
  secrets.push(body.secret);
  return body;
}

async function list(query = '', headers = t.admin): Promise<Token[]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/tokens${query}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ tokens: Token[] }>().tokens;
}

const revoke = (id: number, headers = t.admin) => t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers });

describe('creating tokens', () => {
  it.each([
    ['admin', {}, 'dial_admin_'],
    ['server', { project: 'default', environment: 'production' }, 'dial_server_'],
    ['client', { project: 'default', environment: 'production' }, 'dial_client_'],
  ])('creates a %s token, showing its secret once with its prefix', async (kind, scope, prefix) => {
    const { token, secret } = await create({ kind, name: `my ${kind}`, ...scope });
    expect(secret.startsWith(prefix)).toBe(true);
    expect(secret).toHaveLength(prefix.length + 43);
    expect(token).toEqual({
      id: expect.any(Number),
      kind,
      name: `my ${kind}`,
      hint: `${prefix}…${secret.slice(-4)}`,
      project: kind === 'admin' ? null : 'default',
      environment: kind === 'admin' ? null : 'production',
      createdBy: 'DIAL_ADMIN_TOKEN',
      createdAt: expect.any(String),
      revokedAt: null,
    });
    expect(Date.parse(token.createdAt)).not.toBeNaN();
    const again = await list();
    expect(again.find((listed) => listed.id === token.id)).toEqual(token);
  });

  it('stores only a hash of each secret', async () => {
    const { token, secret } = await create({ kind: 'server', name: 'hashed', project: 'default', environment: 'production' });
    const { rows } = await t.db.query<{ secret_hash: string }>('SELECT * FROM tokens WHERE id = $1', [token.id]);
    expect(rows[0]!.secret_hash).toBe(hashSecret(secret));
    const everything = JSON.stringify((await t.db.query('SELECT * FROM tokens')).rows);
    for (const known of secrets) {
      expect(everything).not.toContain(known);
      // Not even the random part without its prefix.
      expect(everything).not.toContain(known.replace(/^dial_[a-z]+_/, '').slice(0, 20));
    }
  });

  it('trims the name and names the creating token', async () => {
    const { token: bot, secret } = await create({ kind: 'admin', name: 'deploy-bot' });
    const { token } = await create({ kind: 'client', name: '  web app  ', project: 'default', environment: 'production' }, bearer(secret));
    expect(token).toMatchObject({ name: 'web app', createdBy: 'deploy-bot' });
    expect((await revoke(bot.id)).statusCode).toBe(204);
  });

  it.each([
    [{ kind: 'server', name: 'x', project: 'default' }, 'environment'],
    [{ kind: 'client', name: 'x', environment: 'production' }, 'project'],
    [{ kind: 'server', name: 'x' }, 'project'],
    [{ kind: 'admin', name: 'x', environment: 'production' }, 'environment'],
    [{ kind: 'admin', name: 'x', project: 'default', environment: 'production' }, 'project'],
    [{ kind: 'root', name: 'x' }, 'kind'],
    [{ name: 'x' }, 'kind'],
    [{ kind: 'admin' }, 'name'],
    [{ kind: 'admin', name: '   ' }, 'name'],
    [{ kind: 'admin', name: 'x', scopes: ['all'] }, 'scopes'],
    [{ kind: 'server', name: 'x', project: 7, environment: 'production' }, 'project'],
  ])('refuses %j with 400 naming %s, and creates nothing', async (payload, field) => {
    const before = await list('?includeRevoked=true');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: t.admin, payload });
    expect(res.statusCode, res.body).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(new RegExp(`^${field}: `));
    expect(error.details.issues[0].path).toBe(field);
    expect(await list('?includeRevoked=true')).toEqual(before);
  });

  it('names both fields when a server key has neither', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: t.admin, payload: { kind: 'server', name: 'x' } });
    expect(res.json().error.details.issues.map((issue: { path: string }) => issue.path)).toEqual(['project', 'environment']);
  });

  it.each([
    [{ project: 'nope', environment: 'production' }, 'Project "nope" does not exist'],
    [{ project: 'default', environment: 'nope' }, 'Environment "nope" in project "default" does not exist'],
  ])('refuses a key for an unknown place %j with 404', async (scope, message) => {
    const before = await list('?includeRevoked=true');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: t.admin, payload: { kind: 'client', name: 'x', ...scope } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toEqual({ code: 'not_found', message });
    expect(await list('?includeRevoked=true')).toEqual(before);
  });
});

describe('listing tokens', () => {
  it('never shows a secret or its hash', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/tokens?includeRevoked=true', headers: t.admin });
    for (const known of secrets) {
      expect(res.body).not.toContain(known);
      expect(res.body).not.toContain(hashSecret(known));
    }
    for (const token of res.json<{ tokens: Token[] }>().tokens) {
      expect(Object.keys(token).sort()).toEqual(['createdAt', 'createdBy', 'environment', 'hint', 'id', 'kind', 'name', 'project', 'revokedAt']);
    }
  });

  it('filters by kind, and leaves out revoked tokens unless asked', async () => {
    const { token } = await create({ kind: 'client', name: 'short-lived', project: 'default', environment: 'production' });
    expect((await revoke(token.id)).statusCode).toBe(204);
    const active = await list();
    expect(active.every((listed) => listed.revokedAt === null)).toBe(true);
    expect(active.map((listed) => listed.id)).not.toContain(token.id);
    const all = await list('?includeRevoked=true');
    expect(all.find((listed) => listed.id === token.id)?.revokedAt).toEqual(expect.any(String));
    expect(all.length).toBeGreaterThan(active.length);
    expect(await list('?includeRevoked=false')).toEqual(active);

    for (const kind of ['admin', 'server', 'client']) {
      const ofKind = await list(`?kind=${kind}&includeRevoked=true`);
      expect(ofKind.length).toBeGreaterThan(0);
      expect(ofKind.every((listed) => listed.kind === kind)).toBe(true);
      expect(ofKind).toEqual(all.filter((listed) => listed.kind === kind));
    }
    const ids = all.map((listed) => listed.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it.each([
    ['kind=root', 'kind'],
    ['includeRevoked=yes', 'includeRevoked'],
  ])('refuses ?%s with 400 naming %s', async (query, parameter) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/tokens?${query}`, headers: t.admin });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].path).toBe(`querystring.${parameter}`);
  });
});

describe('revoking tokens', () => {
  it('revokes at once: the next request with it gets 401', async () => {
    const { token, secret } = await create({ kind: 'admin', name: 'to revoke' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: bearer(secret) })).statusCode).toBe(200);
    const res = await revoke(token.id);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: bearer(secret) });
    expect(after.statusCode).toBe(401);
    expect(after.json().error).toEqual({ code: 'unauthorized', message: 'The token is unknown or revoked' });
  });

  it('revokes server and client keys, which can no longer be used', async () => {
    const { token } = await create({ kind: 'server', name: 'old key', project: 'default', environment: 'production' });
    expect((await revoke(token.id)).statusCode).toBe(204);
    expect((await list('?kind=server')).map((listed) => listed.id)).not.toContain(token.id);
  });

  it('answers 204 again for a token already revoked, and keeps the first revocation time', async () => {
    const { token } = await create({ kind: 'client', name: 'twice', project: 'default', environment: 'production' });
    expect((await revoke(token.id)).statusCode).toBe(204);
    const first = (await list('?includeRevoked=true')).find((listed) => listed.id === token.id)!.revokedAt;
    expect((await revoke(token.id)).statusCode).toBe(204);
    expect((await list('?includeRevoked=true')).find((listed) => listed.id === token.id)!.revokedAt).toBe(first);
    const audit = await t.app.inject({ method: 'GET', url: `/api/v1/audit?action=token.revoked&resource=${token.id}`, headers: t.admin });
    expect(audit.json().entries).toHaveLength(1);
  });

  it('lets an admin token revoke itself while another admin remains', async () => {
    const { token, secret } = await create({ kind: 'admin', name: 'self' });
    expect((await revoke(token.id, bearer(secret))).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: bearer(secret) })).statusCode).toBe(401);
  });

  it.each([
    ['999999', 404, 'not_found'],
    ['abc', 400, 'validation_failed'],
    ['0', 400, 'validation_failed'],
    ['99999999999', 400, 'validation_failed'],
  ])('answers DELETE /tokens/%s with %i', async (id, status, code) => {
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: t.admin });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
  });
});

describe('who may manage tokens', () => {
  it('refuses requests without a valid admin token: 401 without one, 403 with another kind', async () => {
    const server = await create({ kind: 'server', name: 'sdk', project: 'default', environment: 'production' });
    const client = await create({ kind: 'client', name: 'web', project: 'default', environment: 'production' });
    const requests = [
      { method: 'GET' as const, url: '/api/v1/tokens' },
      { method: 'POST' as const, url: '/api/v1/tokens', payload: { kind: 'admin', name: 'sneaky' } },
      { method: 'DELETE' as const, url: `/api/v1/tokens/${server.token.id}` },
    ];
    for (const request of requests) {
      expect((await t.app.inject(request)).statusCode).toBe(401);
      for (const authorization of ['Bearer', 'Bearer dial_admin_guess', `Basic ${Buffer.from('admin:admin').toString('base64')}`, TEST_ADMIN_TOKEN]) {
        expect((await t.app.inject({ ...request, headers: { authorization } })).statusCode, authorization).toBe(401);
      }
      for (const key of [server.secret, client.secret]) {
        const res = await t.app.inject({ ...request, headers: bearer(key) });
        expect(res.statusCode).toBe(403);
        expect(res.json().error.message).toMatch(/needs an admin token/);
      }
    }
    expect((await list('?kind=admin')).map((token) => token.name)).not.toContain('sneaky');
    expect((await list('?kind=server')).map((token) => token.id)).toContain(server.token.id);
  });

  it('accepts the scheme in any case and surrounding spaces', async () => {
    for (const authorization of [`bearer ${TEST_ADMIN_TOKEN}`, `BEARER   ${TEST_ADMIN_TOKEN} `]) {
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: { authorization } })).statusCode).toBe(200);
    }
  });
});

describe('auditing', () => {
  it('records creation and revocation, without the secret', async () => {
    const { token, secret } = await create({ kind: 'server', name: 'audited', project: 'default', environment: 'production' });
    expect((await revoke(token.id)).statusCode).toBe(204);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit?resourceType=token&resource=${token.id}`, headers: t.admin });
    const entries = res.json().entries;
    expect(entries).toMatchObject([
      {
        action: 'token.revoked',
        resource: { type: 'token', key: String(token.id), project: 'default', environment: 'production' },
        before: { id: token.id, revokedAt: null },
        after: { id: token.id, revokedAt: expect.any(String) },
      },
      { action: 'token.created', actor: { name: 'DIAL_ADMIN_TOKEN' }, before: null, after: { id: token.id, name: 'audited', hint: token.hint } },
    ]);
    const everything = JSON.stringify((await t.db.query("SELECT * FROM audit_log WHERE resource_type = 'token'")).rows);
    for (const known of secrets) {
      expect(everything).not.toContain(known);
      expect(everything).not.toContain(hashSecret(known));
    }
    expect(everything).not.toContain(secret);
  });

  it('keeps secrets out of the logs', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = await buildApp({ db: t.db, logger: createLogger('trace', sink), migrations: readMigrations(MIGRATIONS_DIR) });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: t.admin, payload: { kind: 'admin', name: 'logged' } });
      const { token, secret } = res.json<{ token: Token; secret: string }>();
      await app.inject({ method: 'GET', url: '/api/v1/tokens?kind=admin', headers: bearer(secret) });
      await app.inject({ method: 'DELETE', url: `/api/v1/tokens/${token.id}`, headers: bearer(secret) });
      await app.inject({ method: 'GET', url: '/api/v1/tokens', headers: bearer(secret) });
      expect(lines.length).toBeGreaterThan(4);
      const log = lines.join('');
      for (const known of [secret, TEST_ADMIN_TOKEN]) expect(log).not.toContain(known);
      expect(log).not.toContain('authorization');
    } finally {
      await app.close();
    }
  });
});

describe('the last admin token', () => {
  it('cannot be revoked: 409, and it keeps working', async () => {
    const me = (await list('?kind=admin')).find((token) => token.name === 'DIAL_ADMIN_TOKEN')!;
    for (const other of await list('?kind=admin')) {
      if (other.id !== me.id) expect((await revoke(other.id)).statusCode).toBe(204);
    }
    const res = await revoke(me.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', message: expect.stringContaining('last active admin token') });
    expect((await list('?kind=admin')).map((token) => token.id)).toEqual([me.id]);
    const audit = await t.app.inject({ method: 'GET', url: `/api/v1/audit?action=token.revoked&resource=${me.id}`, headers: t.admin });
    expect(audit.json().entries).toEqual([]);
  });

  it('survives two admins revoking each other at once', async () => {
    const me = (await list('?kind=admin'))[0]!;
    const other = await create({ kind: 'admin', name: 'rival' });
    const results = await Promise.all([revoke(other.token.id), revoke(me.id, bearer(other.secret))]);
    const statuses = results.map((res) => res.statusCode).sort();
    // One wins; the other is refused as the last admin, or, if the winner committed first, as revoked.
    expect([[204, 409], [204, 401]]).toContainEqual(statuses);
    expect(await t.db.query("SELECT id FROM tokens WHERE kind = 'admin' AND revoked_at IS NULL").then((r) => r.rows)).toHaveLength(1);
  });
});
