import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPostgres } from '@dial/server';
import { describe, expect, it } from 'vitest';
import { postgresBinaries, startPrivatePostgres } from './test-private-postgres.js';

describe('a private PostgreSQL cluster', { timeout: 30_000 }, () => {
  it('keeps what was committed across a crash, refuses connections while down, and leaves nothing behind', async () => {
    const cluster = await startPrivatePostgres();
    try {
      expect(cluster.port).toBeLessThan(32_768);
      const before = openPostgres(cluster.url());
      await before.query('CREATE TABLE kept (n integer)');
      await before.query('INSERT INTO kept VALUES (1), (2)');
      await before.close();

      expect(cluster.running).toBe(true);
      await cluster.crash();
      expect(cluster.running).toBe(false);
      const down = openPostgres(cluster.url());
      await expect(down.query('SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
      await down.close();

      await cluster.start();
      const after = openPostgres(cluster.url());
      const { rows } = await after.query<{ n: number }>('SELECT n FROM kept ORDER BY n');
      expect(rows.map((row) => row.n)).toEqual([1, 2]);
      await after.close();
    } finally {
      await cluster.destroy();
    }
    expect(existsSync(cluster.dir)).toBe(false);
  });

  it('says what to install when the server binaries are missing', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'dial-no-pg-'));
    try {
      // A client-only install has a version folder without initdb.
      mkdirSync(path.join(root, '15', 'bin'), { recursive: true });
      expect(() => postgresBinaries(root)).toThrow(/No PostgreSQL server binaries \(initdb, pg_ctl\).*apt-get install postgresql/);
      expect(() => postgresBinaries(path.join(root, 'absent'))).toThrow(/install Debian's postgresql package/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('picks the newest version that has the server binaries', () => {
    expect(postgresBinaries()).toMatch(/^\/usr\/lib\/postgresql\/\d+\/bin$/);
  });
});
