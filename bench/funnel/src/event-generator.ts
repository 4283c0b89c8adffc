/**
 * The benchmark's events, made inside PostgreSQL by `INSERT … SELECT` over
 * `generate_series`, a chunk of users per statement: a shop's traffic, where
 * users are exposed to `new-checkout`, view products, add to the cart, check
 * out and buy, and otherwise view pages and search.
 */
import type pg from 'pg';

const DAY_MS = 86_400_000;

/** The flag every user is exposed to once, and the funnel's steps, in order. */
export const FLAG = 'new-checkout';
export const STEPS = ['view_product', 'add_to_cart', 'checkout', 'purchase'] as const;
export const VARIANTS = ['control', 'treatment'] as const;

/** The events' time range, epoch milliseconds, `end` exclusive. */
export interface DataWindow {
  readonly start: number;
  readonly end: number;
}

/**
 * `days` whole UTC days ending at the midnight a day before `now`: every
 * event, and every late arrival, is in the past, and inside Dial's 90 days.
 *
 * @example dataWindow(Date.parse('2026-11-22T01:35:00Z'), 14); // 2026-11-07T00:00Z to 2026-11-21T00:00Z
 */
export function dataWindow(now: number, days: number): DataWindow {
  const end = Math.floor(now / DAY_MS) * DAY_MS - DAY_MS;
  return { start: end - days * DAY_MS, end };
}

/** Users 1…n, numbered, in chunks of at most `perChunk`: one INSERT statement each. */
export interface UserChunk {
  readonly first: number;
  readonly last: number;
}

/**
 * @example userChunks(5, 2); // [{ first: 1, last: 2 }, { first: 3, last: 4 }, { first: 5, last: 5 }]
 */
export function userChunks(users: number, perChunk: number): UserChunk[] {
  const chunks: UserChunk[] = [];
  for (let first = 1; first <= users; first += perChunk) chunks.push({ first, last: Math.min(users, first + perChunk - 1) });
  return chunks;
}

/**
 * How `events` spread over `users`: each user has `base` events, and users
 * 1…`extra` one more, so that they add up exactly.
 *
 * @example eventsPerUser(3, 32); // { base: 10, extra: 2 }
 */
export function eventsPerUser(users: number, events: number): { base: number; extra: number } {
  const base = Math.floor(events / users);
  return { base, extra: events - base * users };
}

/** How many events users `first`…`last` have together. */
export function eventsOfChunk(chunk: UserChunk, spread: { base: number; extra: number }): number {
  const withExtra = Math.max(0, Math.min(chunk.last, spread.extra) - chunk.first + 1);
  return (chunk.last - chunk.first + 1) * spread.base + withExtra;
}

/*
 * One statement per chunk. `u` draws each user's dice once: whether they view
 * products (85%) and how many times (1–3), add to the cart (40% of viewers),
 * check out (50% of those), buy (60% in control, 75% in treatment), when
 * their visit starts, and whether they are exposed only after browsing (2%:
 * they fall under "(none)" in a breakdown, as the rule says) or buy only
 * after the 7-day window (3% of buyers, where the data window allows).
 *
 * Each user's slots: 0 is the exposure, 1–3 views, 4 the cart, 5 the
 * checkout, 6 the purchase, when the dice say so; every other slot is a page
 * view or a search at any time of the window. Steps are 4 minutes apart with
 * up to 5 minutes of jitter, so a few land before the step they follow (out
 * of order, and then they do not count). Events arrive seconds after they
 * happen, a few hours late now and then.
 *
 * The variant is a hash of the user, as an SDK's bucketing is; first
 * exposures are written by the same statement, from the same dice.
 *
 * Parameters: $1 first user, $2 last user, $3 events per user, $4 users with
 * one more, $5 window start, $6 window end, $7 environment id.
 */
