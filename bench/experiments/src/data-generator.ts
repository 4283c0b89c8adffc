/**
 * The benchmark's exposures and events, made inside PostgreSQL by `INSERT …
 * SELECT` over `generate_series`, a chunk of units per statement: a shop
 * testing a new checkout, where every unit is exposed once to
 * `new-checkout` (control or treatment by a hash of the unit, 50/50), views
 * pages and searches, and some add to the cart and buy, a little more often
 * with the treatment.
 */
import type pg from 'pg';

const DAY_MS = 86_400_000;

export const FLAG = 'new-checkout';
export const VARIANTS = ['control', 'treatment'] as const;

/** The events' time range, epoch milliseconds, `end` exclusive. */
export interface DataWindow {
  readonly start: number;
  readonly end: number;
}

/**
 * `days` whole UTC days ending at the midnight a day before `now`: every
 * event is in the past, and inside Dial's 90 days.
 *
 * @example dataWindow(Date.parse('2026-11-22T01:35:00Z'), 14); // 2026-11-07T00:00Z to 2026-11-21T00:00Z
 */
export function dataWindow(now: number, days: number): DataWindow {
  const end = Math.floor(now / DAY_MS) * DAY_MS - DAY_MS;
  return { start: end - days * DAY_MS, end };
}

/** Units first…last, numbered from 1: one INSERT statement. */
export interface UnitChunk {
  readonly first: number;
  readonly last: number;
}

/**
 * @example unitChunks(5, 2); // [{ first: 1, last: 2 }, { first: 3, last: 4 }, { first: 5, last: 5 }]
 */
export function unitChunks(units: number, perChunk: number): UnitChunk[] {
  const chunks: UnitChunk[] = [];
  for (let first = 1; first <= units; first += perChunk) chunks.push({ first, last: Math.min(units, first + perChunk - 1) });
  return chunks;
}

/**
 * How `events` spread over `units`: each unit has `base` events, and units
 * 1…`extra` one more, so that they add up exactly.
 *
 * @example eventsPerUnit(3, 32); // { base: 10, extra: 2 }
 */
export function eventsPerUnit(units: number, events: number): { base: number; extra: number } {
  const base = Math.floor(events / units);
  return { base, extra: events - base * units };
}

/** How many events units `first`…`last` have together. */
export function eventsOfChunk(chunk: UnitChunk, spread: { base: number; extra: number }): number {
  const withExtra = Math.max(0, Math.min(chunk.last, spread.extra) - chunk.first + 1);
  return (chunk.last - chunk.first + 1) * spread.base + withExtra;
}

/*
 * One statement per chunk. `u` draws each unit's dice once: when it is
 * first exposed, whether it adds to the cart (30% in control, 33% in
 * treatment), buys (half of those in control, 56% in treatment), buys a
 * second time (15% of buyers), and the amounts (5 to 125 EUR, in cents).
 *
 * Each unit's slots: 0 is the exposure; 1 the cart, 2 the purchase and 3
 * the second purchase when the dice say so; every other slot is a page
 * view (70%) or a search. Page views and searches fall from a day before
 * the exposure to eight days after it, so some are too early or past the
 * metrics' 7-day window; the cart within three days of the exposure, the
 * purchases within eight (a few past the window). Nothing is later than
 * the data window's end.
 *
 * Parameters: $1 first unit, $2 last unit, $3 events per unit, $4 units
 * with one more, $5 window start, $6 window end, $7 environment id.
 */
