import type { JourneyDefinition } from '@dial/core';
import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';
import type { Database } from '../platform/db.js';
import { PeriodicJob } from '../platform/periodic-job.js';
import { pruneChangedUnits } from '../events/changed-units.js';
import { refreshPlannerStatistics } from '../platform/planner-statistics.js';
import { ANALYZED_TABLES } from './analysis-sql.js';
import { type PathSetKey, buildPaths, pathSetIsCurrent, refreshPaths } from './journey-paths.js';

export interface PathKeeperOptions {
  /** Time between passes over every journey and environment; 0: no passes but those asked for (default 5 s). */
  intervalMs?: number;
}

interface JourneyEnvironmentRow {
  journey_id: number;
  environment_id: number;
  steps: JourneyDefinition['steps'];
  conversion_window_seconds: number;
  key: string;
}

/**
 * Keeps every journey's paths current in every environment of its project:
 * each pass builds the sets that are missing or follow an old definition,
 * refreshes the others with the units whose events changed, and forgets
 * the changes every set has taken in. Funnels read the paths when their set
 * is current and refresh it first, so they see every event stored before
 * they were asked.
 *
 * @example
 * const keeper = new JourneyPathKeeper(db, logger, registry, { intervalMs: 5_000 });
 * keeper.start();
 * if (await keeper.prepare({ journeyId, environmentId }, journey)) { ... read paths ... }
 * await keeper.stop();
 */
export class JourneyPathKeeper {
  private readonly job: PeriodicJob;
  private readonly passes: Counter<'outcome'>;
  private readonly work: Counter<'kind'>;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    registry: Registry,
    options: PathKeeperOptions = {},
  ) {
    this.job = new PeriodicJob(options.intervalMs ?? 5_000, () => this.pass());
    this.passes = new Counter({
      name: 'dial_journey_path_passes_total',
      help: 'Passes keeping journey paths current: completed, failed',
      labelNames: ['outcome'] as const,
      registers: [registry],
    });
    this.work = new Counter({
      name: 'dial_journey_path_rows_total',
      help: 'Journey path work: paths built (kind "built") and units whose paths were computed again (kind "refreshed")',
      labelNames: ['kind'] as const,
      registers: [registry],
    });
  }

  /** Schedules the passes; nothing when the interval is 0. */
  start(): void {
    this.job.start();
  }

  /** Cancels the schedule and waits for a pass in progress. */
  stop(): Promise<void> {
    return this.job.stop();
  }

  /** One pass now, unless one is in progress here. */
  run(): Promise<void> {
    return this.job.run();
  }

  /**
   * Whether a funnel of the journey can read its paths: true once the set
   * is current and refreshed with every change stored so far. A set that
   * is missing or outdated is left to the passes, which build it.
   */
  async prepare(key: PathSetKey, journey: JourneyDefinition): Promise<boolean> {
    if (!(await pathSetIsCurrent(this.db, key, journey))) return false;
    const units = await refreshPaths(this.db, key, journey);
    if (units !== null) this.work.inc({ kind: 'refreshed' }, units);
    return units !== null;
  }

  private async pass(): Promise<void> {
    try {
      await refreshPlannerStatistics(this.db, ANALYZED_TABLES);
      const { rows } = await this.db.query<JourneyEnvironmentRow>(
        `SELECT j.id AS journey_id, e.id AS environment_id, j.key, j.steps, j.conversion_window_seconds
           FROM journeys j JOIN environments e ON e.project_id = j.project_id ORDER BY j.id, e.id`,
      );
      for (const row of rows) {
        if (this.job.stopping) return;
        const key = { journeyId: Number(row.journey_id), environmentId: Number(row.environment_id) };
        const journey = { key: row.key, steps: row.steps, conversionWindowSeconds: Number(row.conversion_window_seconds) };
        const units = await refreshPaths(this.db, key, journey);
        if (units !== null) {
          this.work.inc({ kind: 'refreshed' }, units);
          continue;
        }
        const started = Date.now();
        const paths = await buildPaths(this.db, key, journey);
        this.work.inc({ kind: 'built' }, paths);
        this.logger.info({ journey: row.key, environmentId: key.environmentId, paths, ms: Date.now() - started }, 'journey paths built');
      }
      await pruneChangedUnits(this.db);
      this.passes.inc({ outcome: 'completed' });
    } catch (error) {
      this.passes.inc({ outcome: 'failed' });
      this.logger.error({ err: error }, 'keeping journey paths current failed');
    }
  }
}
