import { performance } from 'node:perf_hooks';
import type { AdminApi } from './admin-api.js';
import type { ServerProcess } from '@dial/bench-support/server-process';

/** CPU milliseconds per PostgreSQL backend, or undefined where they cannot be read. */
export type BackendReader = () => Promise<Map<number, number> | undefined>;

/** CPU used between two readings: the Dial server, and the benchmark database's PostgreSQL backends (null when not read). */
export interface CpuUsed {
  readonly serverMs: number;
  readonly pgMs: number | null;
}

/**
 * Starts reading CPU; the returned function reads again and says what was
 * used in between. A backend that appeared in between used all of its CPU
 * in it; one that ended in between is not counted.
 */
export async function cpuMeter(server: ServerProcess, backends: BackendReader): Promise<() => Promise<CpuUsed>> {
  const serverBefore = server.cpu();
  const pgBefore = await backends();
  return async () => {
    const serverAfter = server.cpu();
    const pgAfter = await backends();
    let pgMs: number | null = null;
    if (pgBefore !== undefined && pgAfter !== undefined) {
      pgMs = 0;
      for (const [pid, used] of pgAfter) pgMs += used - (pgBefore.get(pid) ?? 0);
    }
    return { serverMs: serverAfter.user + serverAfter.system - serverBefore.user - serverBefore.system, pgMs };
  };
}

export interface Timed {
  readonly ms: number;
  readonly body: unknown;
}

/** One GET under `/api/v1`, from sending it to holding the parsed answer. */
export async function timedGet(api: AdminApi, path: string): Promise<Timed> {
  const started = performance.now();
  const body = await api.send('GET', path, undefined, 200);
  return { ms: performance.now() - started, body };
}

export interface Series {
  readonly ms: number[];
  /** CPU over all the requests, divided by their number. */
  readonly cpuPerRequest: CpuUsed;
  readonly last: unknown;
}

/** `count` GETs of `path` one after another, with the CPU they used in all. */
export async function timedSeries(api: AdminApi, path: string, count: number, server: ServerProcess, backends: BackendReader): Promise<Series> {
  const ms: number[] = [];
  let last: unknown;
  const meter = await cpuMeter(server, backends);
  for (let i = 0; i < count; i++) {
    const timed = await timedGet(api, path);
    ms.push(timed.ms);
    last = timed.body;
  }
  const used = await meter();
  return { ms, cpuPerRequest: { serverMs: used.serverMs / count, pgMs: used.pgMs === null ? null : used.pgMs / count }, last };
}
