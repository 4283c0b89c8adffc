import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEnvironment, findProject } from '../flags/projects.js';
import type { Database } from '../platform/db.js';
import { prepareDatabase } from '../server.js';
import { TEST_ADMIN_TOKEN, type TestDatabase, testDatabase } from '../test-support.js';
import type { EventRow } from './event-validation.js';
import { EventWriter, type WriteResult, copyText, requestRows, writeBatch } from './event-writer.js';

let database: TestDatabase;
let db: Database;
let environmentId: number;

beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
  await prepareDatabase(db, TEST_ADMIN_TOKEN);
  const project = (await findProject(db, 'default'))!;
  environmentId = (await findEnvironment(db, project.id, 'production'))!.id;
});
afterAll(async () => {
  await database.cleanup();
});

let sequence = 0;
const receivedAt = new Date();

function row(overrides: Partial<EventRow> = {}): EventRow {
  return {
    environmentId,
    eventId: `w-${++sequence}`,
    type: 'track',
    name: 'signup',
    unitKey: 'user-1',
    variant: null,
    attributes: '{}',
    properties: '{}',
    occurredAt: new Date(receivedAt.getTime() - 1_000),
    receivedAt,
    ...overrides,
  };
}

const exposure = (unitKey: string, variant: string, secondsAgo: number, overrides: Partial<EventRow> = {}) =>
  row({ type: 'exposure', name: 'checkout', unitKey, variant, occurredAt: new Date(receivedAt.getTime() - secondsAgo * 1_000), ...overrides });

const write = async (...requests: EventRow[][]): Promise<Pick<WriteResult, 'accepted' | 'duplicates'>[]> =>
  (await writeBatch(db, requests.map(requestRows))).requests.map(({ accepted, duplicates }) => ({ accepted, duplicates }));

async function stored(ids: readonly string[]): Promise<Record<string, unknown>[]> {
  const { rows } = await db.query(
    'SELECT event_id, type, name, unit_key, variant, attributes, properties, occurred_at FROM events WHERE event_id = ANY($1::text[]) ORDER BY event_id',
    [ids],
  );
  return rows;
}

async function firstVariant(unitKey: string): Promise<string | undefined> {
  const { rows } = await db.query<{ variant: string }>('SELECT variant FROM first_exposures WHERE flag_key = $1 AND unit_key = $2', ['checkout', unitKey]);
  return rows[0]?.variant;
}

