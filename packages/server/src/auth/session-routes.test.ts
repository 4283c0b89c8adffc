import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN, type TestApp, bearer, testApp } from '../test-support.js';
import { hashSecret } from './secrets.js';
import { SESSION_COOKIE } from './session-cookie.js';
import { SESSION_IDLE_SECONDS } from './session-store.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
}, 60_000);
afterAll(async () => t.close(), 30_000);

interface SignedIn {
  cookie: { cookie: string };
  csrf: { 'x-csrf-token': string };
  secret: string;
  setCookie: string;
  body: { token: { id: number; name: string; hint: string }; csrfToken: string; expiresAt: string };
}

async function signIn(token = TEST_ADMIN_TOKEN, headers: Record<string, string> = {}): Promise<SignedIn> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers, payload: { token } });
  expect(res.statusCode, res.body).toBe(201);
  const setCookie = String(res.headers['set-cookie']);
  const secret = /^dial_session=([^;]+);/.exec(setCookie)?.[1];
  expect(secret).toBeDefined();
  const body = res.json<SignedIn['body']>();
  return { cookie: { cookie: `${SESSION_COOKIE}=${secret!}` }, csrf: { 'x-csrf-token': body.csrfToken }, secret: secret!, setCookie, body };
}

const createFlag = (key: string, headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/projects/default/flags', headers, payload: { key, name: key } });

describe('signing in', () => {
  it('exchanges an admin token for an HttpOnly, SameSite=Strict cookie and a CSRF token', async () => {
    const { setCookie, body, secret } = await signIn();
    expect(setCookie).toMatch(/^dial_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+$/);
    expect(setCookie).not.toContain('Secure');
    expect(body).toEqual({ token: { id: expect.any(Number), name: 'DIAL_ADMIN_TOKEN', hint: expect.stringMatching(/^dial_admin_…/) }, csrfToken: expect.any(String), expiresAt: expect.any(String) });
    expect(body.csrfToken).not.toBe(secret);
    const ends = Date.parse(body.expiresAt) - Date.now();
    expect(ends).toBeGreaterThan((SESSION_IDLE_SECONDS - 60) * 1000);
    expect(ends).toBeLessThanOrEqual(SESSION_IDLE_SECONDS * 1000 + 5000);
  });

  it('marks the cookie Secure behind an HTTPS proxy', async () => {
    const { setCookie } = await signIn(TEST_ADMIN_TOKEN, { 'x-forwarded-proto': 'https' });
    expect(setCookie).toMatch(/; Secure$/);
  });

  it('stores only a hash of the session secret', async () => {
    const { secret } = await signIn();
    const { rows } = await t.db.query<{ secret_hash: string }>('SELECT secret_hash FROM sessions');
    expect(rows.map((row) => row.secret_hash)).toContain(hashSecret(secret));
    expect(JSON.stringify(rows)).not.toContain(secret);
  });

  it('refuses an unknown token with 401 and an SDK key with 403, setting no cookie', async () => {
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { token: 'dial_admin_nope' } });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.headers['set-cookie']).toBeUndefined();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: t.admin,
      payload: { kind: 'server', name: 'sdk', project: 'default', environment: 'production' },
    });
    const sdk = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { token: created.json().secret } });
    expect(sdk.statusCode).toBe(403);
    expect(sdk.json().error.message).toContain('admin token');
    expect(sdk.headers['set-cookie']).toBeUndefined();
  });

  it('names a missing token field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].path).toBe('token');
  });
});