export const CHUNK_SQL = `
WITH u AS MATERIALIZED (
  SELECT *,
         t + CASE WHEN late_exposure THEN interval '2 hours' ELSE interval '-30 seconds' END AS exposed_at,
         buys < CASE WHEN variant = '${VARIANTS[0]}' THEN 0.60 ELSE 0.75 END AS bought
    FROM (SELECT g,
                 'user-' || g AS unit_key,
                 CASE WHEN hashtext('${FLAG}/' || g) & 1 = 0 THEN '${VARIANTS[0]}' ELSE '${VARIANTS[1]}' END AS variant,
                 $3::int + CASE WHEN g <= $4::int THEN 1 ELSE 0 END AS slots,
                 jsonb_build_object('plan', plan) AS attributes,
                 t, viewer, views, carts, checks, buys, late_exposure,
                 late_purchase AND t + interval '8 days 1 hour' < $6::timestamptz AS late_purchase
            FROM (SELECT g,
                         $5::timestamptz + random() * ($6::timestamptz - $5::timestamptz - interval '1 hour') AS t,
                         random() < 0.85 AS viewer, 1 + floor(random() * 3)::int AS views,
                         random() < 0.40 AS carts, random() < 0.50 AS checks, random() AS buys,
                         random() < 0.02 AS late_exposure, random() < 0.03 AS late_purchase,
                         (ARRAY['free', 'free', 'pro', 'team'])[1 + floor(random() * 4)::int] AS plan
                    FROM generate_series($1::int, $2::int) g) dice) users
),
fe AS (
  INSERT INTO first_exposures (environment_id, flag_key, unit_key, variant, first_exposed_at, event_id)
  SELECT $7::int, '${FLAG}', unit_key, variant, exposed_at, 'e-' || g || '-0' FROM u
)
INSERT INTO events (environment_id, event_id, type, name, unit_key, variant, attributes, properties, occurred_at, received_at)
SELECT $7::int, 'e-' || g || '-' || s, CASE WHEN s = 0 THEN 'exposure' ELSE 'track' END, name, unit_key,
       CASE WHEN s = 0 THEN variant END, attributes,
       CASE WHEN name = '${STEPS[3]}' THEN jsonb_build_object('amount', 10 + (g % 90), 'currency', 'EUR')
            WHEN name = '${STEPS[0]}' THEN jsonb_build_object('product', 'p-' || (g * 7 + s) % 500)
            ELSE '{}'::jsonb END,
       occurred_at,
       occurred_at + CASE WHEN random() < 0.01 THEN interval '6 hours' ELSE random() ^ 3 * interval '10 minutes' END
  FROM (SELECT g, s, unit_key, variant, attributes, name,
               CASE WHEN s = 0 THEN exposed_at
                    WHEN name = '${STEPS[3]}' AND late_purchase THEN t + interval '8 days' + random() * interval '1 hour'
                    WHEN name IN ('${STEPS.join("', '")}') THEN t + (s - 1) * interval '4 minutes' + random() * interval '5 minutes'
                    ELSE $5::timestamptz + random() * ($6::timestamptz - $5::timestamptz - interval '1 minute') END AS occurred_at
          FROM (SELECT u.*, s,
                       CASE WHEN s = 0 THEN '${FLAG}'
                            WHEN s BETWEEN 1 AND 3 AND viewer AND s <= views THEN '${STEPS[0]}'
                            WHEN s = 4 AND viewer AND carts THEN '${STEPS[1]}'
                            WHEN s = 5 AND viewer AND carts AND checks THEN '${STEPS[2]}'
                            WHEN s = 6 AND viewer AND carts AND checks AND bought THEN '${STEPS[3]}'
                            WHEN s % 2 = 0 THEN 'page_view' ELSE 'search' END AS name
                  FROM u CROSS JOIN LATERAL generate_series(0, u.slots - 1) s) slots) timed`;

export interface LoadProgress {
  readonly users: number;
  readonly events: number;
  readonly elapsedMs: number;
}

/**
 * Inserts every chunk's events and first exposures, seeded with `setseed`
 * first so that the same options make the same rows, and reports after each
 * chunk. Returns the events inserted.
 */
export async function generateEvents(
  client: pg.Client,
  plan: { users: number; events: number; usersPerStatement: number; seed: number; window: DataWindow; environmentId: number },
  onProgress: (progress: LoadProgress) => void,
  now: () => number,
): Promise<number> {
  const spread = eventsPerUser(plan.users, plan.events);
  const started = now();
  await client.query('SELECT setseed($1)', [plan.seed]);
  let events = 0;
  for (const chunk of userChunks(plan.users, plan.usersPerStatement)) {
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
    if (inserted !== expected) throw new Error(`users ${chunk.first}–${chunk.last}: ${inserted} events inserted, ${expected} expected`);
    events += inserted;
    onProgress({ users: chunk.last, events, elapsedMs: now() - started });
  }
  return events;
}
