import { type ConversionTally, type FunnelTally, NONE, OTHER, TIME_TO_CONVERT_SECONDS } from '@dial/core';
import type { Database } from '../platform/db.js';
import { SqlParams, analysisQuery, dayText, eventValueSql, timestampOfMicros, utcDay } from './analysis-sql.js';
import { type FunnelQuery, talliedGroup } from './funnel-query.js';

/*
 * Funnels read from journey paths: one row per entered unit, so a funnel is
 * a scan of the paths entered in the range and a hash aggregate, with no
 * join to events (but for an attribute or property breakdown, which reads
 * the entry event's value).
 */

/** A funnel question about a set of paths. */
export interface PathFunnelQuery extends FunnelQuery {
  journeyId: number;
}

/**
 * A subquery of the units that entered in the range, one row each: the
 * entry whose previous step-0 event is before the range (or that has none).
 * Columns: grp (null without a breakdown), entered_at, reached, d1….
 */
function enteredSql(query: PathFunnelQuery, params: SqlParams): string {
  const { breakdown, range } = query;
  const from = `${params.add(timestampOfMicros(range.fromMicros))}::timestamptz`;
  const to = `${params.add(timestampOfMicros(range.toMicros))}::timestamptz`;
  const later = query.journey.steps.slice(1).map((_step, index) => `p.d${index + 1}`);
  const columns = ['p.entered_at', 'p.reached', ...later].join(', ');
  const where = `p.journey_id = ${params.add(query.journeyId)} AND p.environment_id = ${params.add(query.environmentId)}
     AND p.entered_at >= ${from} AND p.entered_at < ${to} AND (p.previous_entered_at IS NULL OR p.previous_entered_at < ${from})`;
  if (breakdown === null) return `SELECT NULL::text AS grp, ${columns} FROM journey_paths p WHERE ${where}`;
  if (breakdown.kind === 'flag') {
    return `SELECT coalesce(p.exposures ->> ${params.add(breakdown.key)}::text, '${NONE}') COLLATE "C" AS grp, ${columns}
      FROM journey_paths p WHERE ${where}`;
  }
  // The entry event's value: the values most units entered with keep their own group.
  return `WITH entered AS MATERIALIZED (
      SELECT ${eventValueSql('e', breakdown, params)} AS raw, ${columns}
        FROM journey_paths p JOIN events e ON e.environment_id = p.environment_id AND e.event_id = p.entry_event_id
       WHERE ${where}),
    ranked AS (
      SELECT raw, row_number() OVER (ORDER BY count(*) DESC, raw COLLATE "C") AS rank FROM entered WHERE raw IS NOT NULL GROUP BY raw)
    SELECT CASE WHEN s.raw IS NULL THEN '${NONE}' WHEN r.rank <= ${params.add(query.breakdownLimit)}::integer THEN s.raw ELSE '${OTHER}' END COLLATE "C" AS grp,
           s.entered_at, s.reached${later.map((column) => `, s.${column.slice(2)}`).join('')}
      FROM entered s LEFT JOIN ranked r ON r.raw = s.raw`;
}

interface CountRow {
  grp: string | null;
  reached: number;
  bucket: number | null;
  units: number;
}

interface PercentileRow {
  grp: string | null;
  whole: number;
  /** Per later step i (p1, p2, …): [median, p90] of the microseconds from entry, or null when no unit reached it. */
  [step: `p${number}`]: number[] | null;
}

/**
 * The funnel's tallies from journey paths: the same numbers as
 * `funnelTallies` computes from events. Two statements run side by side:
 * units by group and steps reached (with the time-to-convert bucket of
 * those who reached the last step), and the percentiles of the time from
 * entry of each later step, which need a sort.
 */
export async function pathFunnelTallies(db: Database, query: PathFunnelQuery): Promise<FunnelTally[]> {
  const stepCount = query.journey.steps.length;
  const last = stepCount - 1;
  const bounds = `ARRAY[${TIME_TO_CONVERT_SECONDS.map((seconds) => `${seconds * 1_000_000}`).join(', ')}]::float8[]`;
  const lastDuration = last === 0 ? '0::float8' : `d${last}`;

  const countParams = new SqlParams();
  const counts = analysisQuery<CountRow>(
    db,
    `SELECT grp, reached, CASE WHEN reached = ${stepCount} THEN width_bucket(${lastDuration}, ${bounds}) - 1 END AS bucket, count(*)::integer AS units
       FROM (${enteredSql(query, countParams)}) x GROUP BY 1, 2, 3`,
    countParams.values,
  );

  const percentileParams = new SqlParams();
  const percentiles =
    last === 0
      ? Promise.resolve([])
      : analysisQuery<PercentileRow>(
          db,
          `SELECT ${query.breakdown === null ? 'NULL::text AS grp, 1' : 'grp, GROUPING(grp)'} AS whole, ${query.journey.steps
            .slice(1)
            .map(
              (_step, index) =>
                `percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY d${index + 1}) FILTER (WHERE reached > ${index + 1}) AS p${index + 1}`,
            )
            .join(', ')}
             FROM (${enteredSql(query, percentileParams)}) x WHERE reached > 1
            GROUP BY ${query.breakdown === null ? '()' : 'GROUPING SETS ((grp), ())'}`,
          percentileParams.values,
        );
  const [countRows, percentileRows] = await Promise.all([counts, percentiles]);

  const tallies = new Map<string | null, FunnelTally>();
  const tallyOf = (value: string | null) => talliedGroup(tallies, value, stepCount);
  tallyOf(null);
  for (const row of countRows) {
    const units = Number(row.units);
    const groups = query.breakdown === null ? [tallyOf(null)] : [tallyOf(null), tallyOf(row.grp)];
    for (const tally of groups) {
      for (let step = 0; step < Number(row.reached); step++) tally.steps[step]!.units += units;
      if (row.bucket !== null) tally.timeToConvert[Number(row.bucket)]! += units;
    }
  }
  for (const row of percentileRows) {
    const tally = tallyOf(Number(row.whole) === 1 ? null : row.grp);
    for (let index = 1; index < stepCount; index++) {
      const pair = row[`p${index}`];
      tally.steps[index]!.medianMicros = pair?.[0] ?? null;
      tally.steps[index]!.p90Micros = pair?.[1] ?? null;
    }
  }
  return [...tallies.values()].filter((tally) => tally.value === null || tally.steps[0]!.units > 0);
}

/** Daily cohorts' tallies from journey paths: units by the UTC day they entered, and how many of them completed. */
export async function pathConversionTallies(db: Database, query: PathFunnelQuery): Promise<ConversionTally[]> {
  const params = new SqlParams();
  const stepCount = query.journey.steps.length;
  const grouping = query.breakdown === null ? { grp: 'NULL::text', whole: '1', groupBy: 'day' } : { grp: 'grp', whole: 'GROUPING(grp)', groupBy: 'GROUPING SETS ((grp, day), (day))' };
  const rows = await analysisQuery<{ date: string; grp: string | null; whole: number; entered: number; completed: number }>(
    db,
    `SELECT ${dayText('day')} AS date, ${grouping.grp} AS grp, ${grouping.whole} AS whole, count(*)::integer AS entered,
            (count(*) FILTER (WHERE reached = ${stepCount}))::integer AS completed
       FROM (SELECT grp, ${utcDay('entered_at')} AS day, reached FROM (${enteredSql(query, params)}) x) y
      GROUP BY ${grouping.groupBy}`,
    params.values,
  );
  return rows.map((row) => ({ value: Number(row.whole) === 1 ? null : row.grp, date: row.date, entered: Number(row.entered), completed: Number(row.completed) }));
}
