import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, LOG_LEVELS, loadConfig } from './config.js';

const cwd = path.resolve('/srv/dial');

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({}, cwd)).toEqual({
      port: 4242,
      host: '0.0.0.0',
      databaseUrl: undefined,
      dataDir: path.join(cwd, '.dial'),
      logLevel: 'info',
      adminToken: undefined,
      clientRateLimit: { perSecond: 50, burst: 100 },
      eventQueueLimit: 50_000,
      retentionIntervalSeconds: 3600,
      analyticsRefreshSeconds: 5,
      trustProxy: false,
    });
  });

  it('treats empty and blank variables as unset', () => {
    const blank = { DIAL_PORT: '', DIAL_HOST: ' ', DATABASE_URL: '', DIAL_DATA_DIR: '  ', DIAL_LOG_LEVEL: '', DIAL_ADMIN_TOKEN: ' ', DIAL_CLIENT_RATE_LIMIT: ' ', DIAL_EVENT_QUEUE_LIMIT: '', DIAL_RETENTION_INTERVAL_SECONDS: ' ', DIAL_ANALYTICS_REFRESH_SECONDS: '' };
    expect(loadConfig(blank, cwd)).toEqual(loadConfig({}, cwd));
  });

  it.each([
    ['8080', 8080],
    [' 80 ', 80],
    ['65535', 65535],
    // Port 0 lets the system pick a free port; the printed URL then shows the real one.
    ['0', 0],
  ])('reads DIAL_PORT=%j', (value, port) => {
    expect(loadConfig({ DIAL_PORT: value }, cwd).port).toBe(port);
  });

  it('reads DIAL_HOST', () => {
    expect(loadConfig({ DIAL_HOST: '127.0.0.1' }, cwd).host).toBe('127.0.0.1');
  });

  it.each(['postgres://dial@db:5432/dial', 'postgresql://dial:secret@localhost/dial?sslmode=require'])('reads DATABASE_URL=%s', (url) => {
    expect(loadConfig({ DATABASE_URL: url }, cwd).databaseUrl).toBe(url);
  });

  it('resolves DIAL_DATA_DIR against the working folder, and keeps absolute paths', () => {
    expect(loadConfig({ DIAL_DATA_DIR: 'state' }, cwd).dataDir).toBe(path.join(cwd, 'state'));
    expect(loadConfig({ DIAL_DATA_DIR: '/var/lib/dial' }, cwd).dataDir).toBe(path.resolve('/var/lib/dial'));
  });

  it.each(LOG_LEVELS)('reads DIAL_LOG_LEVEL=%s', (level) => {
    expect(loadConfig({ DIAL_LOG_LEVEL: level }, cwd).logLevel).toBe(level);
  });

  it('reads DIAL_LOG_LEVEL in any case', () => {
    expect(loadConfig({ DIAL_LOG_LEVEL: 'WARN' }, cwd).logLevel).toBe('warn');
  });

  it('reads DIAL_ADMIN_TOKEN', () => {
    const token = 'dial_admin_0123456789abcdefghijklmnop';
    expect(loadConfig({ DIAL_ADMIN_TOKEN: token }, cwd).adminToken).toBe(token);
  });

  it.each([
    ['20', { perSecond: 20, burst: 40 }],
    ['0.5', { perSecond: 0.5, burst: 1 }],
    ['1000:5000', { perSecond: 1000, burst: 5000 }],
    [' 10:1 ', { perSecond: 10, burst: 1 }],
  ])('reads DIAL_CLIENT_RATE_LIMIT=%j as requests per second and a burst', (value, limit) => {
    expect(loadConfig({ DIAL_CLIENT_RATE_LIMIT: value }, cwd).clientRateLimit).toEqual(limit);
  });

  it('reads DIAL_EVENT_QUEUE_LIMIT as a number of event rows', () => {
    expect(loadConfig({ DIAL_EVENT_QUEUE_LIMIT: ' 200000 ' }, cwd).eventQueueLimit).toBe(200_000);
  });

  it('reads DIAL_ANALYTICS_REFRESH_SECONDS, from a second to an hour, 5 by default', () => {
    expect(loadConfig({}, cwd).analyticsRefreshSeconds).toBe(5);
    expect(loadConfig({ DIAL_ANALYTICS_REFRESH_SECONDS: '3600' }, cwd).analyticsRefreshSeconds).toBe(3_600);
  });

  it('reads DIAL_RETENTION_INTERVAL_SECONDS, from a second to a week', () => {
    expect(loadConfig({ DIAL_RETENTION_INTERVAL_SECONDS: ' 60 ' }, cwd).retentionIntervalSeconds).toBe(60);
    expect(loadConfig({ DIAL_RETENTION_INTERVAL_SECONDS: '604800' }, cwd).retentionIntervalSeconds).toBe(604_800);
  });

  it.each([
    ['true', true],
    ['false', false],
    ['2', 2],
    ['10.0.0.1, 10.1.0.0/16', ['10.0.0.1', '10.1.0.0/16']],
  ])('reads DIAL_TRUST_PROXY=%j', (value, trust) => {
    expect(loadConfig({ DIAL_TRUST_PROXY: value }, cwd).trustProxy).toEqual(trust);
  });

  it.each([
    ['DIAL_TRUST_PROXY', 'yes please'],
    ['DIAL_TRUST_PROXY', 'proxy.internal'],
    ['DIAL_CLIENT_RATE_LIMIT', '0'],
    ['DIAL_CLIENT_RATE_LIMIT', '10:0'],
    ['DIAL_CLIENT_RATE_LIMIT', 'fast'],
    ['DIAL_CLIENT_RATE_LIMIT', '-5'],
    ['DIAL_CLIENT_RATE_LIMIT', '10:2.5'],
    ['DIAL_EVENT_QUEUE_LIMIT', '999'],
    ['DIAL_EVENT_QUEUE_LIMIT', 'lots'],
    ['DIAL_EVENT_QUEUE_LIMIT', '1e6'],
    ['DIAL_RETENTION_INTERVAL_SECONDS', '0'],
    ['DIAL_RETENTION_INTERVAL_SECONDS', '604801'],
    ['DIAL_RETENTION_INTERVAL_SECONDS', '1.5'],
    ['DIAL_RETENTION_INTERVAL_SECONDS', 'hourly'],
    ['DIAL_ANALYTICS_REFRESH_SECONDS', '0'],
    ['DIAL_ANALYTICS_REFRESH_SECONDS', '3601'],
    ['DIAL_ANALYTICS_REFRESH_SECONDS', 'soon'],
    ['DIAL_PORT', 'abc'],
    ['DIAL_PORT', '-1'],
    ['DIAL_PORT', '65536'],
    ['DIAL_PORT', '80.5'],
    ['DIAL_PORT', '0x50'],
    ['DIAL_LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'mysql://db/dial'],
    ['DATABASE_URL', 'db.example.com'],
    ['DIAL_ADMIN_TOKEN', 'short'],
  ])('rejects %s=%j with a message naming the variable', (variable, value) => {
    const load = () => loadConfig({ [variable]: value }, cwd);
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(variable);
  });

  it('does not echo a rejected DATABASE_URL or DIAL_ADMIN_TOKEN, which may hold secrets', () => {
    for (const [variable, value] of [
      ['DATABASE_URL', 'mysql://root:hunter2@db/dial'],
      ['DIAL_ADMIN_TOKEN', 'hunter2'],
    ] as const) {
      try {
        loadConfig({ [variable]: value }, cwd);
        expect.unreachable();
      } catch (error) {
        expect((error as Error).message).not.toContain('hunter2');
      }
    }
  });
});
