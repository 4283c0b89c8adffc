import type { Logger } from 'pino';
import { auditRoutes } from './audit/audit-routes.js';
import { PrincipalCache } from './auth/principal-cache.js';
import { sessionRoutes } from './auth/session-routes.js';
import { tokenRoutes } from './auth/token-routes.js';
import { type ClientRoutesOptions, clientRoutes } from './delivery/client-routes.js';
import { deliveryRoutes } from './delivery/delivery-routes.js';
import { SnapshotHub, type SnapshotHubOptions } from './delivery/snapshot-hub.js';
import { createEventMetrics } from './events/event-metrics.js';
import { eventRoutes } from './events/event-routes.js';
import { EventRetention, type RetentionOptions } from './events/retention.js';
import { JourneyPathKeeper, type PathKeeperOptions } from './journeys/path-keeper.js';
import { EventWriter, type EventWriterOptions } from './events/event-writer.js';
import { type DecisionRoutesOptions, decisionRoutes } from './experiments/decision-routes.js';
import { experimentRoutes } from './experiments/experiment-routes.js';
import { metricRoutes } from './experiments/metric-routes.js';
import { resultsRoutes } from './experiments/results-routes.js';
import { UnitValueKeeper, type UnitValueKeeperOptions } from './experiments/unit-value-keeper.js';
import { flagConfigRoutes } from './flags/flag-config-routes.js';
import { flagLifecycleRoutes } from './flags/flag-lifecycle-routes.js';
import { flagRoutes } from './flags/flag-routes.js';
import { projectRoutes } from './flags/project-routes.js';
import { segmentRoutes } from './flags/segment-routes.js';
import { journeyAnalysisRoutes } from './journeys/analysis-routes.js';
import { journeyRoutes } from './journeys/journey-routes.js';
import { consoleFiles } from './platform/console-files.js';
import type { Database } from './platform/db.js';
import { type App, createHttp } from './platform/http.js';
import { createMetrics } from './platform/metrics.js';
import type { Migration } from './platform/migrate.js';
import { systemRoutes } from './platform/system-routes.js';

export const VERSION = '0.1.0';

export interface AppDeps {
  db: Database;
  logger: Logger;
  migrations: readonly Migration[];
  /** The web console's build to serve at `/` (`CONSOLE_DIR` when Dial runs); none when left out, as in tests. */
  consoleDir?: string;
  /** Flag delivery's timing: heartbeat, snapshot cache and reconnect delays; tests shorten them. */
  delivery?: Omit<SnapshotHubOptions, 'db' | 'logger' | 'principals'>;
  /** The rate limit per client key and visitor (`DIAL_CLIENT_RATE_LIMIT`) of client evaluation and of events, each counted apart, and the clock. */
  client?: Omit<ClientRoutesOptions, 'principals'>;
  /** Event ingestion's group commit: queue bound, batch size and linger; tests shrink the bound. */
  events?: EventWriterOptions;
  /** Experiments' clock, for start and stop times and the end of a running experiment's results; tests set it. */
  experiments?: DecisionRoutesOptions;
  /** Whose X-Forwarded-For names the client's address (`DIAL_TRUST_PROXY`). */
  trustProxy?: boolean | number | string[];
  /** The event retention job's interval (`DIAL_RETENTION_INTERVAL_SECONDS`), batch size and clock. */
  retention?: RetentionOptions;
  /** How often journey paths are brought up to date (`DIAL_ANALYTICS_REFRESH_SECONDS`); tests set 0 and build paths themselves. */
  journeyPaths?: PathKeeperOptions;
  /** How often experiments' unit values are brought up to date (`DIAL_ANALYTICS_REFRESH_SECONDS`); tests set 0 and build them themselves. */
  experimentValues?: UnitValueKeeperOptions;
}

/**
 * The HTTP application on a migrated database: every domain's routes under
 * `/api/v1`, plus health, readiness and metrics, and the event retention,
 * journey path and experiment unit value jobs, which start when the app is ready and stop when it closes. Tests call
 * `inject()` on it.
 */
export async function buildApp({ db, logger, migrations, consoleDir, delivery = {}, client = {}, events = {}, experiments = {}, trustProxy, retention = {}, journeyPaths = {}, experimentValues = {} }: AppDeps): Promise<App> {
  const metrics = createMetrics(() => db.poolStats());
  const app = await createHttp({ logger, metrics, version: VERSION, ...(trustProxy === undefined ? {} : { trustProxy }) });
  await app.register(systemRoutes(db, metrics, migrations));
  // SDK keys looked up once and then trusted until the hub hears they were revoked.
  const principals = new PrincipalCache(client.now === undefined ? {} : { now: client.now });
  const hub = new SnapshotHub({ ...delivery, db, logger, principals });
  const eventMetrics = createEventMetrics(metrics.registry, () => writer.queuedRows);
  const writer = new EventWriter(db, { ...events, metrics: eventMetrics });
  const pathKeeper = new JourneyPathKeeper(db, logger, metrics.registry, journeyPaths);
  const valueKeeper = new UnitValueKeeper(db, logger, metrics.registry, experimentValues);
  await app.register(
    async (api: App) => {
      await api.register(projectRoutes(db, principals));
      await api.register(flagRoutes(db));
      await api.register(flagLifecycleRoutes(db));
      await api.register(flagConfigRoutes(db));
      await api.register(segmentRoutes(db));
      await api.register(journeyRoutes(db));
      await api.register(journeyAnalysisRoutes(db, pathKeeper, client.now === undefined ? {} : { now: client.now }));
      await api.register(tokenRoutes(db, principals));
      await api.register(sessionRoutes(db));
      await api.register(auditRoutes(db));
      await api.register(metricRoutes(db));
      await api.register(experimentRoutes(db));
      await api.register(decisionRoutes(db, experiments));
      await api.register(resultsRoutes(db, valueKeeper, experiments));
      await api.register(deliveryRoutes(db, hub, principals));
      await api.register(clientRoutes(db, hub, { ...client, principals }));
      await api.register(
        eventRoutes(db, writer, {
          principals,
          metrics: eventMetrics,
          ...(client.rateLimit === undefined ? {} : { rateLimit: client.rateLimit }),
          corsOriginsOf: async (projectId, environmentId) => (await hub.served(projectId, environmentId))?.corsOrigins,
          ...(client.now === undefined ? {} : { now: client.now }),
        }),
      );
    },
    { prefix: '/api/v1' },
  );
  if (consoleDir !== undefined) await app.register(consoleFiles(consoleDir));
  const eventRetention = new EventRetention(db, logger, metrics.registry, retention);
  app.addHook('onReady', async () => eventRetention.start());
  app.addHook('onClose', async () => eventRetention.stop());
  app.addHook('onReady', async () => pathKeeper.start());
  app.addHook('onClose', async () => pathKeeper.stop());
  app.addHook('onReady', async () => valueKeeper.start());
  app.addHook('onClose', async () => valueKeeper.stop());
  return app;
}
