import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';
import { listEventRetention } from '../flags/projects.js';
import type { Database, Queryable } from '../platform/db.js';

/** The lock one run holds, so that of several replicas one deletes at a time. */
export const RETENTION_LOCK = 0x6469616d;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes one bounded batch: the rows are found through the (environment, time) index, then deleted by their physical address. */
const DELETE_EVENTS = `DELETE FROM events WHERE ctid = ANY (ARRAY(
  SELECT ctid FROM events WHERE environment_id = ANY ($1::integer[]) AND occurred_at < $2 LIMIT $3))`;
const DELETE_FIRST_EXPOSURES = `DELETE FROM first_exposures WHERE ctid = ANY (ARRAY(
  SELECT ctid FROM first_exposures WHERE environment_id = ANY ($1::integer[]) AND first_exposed_at < $2 LIMIT $3))`;

export interface RetentionOptions {
  /** Time between runs; runs fall on multiples of it since the epoch, so restarts do not postpone them. 0: no runs but those asked for. */
  intervalMs?: number;
  /** Rows one DELETE statement removes at most, so no statement holds its locks long (default 10,000). */
  batchRows?: number;
  now?: () => number;
}

/** What one run deleted, per project. */
export interface RetentionRun {
  projects: { project: string; days: number; events: number; firstExposures: number }[];
}

/**
 * Enforces each project's `eventRetentionDays`: deletes events that occurred,
 * and first exposures first seen, longer ago than that. Each statement deletes
 * a bounded batch in its own transaction; a run loops until nothing older is
 * left. A run holds an advisory lock: a replica that finds it taken skips
 * its run.
 *
 * @example
 * const retention = new EventRetention(db, logger, registry, { intervalMs: 3_600_000 });
 * retention.start();
 * await retention.stop();
 */
export class EventRetention {
  private readonly intervalMs: number;
  private readonly batchRows: number;
  private readonly now: () => number;
  private readonly deleted: Counter<'table'>;
  private readonly runs: Counter<'outcome'>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<RetentionRun | undefined> | undefined;
  private stopping = false;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    registry: Registry,
    options: RetentionOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 3_600_000;
    this.batchRows = options.batchRows ?? 10_000;
    this.now = options.now ?? Date.now;
    this.deleted = new Counter({
      name: 'dial_retention_deleted_rows_total',
      help: 'Rows deleted for being older than their project keeps events, by table',
      labelNames: ['table'] as const,
      registers: [registry],
    });
    this.runs = new Counter({
      name: 'dial_retention_runs_total',
      help: 'Runs of the event retention job: completed, skipped (another replica held the lock), failed or stopped (the server was stopping)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    });
  }

  /** Schedules the runs; nothing when the interval is 0. */
  start(): void {
    if (this.intervalMs <= 0 || this.stopping || this.timer !== undefined) return;
    const delay = this.intervalMs - (this.now() % this.intervalMs);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run().finally(() => this.start());
    }, delay);
    // A pending run must not keep a stopping process alive.
    this.timer.unref();
  }

  /** Cancels the schedule and waits for a run in progress, which stops after its current statement. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One run now, unless one is in progress here; undefined when another replica holds the lock or it failed. */
  run(): Promise<RetentionRun | undefined> {
    this.running ??= this.runLocked().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runLocked(): Promise<RetentionRun | undefined> {
    try {
      return await this.db.session(async (session) => {
        const { rows } = await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [RETENTION_LOCK]);
        if (!rows[0]?.locked) {
          this.runs.inc({ outcome: 'skipped' });
          return undefined;
        }
        try {
          const run = await this.deleteExpired(session);
          this.runs.inc({ outcome: this.stopping ? 'stopped' : 'completed' });
          const events = run.projects.reduce((sum, project) => sum + project.events, 0);
          const firstExposures = run.projects.reduce((sum, project) => sum + project.firstExposures, 0);
          this.logger.info({ events, firstExposures, projects: run.projects.filter((project) => project.events + project.firstExposures > 0) }, 'event retention run');
          return run;
        } finally {
          await session.query('SELECT pg_advisory_unlock($1)', [RETENTION_LOCK]);
        }
      });
    } catch (error) {
      this.runs.inc({ outcome: 'failed' });
      this.logger.error({ err: error }, 'event retention run failed');
      return undefined;
    }
  }

  private async deleteExpired(session: Queryable): Promise<RetentionRun> {
    const run: RetentionRun = { projects: [] };
    const now = this.now();
    for (const { projectKey, days, environmentIds } of await listEventRetention(session)) {
      const cutoff = new Date(now - days * DAY_MS).toISOString();
      const events = await this.deleteInBatches(session, DELETE_EVENTS, environmentIds, cutoff, 'events');
      const firstExposures = await this.deleteInBatches(session, DELETE_FIRST_EXPOSURES, environmentIds, cutoff, 'first_exposures');
      run.projects.push({ project: projectKey, days, events, firstExposures });
      if (this.stopping) break;
    }
    return run;
  }

  private async deleteInBatches(session: Queryable, statement: string, environmentIds: number[], cutoff: string, table: string): Promise<number> {
    let total = 0;
    while (!this.stopping) {
      const { rowCount } = await session.query(statement, [environmentIds, cutoff, this.batchRows]);
      total += rowCount;
      this.deleted.inc({ table }, rowCount);
      if (rowCount < this.batchRows) break;
    }
    return total;
  }
}
