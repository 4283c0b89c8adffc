import { type Summary, rounded } from '@dial/bench-support/report';

/** The figures of one run, as the last line states them. */
export interface FunnelResult {
  readonly events: number;
  readonly users: number;
  /** The funnel through Dial's HTTP API: the median of the warm requests, and the first after a restart. */
  readonly warm: Summary;
  readonly coldMs: number;
  /** The same funnel in DuckDB; null when DuckDB did not run. */
  readonly duckdbWarm: Summary | null;
  readonly duckdbColdMs: number | null;
  readonly usageWarm: Summary;
  readonly usageColdMs: number;
  readonly duckdbUsageWarm: Summary | null;
  /** From the server's start to the journey's paths being there; null when this Dial keeps none. */
  readonly pathsBuildMs: number | null;
  /** CPU per warm funnel request, in the server and in PostgreSQL; null where it could not be read. */
  readonly serverCpuMsPerFunnel: number | null;
  readonly pgCpuMsPerFunnel: number | null;
  readonly loadMs: number;
  /** Whether every check held: the API's units equal the plain SQL's (and DuckDB's). */
  readonly verified: boolean;
  /** Why DuckDB did not run, when it did not. */
  readonly duckdbSkipped: string | null;
}

/**
 * The benchmark's last line: one JSON object, `bench`, `events`, `warmMs`,
 * `coldMs` and `duckdbWarmMs` first.
 *
 * @example resultLine(result); // '{"bench":"funnel","events":10000000,"warmMs":812.3,"coldMs":1403.9,"duckdbWarmMs":402.1,...}'
 */
export function resultLine(result: FunnelResult): string {
  const warmMs = rounded(result.warm.p50, 1);
  const duckdbWarmMs = rounded(result.duckdbWarm?.p50, 1);
  return JSON.stringify({
    bench: 'funnel',
    events: result.events,
    warmMs,
    coldMs: rounded(result.coldMs, 1),
    duckdbWarmMs,
    duckdbColdMs: rounded(result.duckdbColdMs, 1),
    ratio: warmMs === null || duckdbWarmMs === null || duckdbWarmMs === 0 ? null : rounded(warmMs / duckdbWarmMs, 2),
    warmP95Ms: rounded(result.warm.p95, 1),
    usageWarmMs: rounded(result.usageWarm.p50, 1),
    usageColdMs: rounded(result.usageColdMs, 1),
    duckdbUsageWarmMs: rounded(result.duckdbUsageWarm?.p50, 1),
    pathsBuildMs: rounded(result.pathsBuildMs, 0),
    serverCpuMsPerFunnel: rounded(result.serverCpuMsPerFunnel, 1),
    pgCpuMsPerFunnel: rounded(result.pgCpuMsPerFunnel, 1),
    users: result.users,
    loadS: rounded(result.loadMs / 1000, 1),
    repeat: result.warm.count,
    verified: result.verified,
    duckdbSkipped: result.duckdbSkipped,
  });
}