describe('the session cookie as a credential', () => {
  it('reads with the cookie alone', async () => {
    const { cookie } = await signIn();
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/projects', headers: cookie });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('writes with the cookie and its CSRF token, audited as the admin token it was made from', async () => {
    const { cookie, csrf, body } = await signIn();
    const res = await createFlag('by-cookie', { ...cookie, ...csrf });
    expect(res.statusCode, res.body).toBe(201);
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit?resource=by-cookie', headers: t.admin });
    expect(audit.json().entries[0].actor).toEqual({ id: `token:${body.token.id}`, name: 'DIAL_ADMIN_TOKEN' });
  });

  it.each([
    ['no CSRF token', {}],
    ['a wrong CSRF token', { 'x-csrf-token': 'x'.repeat(43) }],
  ])('refuses a cookie-authenticated write with %s, changing nothing', async (_what, extra) => {
    const { cookie } = await signIn();
    const res = await createFlag('csrf-victim', { ...cookie, ...extra });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    const flag = await t.app.inject({ method: 'GET', url: '/api/v1/projects/default/flags/csrf-victim', headers: t.admin });
    expect(flag.statusCode).toBe(404);
  });

  it('does not accept one session\'s CSRF token for another session', async () => {
    const first = await signIn();
    const second = await signIn();
    const res = await createFlag('crossed', { ...first.cookie, ...second.csrf });
    expect(res.statusCode).toBe(403);
  });

  it('needs no CSRF token with a bearer token, even beside a cookie', async () => {
    const { cookie } = await signIn();
    const res = await createFlag('by-bearer', { ...cookie, ...t.admin });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('answers 401 for an unknown cookie', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/projects', headers: { cookie: `${SESSION_COOKIE}=made-up` } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthorized');
  });

  it('ends sessions unused for 12 hours with 401 session_expired, and forgets them', async () => {
    const { cookie, secret } = await signIn();
    await t.db.query(`UPDATE sessions SET last_seen_at = now() - make_interval(secs => ${SESSION_IDLE_SECONDS + 1}) WHERE secret_hash = $1`, [hashSecret(secret)]);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/projects', headers: cookie });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'session_expired', message: expect.stringContaining('expired') });
    const { rows } = await t.db.query('SELECT 1 FROM sessions WHERE secret_hash = $1', [hashSecret(secret)]);
    expect(rows).toHaveLength(0);
  });

  it('keeps a session in use alive', async () => {
    const { cookie, secret } = await signIn();
    await t.db.query(`UPDATE sessions SET last_seen_at = now() - make_interval(secs => ${SESSION_IDLE_SECONDS - 120}) WHERE secret_hash = $1`, [hashSecret(secret)]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/projects', headers: cookie })).statusCode).toBe(200);
    const { rows } = await t.db.query<{ idle: boolean }>("SELECT last_seen_at > now() - interval '1 minute' AS idle FROM sessions WHERE secret_hash = $1", [hashSecret(secret)]);
    expect(rows[0]?.idle).toBe(true);
  });

  it('ends a session after 7 days even when used', async () => {
    const { cookie, secret } = await signIn();
    await t.db.query("UPDATE sessions SET created_at = now() - interval '7 days 1 minute' WHERE secret_hash = $1", [hashSecret(secret)]);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: cookie });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('session_expired');
  });

  it('ends the sessions of a revoked token', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: t.admin, payload: { kind: 'admin', name: 'short-lived' } });
    const { token, secret } = created.json<{ token: { id: number }; secret: string }>();
    const { cookie } = await signIn(secret);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/projects', headers: cookie })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${token.id}`, headers: bearer(TEST_ADMIN_TOKEN) })).statusCode).toBe(204);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/projects', headers: cookie });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'session_expired', message: expect.stringContaining('revoked') });
  });
});

describe('who am I and signing out', () => {
  it('answers the session with the same CSRF token, and 401 without a cookie', async () => {
    const { cookie, body } = await signIn();
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: cookie });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({ token: body.token, csrfToken: body.csrfToken });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(401);
  });

  it('signs out with the CSRF token: the cookie is cleared and no longer works', async () => {
    const { cookie, csrf } = await signIn();
    const refused = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: cookie });
    expect(refused.statusCode).toBe(403);
    const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { ...cookie, ...csrf } });
    expect(res.statusCode).toBe(204);
    expect(res.headers['set-cookie']).toBe('dial_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/projects', headers: cookie })).statusCode).toBe(401);
  });

  it('clears the cookie of a session that has already ended', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie: `${SESSION_COOKIE}=gone` } });
    expect(res.statusCode).toBe(204);
    expect(res.headers['set-cookie']).toContain('Max-Age=0');
  });
});
