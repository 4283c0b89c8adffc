import {
  type Breakdown,
  type ConversionTally,
  type FunnelTally,
  type JourneyDefinition,
  NONE,
  OTHER,
  TIME_TO_CONVERT_SECONDS,
  type TimeRange,
} from '@dial/core';
import type { Database } from '../platform/db.js';
import { SqlParams, analysisQuery, dayText, eventValueSql, filtersSql, microsBetween, timestampOfMicros, utcDay } from './analysis-sql.js';

/** A funnel or conversion question about one environment's events. */
export interface FunnelQuery {
  environmentId: number;
  journey: JourneyDefinition;
  range: TimeRange;
  breakdown: Breakdown | null;
  /** How many attribute or property values get their own group. */
  breakdownLimit: number;
}

/**
 * The common table expressions of a funnel: `g`, the entered units with
 * their entry time `t0` (and group `grp` under a breakdown), then `s1`…
 * `sN`, the units that reached each later step with its time `t`.
 *
 * Each step reads its event name's tracked events from the index on
 * (environment, name, unit, time) alone, joins them to the units of the
 * previous step and keeps each unit's earliest qualifying event: taking the
 * earliest match at every step is the reference's rule, so no unit's events
 * are walked one by one. Groups sort in "C" order, which costs a byte
 * comparison instead of the locale's. Event ids are carried only where a later step has the same event
 * name (one event never counts twice) or the entry event's value is grouped
 * by; ties at one instant then go to the smallest id, in "C" order.
 */
function funnelCtes(query: FunnelQuery, params: SqlParams): string {
  const { journey, range, breakdown } = query;
  const steps = journey.steps;
  const environment = params.add(query.environmentId);
  const from = `${params.add(timestampOfMicros(range.fromMicros))}::timestamptz`;
  const to = `${params.add(timestampOfMicros(range.toMicros))}::timestamptz`;
  const window = `${params.add(`${journey.conversionWindowSeconds} seconds`)}::interval`;
  const lastPossible = `${params.add(timestampOfMicros(range.toMicros + journey.conversionWindowSeconds * 1_000_000))}::timestamptz`;
  const groupsByEntry = breakdown !== null && breakdown.kind !== 'flag';
  // Whose matched event a later step must not take again.
  const needsId = steps.map((step, i) => (i === 0 && groupsByEntry) || steps.slice(i + 1).some((later) => later.event === step.event));
  const carriedIds = (upTo: number) => steps.slice(0, upTo).flatMap((_step, j) => (needsId[j] ? [`id${j}`] : []));
  const grp = breakdown === null ? [] : ['grp'];

  const first = steps[0]!;
  const entryFilter = `e.environment_id = ${environment} AND e.type = 'track' AND e.name = ${params.add(first.event)}::text
      AND e.occurred_at >= ${from} AND e.occurred_at < ${to} AND ${filtersSql('e.properties', first.filters, params)}`;
  const raw = groupsByEntry ? `, ${eventValueSql('e', breakdown, params)} AS raw` : '';
  const entry = needsId[0]
    ? `SELECT DISTINCT ON (e.unit_key) e.unit_key, e.occurred_at AS t0, e.event_id AS id0${raw}
         FROM events e WHERE ${entryFilter}
        ORDER BY e.unit_key, e.occurred_at, e.event_id COLLATE "C"`
    : `SELECT e.unit_key, min(e.occurred_at) AS t0 FROM events e WHERE ${entryFilter} GROUP BY e.unit_key`;

  const ctes = [`entry AS (${entry})`];
  const entryIds = carriedIds(1).map((id) => `, s.${id}`).join('');
  if (breakdown === null) {
    ctes.push(`g AS (SELECT s.unit_key, s.t0${entryIds} FROM entry s)`);
  } else if (breakdown.kind === 'flag') {
    ctes.push(`g AS (
      SELECT s.unit_key, s.t0${entryIds}, coalesce(f.variant, '${NONE}') COLLATE "C" AS grp
        FROM entry s
        LEFT JOIN first_exposures f ON f.environment_id = ${environment} AND f.flag_key = ${params.add(breakdown.key)}::text
             AND f.unit_key = s.unit_key AND f.first_exposed_at <= s.t0)`);
  } else {
    ctes.push(`ranked AS (
      SELECT raw, row_number() OVER (ORDER BY count(*) DESC, raw COLLATE "C") AS rank FROM entry WHERE raw IS NOT NULL GROUP BY raw)`);
    ctes.push(`g AS (
      SELECT s.unit_key, s.t0${entryIds},
             CASE WHEN s.raw IS NULL THEN '${NONE}' WHEN r.rank <= ${params.add(query.breakdownLimit)}::integer THEN s.raw ELSE '${OTHER}' END COLLATE "C" AS grp
        FROM entry s LEFT JOIN ranked r ON r.raw = s.raw)`);
  }

  steps.forEach((step, i) => {
    if (i === 0) return;
    const previous = i === 1 ? 'g' : `s${i - 1}`;
    const previousTime = i === 1 ? 'p.t0' : 'p.t';
    const kept = ['unit_key', 't0', ...grp, ...carriedIds(i)].map((column) => `p.${column}`);
    const notTaken = steps
      .slice(0, i)
      .flatMap((earlier, j) => (earlier.event === step.event ? [` AND e.event_id <> p.id${j}`] : []))
      .join('');
    const join = `FROM ${previous} p JOIN events e ON e.unit_key = p.unit_key
       WHERE e.environment_id = ${environment} AND e.type = 'track' AND e.name = ${params.add(step.event)}::text
         AND e.occurred_at >= ${from} AND e.occurred_at < ${lastPossible}
         AND e.occurred_at >= ${previousTime} AND e.occurred_at <= p.t0 + ${window}${notTaken}
         AND ${filtersSql('e.properties', step.filters, params)}`;
    ctes.push(
      needsId[i]
        ? `s${i} AS (
            SELECT DISTINCT ON (p.unit_key) ${kept.join(', ')}, e.occurred_at AS t, e.event_id AS id${i}
            ${join}
            ORDER BY p.unit_key, e.occurred_at, e.event_id COLLATE "C")`
        : `s${i} AS (SELECT ${kept.join(', ')}, min(e.occurred_at) AS t ${join} GROUP BY ${kept.join(', ')})`,
    );
  });
  return `WITH ${ctes.join(',\n')}`;
}