export const CHUNK_SQL = `
WITH u AS MATERIALIZED (
  SELECT *,
         carts AND buys_draw < CASE WHEN variant = '${VARIANTS[0]}' THEN 0.50 ELSE 0.56 END AS buys
    FROM (SELECT g,
                 'user-' || g AS unit_key,
                 CASE WHEN hashtext('${FLAG}/' || g) & 1 = 0 THEN '${VARIANTS[0]}' ELSE '${VARIANTS[1]}' END AS variant,
                 $3::int + CASE WHEN g <= $4::int THEN 1 ELSE 0 END AS slots,
                 $5::timestamptz + random() * ($6::timestamptz - $5::timestamptz - interval '1 hour') AS exposed_at,
                 random() AS cart_draw, random() AS buys_draw, random() < 0.15 AS again,
                 round((5 + random() * 120)::numeric, 2) AS amount, round((5 + random() * 120)::numeric, 2) AS second_amount
            FROM generate_series($1::int, $2::int) g) dice
   CROSS JOIN LATERAL (SELECT dice.cart_draw < CASE WHEN dice.variant = '${VARIANTS[0]}' THEN 0.30 ELSE 0.33 END AS carts) c
),
fe AS (
  INSERT INTO first_exposures (environment_id, flag_key, unit_key, variant, first_exposed_at, event_id)
  SELECT $7::int, '${FLAG}', unit_key, variant, exposed_at, 'e-' || g || '-0' FROM u
)
INSERT INTO events (environment_id, event_id, type, name, unit_key, variant, properties, occurred_at, received_at)
SELECT $7::int, 'e-' || g || '-' || s, CASE WHEN s = 0 THEN 'exposure' ELSE 'track' END, name, unit_key,
       CASE WHEN s = 0 THEN variant END,
       CASE name WHEN 'purchase' THEN jsonb_build_object('amount', CASE WHEN s = 2 THEN amount ELSE second_amount END, 'currency', 'EUR')
                 WHEN 'page_view' THEN jsonb_build_object('path', '/p/' || (g * 7 + s) % 500)
                 WHEN 'add_to_cart' THEN jsonb_build_object('product', 'p-' || g % 500)
                 ELSE '{}'::jsonb END,
       occurred_at, occurred_at + random() ^ 3 * interval '10 minutes'
  FROM (SELECT g, s, unit_key, variant, name, amount, second_amount,
               least($6::timestamptz - random() * interval '1 hour',
                     CASE WHEN s = 0 THEN exposed_at
                          WHEN name = 'add_to_cart' THEN exposed_at + random() ^ 2 * interval '3 days'
                          WHEN name = 'purchase' THEN exposed_at + interval '10 minutes' + random() ^ 2 * interval '8 days'
                          ELSE exposed_at - interval '1 day' + random() * interval '9 days' END) AS occurred_at
          FROM (SELECT u.*, s,
                       CASE WHEN s = 0 THEN '${FLAG}'
                            WHEN s = 1 AND carts THEN 'add_to_cart'
                            WHEN s = 2 AND buys THEN 'purchase'
                            WHEN s = 3 AND buys AND again THEN 'purchase'
                            WHEN random() < 0.7 THEN 'page_view' ELSE 'search' END AS name
                  FROM u CROSS JOIN LATERAL generate_series(0, u.slots - 1) s) slots) timed`;

export interface LoadProgress {
  readonly units: number;
  readonly events: number;
  readonly elapsedMs: number;
}

/**
 * Inserts every chunk's first exposures and events, seeded with `setseed`
 * first so that the same options make the same rows, and reports after
 * each chunk. Returns the events inserted.
 */
export async function generateData(
  client: pg.Client,
  plan: { units: number; events: number; unitsPerStatement: number; seed: number; window: DataWindow; environmentId: number },
  onProgress: (progress: LoadProgress) => void,
  now: () => number,
): Promise<number> {
  const spread = eventsPerUnit(plan.units, plan.events);
  const started = now();
  await client.query('SELECT setseed($1)', [plan.seed]);
  let events = 0;
  for (const chunk of unitChunks(plan.units, plan.unitsPerStatement)) {
    const result = await client.query(CHUNK_SQL, [
      chunk.first,
      chunk.last,
      spread.base,
      spread.extra,
      new Date(plan.window.start).toISOString(),
      new Date(plan.window.end).toISOString(),
      plan.environmentId,
    ]);
    const inserted = result.rowCount ?? 0;
    const expected = eventsOfChunk(chunk, spread);
    if (inserted !== expected) throw new Error(`units ${chunk.first}–${chunk.last}: ${inserted} events inserted, ${expected} expected`);
    events += inserted;
    onProgress({ units: chunk.last, events, elapsedMs: now() - started });
  }
  return events;
}
