import { type Summary, rounded } from '@dial/bench-support/report';

/** The figures of one run, as the last line states them. */
export interface ExperimentsResult {
  readonly units: number;
  readonly events: number;
  readonly metrics: number;
  /** Results through Dial's HTTP API from the kept unit values: warm requests, and the first after a restart. */
  readonly warm: Summary;
  readonly coldMs: number;
  /** Results computed from the events, before the unit values were kept: the same request, the path Dial falls back to. */
  readonly direct: Summary | null;
  /** From the experiment's start to its unit values being there. */
  readonly buildMs: number | null;
  /** CPU per warm request, in the server and in PostgreSQL; null where it could not be read. */
  readonly serverCpuMsPerRequest: number | null;
  readonly pgCpuMsPerRequest: number | null;
  readonly loadMs: number;
  /** The 1-minute load average at the start and the end of the timed requests. */
  readonly loadAverage: readonly [number, number];
  /** Whether every check held: the kept results equal plain SQL's and the ones computed from the events. */
  readonly verified: boolean;
}

/**
 * The benchmark's last line: one JSON object, `bench`, `units`, `events`
 * and `resultsMs` (the median warm request) first.
 *
 * @example resultLine(result); // '{"bench":"experiments","units":1000000,"events":10000000,"resultsMs":41.2,...}'
 */
export function resultLine(result: ExperimentsResult): string {
  return JSON.stringify({
    bench: 'experiments',
    units: result.units,
    events: result.events,
    resultsMs: rounded(result.warm.p50, 1),
    resultsP95Ms: rounded(result.warm.p95, 1),
    coldMs: rounded(result.coldMs, 1),
    directMs: rounded(result.direct?.p50, 1),
    metrics: result.metrics,
    buildMs: rounded(result.buildMs, 0),
    serverCpuMsPerRequest: rounded(result.serverCpuMsPerRequest, 1),
    pgCpuMsPerRequest: rounded(result.pgCpuMsPerRequest, 1),
    repeat: result.warm.count,
    loadS: rounded(result.loadMs / 1000, 1),
    loadAverage: result.loadAverage.map((value) => rounded(value, 2)),
    verified: result.verified,
  });
}