/** The tally of a group (null: everyone) in `tallies`, made with zeros the first time it is asked for. */
export function talliedGroup(tallies: Map<string | null, FunnelTally>, value: string | null, stepCount: number): FunnelTally {
  let tally = tallies.get(value);
  if (tally === undefined) {
    tally = {
      value,
      steps: Array.from({ length: stepCount }, () => ({ units: 0, medianMicros: null, p90Micros: null })),
      timeToConvert: TIME_TO_CONVERT_SECONDS.map(() => 0),
    };
    tallies.set(value, tally);
  }
  return tally;
}

/** GROUP BY for each group and for everyone; `whole` says which a row is. */
function grouped(breakdown: Breakdown | null, extra: string[] = []): { grp: string; whole: string; groupBy: string } {
  if (breakdown === null) return { grp: 'NULL::text', whole: '1', groupBy: extra.length === 0 ? '()' : extra.join(', ') };
  const withExtra = (columns: string[]) => `(${[...columns, ...extra].join(', ')})`;
  return { grp: 'grp', whole: 'GROUPING(grp)', groupBy: `GROUPING SETS (${withExtra(['grp'])}, ${withExtra([])})` };
}

interface TallyRow {
  step: number;
  bucket: number | null;
  grp: string | null;
  whole: number;
  units: number;
  median: number | null;
  p90: number | null;
}

/**
 * The funnel's tallies, computed in PostgreSQL: units per step and group,
 * the median and 90th percentile of the time from entry (percentile_cont
 * over exact microseconds), and the time-to-convert buckets.
 */
