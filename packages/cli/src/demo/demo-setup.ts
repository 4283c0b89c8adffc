/**
 * The demo's setup as a list of steps, each making one thing exist as the
 * demo needs it. A step never changes what a person changed: running the
 * demo again creates only what is missing, and a flag's configuration is
 * set only while it is still as created (version 1), with If-Match so a
 * change made meanwhile is not overwritten.
 */
import { type AdminApi, DemoError } from './admin-api.js';
import {
  DEMO_ENVIRONMENT,
  DEMO_EXPERIMENT,
  DEMO_FLAGS,
  DEMO_JOURNEYS,
  DEMO_KEY_NAME,
  DEMO_METRICS,
  DEMO_PROJECT,
  DEMO_SEGMENTS,
  type DemoFlag,
  type DemoJourney,
  type DemoMetric,
  type DemoSegment,
} from './demo-project.js';

export interface SetupStep {
  /** What the step makes, as the output names it: `flag new-checkout`. */
  readonly subject: string;
  /** Makes it exist; resolves to what it did, in a few words. */
  run(api: AdminApi): Promise<string>;
}

const PROJECT = `/projects/${DEMO_PROJECT.key}`;

export function projectStep(): SetupStep {
  return {
    subject: `project ${DEMO_PROJECT.key}`,
    async run(api) {
      const project = await api.find<{ environments: { key: string }[] }>(PROJECT);
      if (project === undefined) {
        await api.send('POST', '/projects', { ...DEMO_PROJECT, environments: [{ key: DEMO_ENVIRONMENT, name: 'Production' }] });
        return 'created';
      }
      if (project.environments.some((environment) => environment.key === DEMO_ENVIRONMENT)) return 'already there';
      await api.send('POST', `${PROJECT}/environments`, { key: DEMO_ENVIRONMENT, name: 'Production' });
      return `already there; environment ${DEMO_ENVIRONMENT} added`;
    },
  };
}

export function segmentStep(segment: DemoSegment): SetupStep {
  return {
    subject: `segment ${segment.key}`,
    async run(api) {
      if ((await api.find(`${PROJECT}/segments/${segment.key}`)) !== undefined) return 'already there';
      await api.send('POST', `${PROJECT}/segments`, segment);
      return 'created';
    },
  };
}

export function flagStep(definition: DemoFlag): SetupStep {
  const key = definition.flag.key;
  const route = `${PROJECT}/flags/${key}`;
  return {
    subject: `flag ${key}`,
    async run(api) {
      const existing = await api.find<{ archived: boolean }>(route);
      if (existing === undefined) await api.send('POST', `${PROJECT}/flags`, definition.flag);
      else if (existing.archived) return 'already there but archived, so shoppers get the default; restore it to see it served';
      const done = existing === undefined ? 'created' : 'already there';
      const configRoute = `${route}/environments/${DEMO_ENVIRONMENT}`;
      const { version, updatedAt: _updatedAt, ...config } = await api.get<{ version: number; updatedAt: string }>(configRoute);
      if (sameJson(config, { prerequisites: [], ...definition.production })) return done;
      if (version !== 1) return `${done}; its configuration was changed since, so it is left as it is`;
      const answer = await api.request('PUT', configRoute, definition.production, { 'if-match': '"1"' });
      if (answer.status === 409) return `${done}; its configuration was changed meanwhile, so it is left as it is`;
      api.checked('PUT', configRoute, answer);
      return `${done}: ${definition.summary}`;
    },
  };
}

export function journeyStep(journey: DemoJourney): SetupStep {
  return {
    subject: `journey ${journey.key}`,
    async run(api) {
      if ((await api.find(`${PROJECT}/journeys/${journey.key}`)) !== undefined) return 'already there';
      await api.send('POST', `${PROJECT}/journeys`, journey);
      return `created: ${journey.steps.map((step) => step.event).join(' → ')}`;
    },
  };
}

export function metricStep(metric: DemoMetric): SetupStep {
  return {
    subject: `metric ${metric.key}`,
    async run(api) {
      if ((await api.find(`${PROJECT}/metrics/${metric.key}`)) !== undefined) return 'already there';
      await api.send('POST', `${PROJECT}/metrics`, metric);
      return 'created';
    },
  };
}

