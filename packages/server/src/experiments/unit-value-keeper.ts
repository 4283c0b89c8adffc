import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';
import { pruneChangedUnits } from '../events/changed-units.js';
import { findProject } from '../flags/projects.js';
import type { Database } from '../platform/db.js';
import { PeriodicJob } from '../platform/periodic-job.js';
import { type CountedQuery, countedQueryOf, experimentMetrics, unitValuesQueryOf } from './experiment-results-query.js';
import { type ExperimentRecord, findExperiment } from './experiment-store.js';
import type { ResultsStatistics } from './results-query.js';
import { buildUnitValues, dropUnitValues, keptStatistics, refreshUnitValues } from './unit-value-sets.js';

export interface UnitValueKeeperOptions {
  /** Time between passes over every running and stopped experiment; 0: no passes but those asked for (default 5 s). */
  intervalMs?: number;
}

/**
 * Keeps the unit values of every running and stopped experiment current:
 * each pass builds the sets that are missing or follow an old definition
 * (new metrics, a stop), refreshes the others with the units whose events
 * changed, drops the sets of experiments shipped or back to draft, and
 * forgets the changes every set has taken in. Results read the values when
 * their set is current and refresh it first, so they count every event
 * stored before they were asked.
 *
 * @example
 * const keeper = new UnitValueKeeper(db, logger, registry, { intervalMs: 5_000 });
 * keeper.start();
 * const kept = await keeper.statistics(experiment, counted, end); // null: read the events
 * await keeper.stop();
 */
export class UnitValueKeeper {
  private readonly job: PeriodicJob;
  private readonly passes: Counter<'outcome'>;
  private readonly work: Counter<'kind'>;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    registry: Registry,
    options: UnitValueKeeperOptions = {},
  ) {
    this.job = new PeriodicJob(options.intervalMs ?? 5_000, () => this.pass());
    this.passes = new Counter({
      name: 'dial_experiment_value_passes_total',
      help: 'Passes keeping experiments\' unit values current: completed, failed (one experiment or more failed)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    });
    this.work = new Counter({
      name: 'dial_experiment_value_units_total',
      help: 'Experiment unit value work: units whose values were built (kind "built") and computed again (kind "refreshed")',
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
   * The experiment's statistics from its kept values, brought up to date
   * first, for results ending at `end`; null when no current set is kept
   * for it (the passes build it): the caller reads the events.
   */
  async statistics(experiment: ExperimentRecord, counted: CountedQuery, end: Date): Promise<ResultsStatistics | null> {
    const kept = unitValuesQueryOf(experiment, counted);
    if (kept === null) return null;
    const read = await keptStatistics(this.db, experiment.id, kept, end);
    if (read === null) return null;
    this.work.inc({ kind: 'refreshed' }, read.refreshed);
    return read.statistics;
  }

  private async pass(): Promise<void> {
    let failed = false;
    try {
      const { rows } = await this.db.query<{ project: string; key: string }>(
        "SELECT p.key AS project, x.key FROM experiments x JOIN projects p ON p.id = x.project_id WHERE x.status IN ('running', 'stopped') ORDER BY x.id",
      );
      for (const row of rows) {
        if (this.job.stopping) return;
        try {
          await this.keep(row.project, row.key);
        } catch (error) {
          failed = true;
          this.logger.error({ err: error, experiment: row.key }, 'keeping an experiment\'s unit values current failed');
        }
      }
      const { rows: outdated } = await this.db.query<{ experiment_id: number }>(
        `SELECT s.experiment_id FROM experiment_value_sets s JOIN experiments x ON x.id = s.experiment_id WHERE x.status NOT IN ('running', 'stopped')`,
      );
      for (const { experiment_id } of outdated) await dropUnitValues(this.db, Number(experiment_id));
      await pruneChangedUnits(this.db);
    } catch (error) {
      failed = true;
      this.logger.error({ err: error }, 'keeping experiments\' unit values current failed');
    }
    this.passes.inc({ outcome: failed ? 'failed' : 'completed' });
  }

  private async keep(projectKey: string, key: string): Promise<void> {
    const project = await findProject(this.db, projectKey);
    const experiment = project === undefined ? undefined : await findExperiment(this.db, project.id, key);
    if (project === undefined || experiment === undefined) return;
    const query = unitValuesQueryOf(experiment, await countedQueryOf(this.db, project, experiment, await experimentMetrics(this.db, experiment)));
    if (query === null) return;
    const units = await refreshUnitValues(this.db, experiment.id, query);
    if (units !== null) {
      this.work.inc({ kind: 'refreshed' }, units);
      return;
    }
    const started = Date.now();
    const built = await buildUnitValues(this.db, experiment.id, query);
    this.work.inc({ kind: 'built' }, built);
    this.logger.info({ experiment: experiment.key, units: built, ms: Date.now() - started }, 'experiment unit values built');
  }
}
