import { metricDefinitionSchema, parseWith } from '@dial/core/validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations, withStartupLock } from '../platform/migrate.js';
import { MIGRATIONS_DIR } from '../server.js';
import { type TestDatabase, testDatabase } from '../test-support.js';

/*
 * Migration 0011 on metrics stored in the filter form before it: every
 * filter rewritten to journeys' form in its place, the rest of the
 * definition kept, and every row valid for the API afterwards.
 */

let database: TestDatabase;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => database.cleanup());

const OLD: Record<string, { kind: string; definition: Record<string, unknown> }> = {
  plain: { kind: 'conversion', definition: { event: 'signup', where: [], windowDays: 7 } },
  mixed: {
    kind: 'mean',
    definition: {
      event: 'purchase',
      property: 'amount',
      windowDays: 14,
      where: [
        { property: 'plan', op: 'eq', values: ['pro'] },
        { property: 'country', op: 'eq', values: ['DE', 'FR', 3, true] },
        { property: 'coupon', op: 'neq', values: [false] },
        { property: 'channel', op: 'neq', values: ['ads', 'spam'] },
        { property: 'amount', op: 'gt', value: 0 },
        { property: 'amount', op: 'gte', value: 1.5 },
        { property: 'items', op: 'lt', value: 100 },
        { property: 'items', op: 'lte', value: -2 },
      ],
    },
  },
  already: { kind: 'conversion', definition: { event: 'e', where: [{ property: 'p', operator: 'exists' }], windowDays: 1 } },
};

describe('migration 0011', () => {
  it('rewrites stored metric filters to the form journey steps take, keeping everything else', async () => {
    const db = database.db;
    const migrations = readMigrations(MIGRATIONS_DIR);
    const before = migrations.filter((migration) => migration.version <= 10);
    expect(migrations.find((migration) => migration.version === 11)?.name).toBe('metric_filters');
    await withStartupLock(db, (session) => migrate(session, before));
    const project = (await db.query<{ id: number }>("INSERT INTO projects (key, name) VALUES ('p', 'P') RETURNING id")).rows[0]!.id;
    for (const [key, { kind, definition }] of Object.entries(OLD)) {
      await db.query('INSERT INTO metrics (project_id, key, name, kind, definition) VALUES ($1, $2, $2, $3, $4::jsonb)', [project, key, kind, JSON.stringify(definition)]);
    }

    expect(await withStartupLock(db, (session) => migrate(session, migrations))).toEqual(migrations.filter((m) => m.version > 10).map((m) => m.version));

    const { rows } = await db.query<{ key: string; kind: string; definition: Record<string, unknown>; version: number }>(
      'SELECT key, kind, definition, version FROM metrics ORDER BY key',
    );
    const byKey = Object.fromEntries(rows.map((row) => [row.key, row]));
    expect(byKey.plain!.definition).toEqual(OLD.plain!.definition);
    expect(byKey.already!.definition).toEqual(OLD.already!.definition);
    expect(byKey.mixed!.definition).toEqual({
      event: 'purchase',
      property: 'amount',
      windowDays: 14,
      where: [
        { property: 'plan', operator: 'eq', value: 'pro' },
        { property: 'country', operator: 'in', value: ['DE', 'FR', 3, true] },
        { property: 'coupon', operator: 'neq', value: false },
        { property: 'channel', operator: 'notIn', value: ['ads', 'spam'] },
        { property: 'amount', operator: 'gt', value: 0 },
        { property: 'amount', operator: 'gte', value: 1.5 },
        { property: 'items', operator: 'lt', value: 100 },
        { property: 'items', operator: 'lte', value: -2 },
      ],
    });
    for (const row of rows) {
      expect(Number(row.version)).toBe(1);
      expect(parseWith(metricDefinitionSchema, { kind: row.kind, ...row.definition })).toEqual({ ok: true, value: { kind: row.kind, ...row.definition } });
    }
  });
});