interface ExperimentView {
  status: 'draft' | 'running' | 'stopped' | 'shipped';
  startedAt: string | null;
  version: number;
}

/**
 * The experiment on `new-checkout`, created as a draft and started as of
 * `startedAt`. Results count units first exposed from the start on, and the
 * backfill's shoppers are exposed in the past, so the demo starts it no
 * later than the first of them: the 14 days replayed are the experiment's
 * data. A draft is started only while it is still as created (version 1,
 * with If-Match); one that runs, stopped or shipped is left as it is.
 */
export function experimentStep(startedAt: Date): SetupStep {
  const route = `${PROJECT}/experiments/${DEMO_EXPERIMENT.key}`;
  return {
    subject: `experiment ${DEMO_EXPERIMENT.key}`,
    async run(api) {
      const existing = await api.find<ExperimentView>(route);
      if (existing === undefined) await api.send('POST', `${PROJECT}/experiments`, DEMO_EXPERIMENT);
      else if (existing.status !== 'draft') return `already there, ${existing.status}${existing.startedAt === null ? '' : ` since ${existing.startedAt}`}`;
      else if (existing.version !== 1) return 'already there as a draft you changed, so it is left for you to start';
      const done = existing === undefined ? 'created' : 'already there';
      const answer = await api.request('POST', `${route}/start`, { startedAt: startedAt.toISOString() }, { 'if-match': '"1"' });
      if (answer.status === 409) return `${done}; it was changed meanwhile, so it is left as it is`;
      if (answer.status === 400) {
        const message = (answer.body as { error?: { message?: string } }).error?.message ?? 'the flag does not split traffic';
        return `${done} as a draft, not started: ${message}`;
      }
      api.checked('POST', `${route}/start`, answer);
      return `${done}, running since ${startedAt.toISOString()}: control against treatment on purchase conversion`;
    },
  };
}

/** Whether two JSON values are equal, whatever the order of their objects' keys. */
function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([x], [y]) => (x < y ? -1 : 1))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * Everything the demo sets up, in an order where each step finds what it
 * refers to; the experiment starts as of `experimentStart`, which must be no
 * later than the backfill's first shopper for the backfill to count.
 */
export function demoSetupSteps(experimentStart: Date): SetupStep[] {
  return [
    projectStep(),
    ...DEMO_SEGMENTS.map(segmentStep),
    ...DEMO_FLAGS.map(flagStep),
    ...DEMO_JOURNEYS.map(journeyStep),
    ...DEMO_METRICS.map(metricStep),
    experimentStep(experimentStart),
  ];
}

export interface DemoKey {
  readonly id: number;
  readonly secret: string;
  /** How many keys earlier runs left active were revoked. */
  readonly revoked: number;
}

interface TokenView {
  id: number;
  name: string;
  project: string | null;
  environment: string | null;
}

/**
 * A new server SDK key for the demo's environment. A key's secret is shown
 * only once and the demo keeps nothing on disk, so each run makes its own,
 * revokes it when it stops (revokeDemoKey), and revokes any that an earlier
 * run could not (it was killed): at most one demo key is ever active.
 */
export async function issueDemoKey(api: AdminApi): Promise<DemoKey> {
  const { tokens } = await api.get<{ tokens: TokenView[] }>('/tokens?kind=server');
  const leftovers = tokens.filter((token) => token.name === DEMO_KEY_NAME && token.project === DEMO_PROJECT.key && token.environment === DEMO_ENVIRONMENT);
  const created = await api.send<{ token: { id: number }; secret: string }>('POST', '/tokens', {
    kind: 'server',
    name: DEMO_KEY_NAME,
    project: DEMO_PROJECT.key,
    environment: DEMO_ENVIRONMENT,
  });
  for (const token of leftovers) await api.send('DELETE', `/tokens/${token.id}`);
  if (typeof created.secret !== 'string') throw new DemoError('Dial created the SDK key but sent no secret');
  return { id: created.token.id, secret: created.secret, revoked: leftovers.length };
}

export async function revokeDemoKey(api: AdminApi, key: DemoKey): Promise<void> {
  await api.send('DELETE', `/tokens/${key.id}`);
}