describe('copyText', () => {
  it("escapes COPY text format's backslash, tab, newline and carriage return", () => {
    expect(copyText('plain')).toBe('plain');
    expect(copyText('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
  });
});

describe('writeBatch', () => {
  it('stores new events as they were sent, whatever characters their text holds', async () => {
    const odd = row({
      name: 'tab\there',
      unitKey: 'line\nbreak\\and\rreturn',
      attributes: '{"quote":"\\"","slash":"\\\\"}',
      properties: '{"text":"a\\tb\\nc\\\\N","n":1.5,"list":[null,true]}',
    });
    const plain = row();
    expect(await write([odd, plain])).toEqual([{ accepted: 2, duplicates: 0 }]);
    const rows = await stored([odd.eventId, plain.eventId]);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.event_id === odd.eventId)).toMatchObject({
      type: 'track',
      name: 'tab\there',
      unit_key: 'line\nbreak\\and\rreturn',
      variant: null,
      attributes: { quote: '"', slash: '\\' },
      properties: { text: 'a\tb\nc\\N', n: 1.5, list: [null, true] },
    });
    expect(new Date(rows[0]!.occurred_at as string).getTime()).toBe(odd.occurredAt.getTime());
  });

  it('credits an id sent twice within a batch to the first request that sent it', async () => {
    const [a, b, c] = [row(), row(), row()];
    const results = await write([a, b, a], [b, c], [c]);
    expect(results).toEqual([
      { accepted: 2, duplicates: 1 },
      { accepted: 1, duplicates: 1 },
      { accepted: 0, duplicates: 1 },
    ]);
    expect(await stored([a.eventId, b.eventId, c.eventId])).toHaveLength(3);
  });

  it('stores only the new events of a batch that repeats stored ids, and records its first exposures', async () => {
    const [a, b] = [row(), row()];
    await write([a, b]);
    const [c, d] = [row(), row()];
    const fresh = exposure(`unit-${sequence}`, 'blue', 5);
    const results = await write([a, c], [b, d, fresh], [fresh]);
    expect(results).toEqual([
      { accepted: 1, duplicates: 1 },
      { accepted: 2, duplicates: 1 },
      { accepted: 0, duplicates: 1 },
    ]);
    expect(await stored([a.eventId, b.eventId, c.eventId, d.eventId, fresh.eventId])).toHaveLength(5);
    expect(await firstVariant(fresh.unitKey)).toBe('blue');
    // Everything again: nothing new.
    expect(await write([a, b, c, d, fresh])).toEqual([{ accepted: 0, duplicates: 5 }]);
  });

  it("says whether a batch was merged, and how many of each request's accepted events were exposures", async () => {
    const stored = exposure(`unit-${++sequence}`, 'on', 1);
    const first = await writeBatch(db, [[stored, row()], [exposure(`unit-${++sequence}`, 'on', 1)]].map(requestRows));
    expect(first).toEqual({
      merged: false,
      requests: [
        { accepted: 2, duplicates: 0, acceptedExposures: 1 },
        { accepted: 1, duplicates: 0, acceptedExposures: 1 },
      ],
    });
    const again = await writeBatch(db, [[stored, exposure(`unit-${++sequence}`, 'off', 1), row()]].map(requestRows));
    expect(again).toEqual({ merged: true, requests: [{ accepted: 2, duplicates: 1, acceptedExposures: 1 }] });
  });

  it('keeps the earliest exposure of a batch as the first, and the first stored across batches', async () => {
    const [unit, other] = [`unit-${++sequence}`, `unit-${++sequence}`];
    await write([exposure(unit, 'blue', 10), exposure(unit, 'green', 20)], [exposure(other, 'red', 1)]);
    expect(await firstVariant(unit)).toBe('green');
    expect(await firstVariant(other)).toBe('red');
    // Later batches, new or repeating stored ids, never move a first exposure, even to an earlier time.
    await write([exposure(unit, 'red', 60)]);
    const repeated = exposure(other, 'blue', 30);
    await write([repeated]);
    await write([repeated, exposure(other, 'green', 90)]);
    expect(await firstVariant(unit)).toBe('green');
    expect(await firstVariant(other)).toBe('red');
  });

  it('stores each id once when two servers write the same events at the same time', async () => {
    const other = await database.reopen();
    const events = Array.from({ length: 300 }, () => row());
    const mine = [events.slice(0, 200)];
    const theirs = [events.slice(100, 300)];
    const [a, b] = await Promise.all([writeBatch(db, mine.map(requestRows)), writeBatch(other, theirs.map(requestRows))]);
    expect(a.requests[0]!.accepted + b.requests[0]!.accepted).toBe(300);
    expect(a.requests[0]!.duplicates + b.requests[0]!.duplicates).toBe(100);
    expect(await stored(events.map((event) => event.eventId))).toHaveLength(300);
  });
});

/** The database, with a transaction that fails at the statement `failing` picks. */
function failingAt(failing: (text: string) => boolean): Database {
  return {
    ...db,
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          query: async (text, params) => {
            if (failing(text)) throw new Error('connection terminated unexpectedly');
            return tx.query(text, params);
          },
          copyFrom: async (target, text) => {
            if (failing(`COPY ${target}`)) throw new Error('connection terminated unexpectedly');
            return tx.copyFrom(target, text);
          },
        }),
      ),
  };
}

describe('EventWriter', () => {
  it('rejects every request of a failed transaction and stores none of it, then writes the next batch', async () => {
    let failing = true;
    // The events are copied; recording the first exposures then fails, so the copy must be rolled back too.
    const writer = new EventWriter(failingAt((text) => failing && text.includes('first_exposures')), { lingerMs: 20 });
    const requests = [[row(), exposure(`unit-${++sequence}`, 'on', 1)], [row(), row()], [exposure(`unit-${++sequence}`, 'off', 1)]];
    const outcomes = await Promise.allSettled(requests.map((rows) => writer.write(rows)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    const ids = requests.flat().map((event) => event.eventId);
    expect(await stored(ids)).toEqual([]);
    expect(writer.queuedRows).toBe(0);
    failing = false;
    const again = await Promise.all(requests.map((rows) => writer.write(rows)));
    expect(again.map((result) => result.accepted)).toEqual([2, 2, 1]);
    expect(await stored(ids)).toHaveLength(5);
    await writer.close();
  });

  it('rejects the requests when the fallback for stored ids fails too, storing none of their new events', async () => {
    const old = row();
    await write([old]);
    const writer = new EventWriter(failingAt((text) => text.includes('event_staging')), { lingerMs: 20 });
    const fresh = row();
    await expect(writer.write([old, fresh])).rejects.toThrow(/connection/);
    expect(await stored([fresh.eventId])).toEqual([]);
    await writer.close();
  });
});
