/**
 * The evaluation suites of spec/evaluation through the browser's path: each
 * suite's snapshot is loaded into a real server through the admin API (its
 * flags client-side), and every case is evaluated by `POST /api/v1/sdk/evaluate`
 * for the case's context and read back through DialWebClient. Compared:
 * `value`, `variant`, `reason` and `errorCode` — a browser is never sent
 * `ruleId` or `prerequisite`, which could describe targeting.
 *
 * Configurations the admin API rightly refuses to save cannot be served, and
 * their cases are left out, by name, below (REFUSED); so are the cases of
 * flags that depend on them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { DialWebClient } from '@dial/sdk-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cleanups, api, request, startDial, storage } from './test-server.js';

const specDir = new URL('../../../../shared/spec/evaluation/', import.meta.url);

/** What each suite holds that the API refuses, and why the refusal is right. */
const REFUSED: Record<string, Record<string, string>> = {
  structure: { 'bad-seg': 'a rule names a segment that does not exist' },
};

interface SpecFlag {
  key: string;
  variants: Record<string, unknown>;
  enabled: boolean;
  offVariant: string;
  prerequisites?: { flag: string; variant: string }[];
  rules: unknown[];
  fallthrough: unknown;
}
interface SpecSegment {
  key: string;
  include?: string[];
  exclude?: string[];
  rules?: unknown[][];
}
interface Suite {
  kind: string;
  name: string;
  snapshot: { flags: SpecFlag[]; segments?: SpecSegment[] };
  cases: { flag: string; context: unknown; expect: Record<string, unknown> }[];
}

const suites: Suite[] = readdirSync(specDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(new URL(file, specDir), 'utf8')) as Suite)
  .filter((suite) => suite.kind === 'evaluation');

const COMPARED = ['value', 'variant', 'reason', 'errorCode'] as const;
const compared = (result: Record<string, unknown>) => Object.fromEntries(COMPARED.filter((field) => result[field] !== undefined).map((field) => [field, result[field]]));

/** Items in an order where each comes after those it names (segments in segments, prerequisites); cycles are left to the API to refuse. */
function dependencyOrder<T extends { key: string }>(items: T[], dependsOn: (item: T) => string[]): T[] {
  const byKey = new Map(items.map((item) => [item.key, item]));
  const ordered: T[] = [];
  const visiting = new Set<string>();
  const visit = (item: T) => {
    if (ordered.includes(item) || visiting.has(item.key)) return;
    visiting.add(item.key);
    for (const key of dependsOn(item)) {
      const dependency = byKey.get(key);
      if (dependency !== undefined) visit(dependency);
    }
    ordered.push(item);
  };
  items.forEach(visit);
  return ordered;
}

function segmentsNamed(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(segmentsNamed);
  if (typeof value !== 'object' || value === null) return [];
  const own = typeof (value as { segment?: unknown }).segment === 'string' ? [(value as { segment: string }).segment] : [];
  return [...own, ...Object.values(value).flatMap(segmentsNamed)];
}

function kindOf(values: unknown[]): 'boolean' | 'string' | 'number' | 'json' {
  for (const kind of ['boolean', 'string', 'number'] as const) if (values.every((value) => typeof value === kind)) return kind;
  return 'json';
}