export async function funnelTallies(db: Database, query: FunnelQuery): Promise<FunnelTally[]> {
  const params = new SqlParams();
  const ctes = funnelCtes(query, params);
  const last = query.journey.steps.length - 1;
  const { grp, whole, groupBy } = grouped(query.breakdown);
  const selects = [`SELECT 0 AS step, NULL::integer AS bucket, ${grp} AS grp, ${whole} AS whole, count(*)::integer AS units,
           NULL::float8[] AS pct FROM g GROUP BY ${groupBy}`];
  for (let i = 1; i <= last; i++) {
    selects.push(`SELECT ${i}, NULL, ${grp}, ${whole}, count(*)::integer, percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY d)
      FROM (SELECT ${query.breakdown === null ? '' : 'grp, '}${microsBetween('t0', 't')} AS d FROM s${i}) x GROUP BY ${groupBy}`);
  }
  const bounds = `ARRAY[${TIME_TO_CONVERT_SECONDS.map((seconds) => `${seconds * 1_000_000}`).join(', ')}]::float8[]`;
  const buckets = grouped(query.breakdown, ['bucket']);
  const lastStep = last === 0 ? 'g' : `s${last}`;
  selects.push(`SELECT ${last}, bucket, ${buckets.grp}, ${buckets.whole}, count(*)::integer, NULL
    FROM (SELECT ${query.breakdown === null ? '' : 'grp, '}width_bucket(${microsBetween('t0', 't')}, ${bounds}) - 1 AS bucket FROM ${lastStep}) x
    GROUP BY ${buckets.groupBy}`);
  const sql = `${ctes}
    SELECT step, bucket, grp, whole, units, pct[1] AS median, pct[2] AS p90 FROM (${selects.join('\nUNION ALL\n')}) tallies`;
  const rows = await analysisQuery<TallyRow>(db, sql, params.values);

  const stepCount = query.journey.steps.length;
  const tallies = new Map<string | null, FunnelTally>();
  const tallyOf = (value: string | null) => talliedGroup(tallies, value, stepCount);
  tallyOf(null);
  for (const row of rows) {
    const tally = tallyOf(Number(row.whole) === 1 ? null : row.grp);
    if (row.bucket !== null) tally.timeToConvert[Number(row.bucket)] = Number(row.units);
    else tally.steps[Number(row.step)] = { units: Number(row.units), medianMicros: row.median, p90Micros: row.p90 };
  }
  return [...tallies.values()].filter((tally) => tally.value === null || tally.steps[0]!.units > 0);
}

/** Daily cohorts' tallies, computed in PostgreSQL: units by the UTC day they entered, and how many of them completed. */
export async function conversionTallies(db: Database, query: FunnelQuery): Promise<ConversionTally[]> {
  const params = new SqlParams();
  const ctes = funnelCtes(query, params);
  const last = query.journey.steps.length - 1;
  const { grp, whole, groupBy } = grouped(query.breakdown, ['day']);
  const withGroup = query.breakdown === null ? '' : 'grp, ';
  const sql = `${ctes}
    SELECT ${dayText('day')} AS date, ${grp} AS grp, ${whole} AS whole, count(*)::integer AS entered, 0 AS completed
      FROM (SELECT ${withGroup}${utcDay('t0')} AS day FROM g) x GROUP BY ${groupBy}
    UNION ALL
    SELECT ${dayText('day')}, ${grp}, ${whole}, 0, count(*)::integer
      FROM (SELECT ${withGroup}${utcDay('t0')} AS day FROM ${last === 0 ? 'g' : `s${last}`}) x GROUP BY ${groupBy}`;
  const rows = await analysisQuery<{ date: string; grp: string | null; whole: number; entered: number; completed: number }>(db, sql, params.values);
  const tallies = new Map<string, ConversionTally>();
  for (const row of rows) {
    const value = Number(row.whole) === 1 ? null : row.grp;
    const id = JSON.stringify([value, row.date]);
    const tally = tallies.get(id) ?? { value, date: row.date, entered: 0, completed: 0 };
    tally.entered += Number(row.entered);
    tally.completed += Number(row.completed);
    tallies.set(id, tally);
  }
  return [...tallies.values()];
}