/** Loads a suite's snapshot into a new project as client-side flags; answers what the API refused, by flag key, with its reason. */
async function load(base: string, project: string, suite: Suite): Promise<Map<string, string>> {
  await api(base, 'POST', '/projects', { key: project, name: suite.name });
  const refused = new Map<string, string>();
  const refusedSegments = new Set<string>();
  for (const segment of dependencyOrder(suite.snapshot.segments ?? [], (s) => segmentsNamed(s.rules))) {
    const answer = await request(base, 'POST', `/projects/${project}/segments`, { name: segment.key, include: [], exclude: [], rules: [], ...segment });
    if (answer.status !== 201) refusedSegments.add(segment.key);
  }
  const flags = dependencyOrder(suite.snapshot.flags, (flag) => (flag.prerequisites ?? []).map((p) => p.flag));
  const versions = new Map<string, number>();
  for (const flag of flags) {
    const variants = Object.entries(flag.variants).map(([key, value]) => ({ key, value }));
    const created = await api(base, 'POST', `/projects/${project}/flags`, {
      key: flag.key,
      name: flag.key,
      kind: kindOf(variants.map((variant) => variant.value)),
      variants,
      offVariant: flag.offVariant,
      clientSide: true,
    });
    versions.set(flag.key, (created.environments as Record<string, { version: number }>).production!.version);
  }
  for (const flag of flags) {
    const needs = [...(flag.prerequisites ?? []).map((p) => p.flag).filter((key) => refused.has(key))];
    const missing = segmentsNamed(flag.rules).filter((key) => refusedSegments.has(key));
    if (needs.length > 0 || missing.length > 0) {
      refused.set(flag.key, `depends on what the API refused: ${[...needs, ...missing].join(', ')}`);
      continue;
    }
    const { key, enabled, offVariant, prerequisites = [], rules, fallthrough } = flag;
    const answer = await request(base, 'PUT', `/projects/${project}/flags/${key}/environments/production`, {
      enabled,
      offVariant,
      prerequisites,
      rules,
      fallthrough,
      version: versions.get(key),
    });
    if (answer.status !== 200) refused.set(key, JSON.stringify(answer.body));
  }
  return refused;
}

const cleanups: Cleanups = [];
let base: string;
beforeAll(async () => {
  // Each case's context is one request: lift the per-key rate limit above the largest suite.
  const server = await startDial(cleanups, { ...(await storage(cleanups)), DIAL_CLIENT_RATE_LIMIT: '1000:1000' });
  base = server.url;
});
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

describe('sdk-web through /sdk/evaluate passes the evaluation suites', () => {
  it('finds the suites', () => {
    expect(suites.map((suite) => suite.name).sort()).toEqual(expect.arrayContaining(['operators', 'rollouts', 'structure']));
  });

  for (const suite of suites) {
    it(`${suite.name}`, async () => {
      const project = `spec-${suite.name}`.toLowerCase().replace(/[^a-z0-9._-]/g, '-');
      const refused = await load(base, project, suite);
      expect(new Set(refused.keys())).toEqual(new Set(Object.keys(REFUSED[suite.name] ?? {})));

      const { secret } = await api(base, 'POST', '/tokens', { kind: 'client', name: 'conformance', project, environment: 'production' });
      const client = new DialWebClient({ clientKey: secret as string, baseUrl: base, context: {}, storage: false, stream: false });
      const errors: string[] = [];
      client.on('error', (error) => errors.push(error.message));
      try {
        const byContext = new Map<string, Suite['cases']>();
        for (const c of suite.cases) {
          if (refused.has(c.flag)) continue;
          const key = JSON.stringify(c.context);
          byContext.set(key, [...(byContext.get(key) ?? []), c]);
        }
        const failures: string[] = [];
        let passed = 0;
        for (const [context, cases] of byContext) {
          await client.setContext(JSON.parse(context) as Record<string, unknown>);
          expect(errors, `evaluating for ${context}`).toEqual([]);
          for (const c of cases) {
            const actual = compared(client.details(c.flag) as unknown as Record<string, unknown>);
            const expected = compared(c.expect);
            // Deep equality, not text: the database may give an object value's keys in another order.
            if (isDeepStrictEqual(actual, expected)) passed++;
            else failures.push(`${c.flag} ${context}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
          }
        }
        expect(failures).toEqual([]);
        const skipped = suite.cases.length - passed;
        expect(skipped).toBe(suite.cases.filter((c) => refused.has(c.flag)).length);
        console.log(`sdk-web conformance ${suite.name}: ${passed} passed, ${skipped} left out (${[...refused.keys()].join(', ') || 'none'})`);
      } finally {
        client.close();
      }
    }, 60_000);
  }
});
