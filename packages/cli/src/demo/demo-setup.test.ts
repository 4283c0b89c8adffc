import { describe, expect, it } from 'vitest';
import { AdminApi } from './admin-api.js';
import { DEMO_EXPERIMENT } from './demo-project.js';
import { experimentStep } from './demo-setup.js';

const START = new Date('2026-11-08T09:00:00.000Z');
const ROUTE = `/api/v1/projects/demo/experiments/${DEMO_EXPERIMENT.key}`;

/** An admin API whose answers are given per "METHOD path", recording what was sent. */
function apiAnswering(answers: Record<string, { status: number; body?: unknown }>) {
  const sent: { request: string; body: unknown; ifMatch: string | null }[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const request = `${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`;
    sent.push({ request, body: init?.body === undefined ? undefined : JSON.parse(String(init.body)), ifMatch: new Headers(init?.headers).get('if-match') });
    const answer = answers[request] ?? { status: 404, body: { error: { code: 'not_found', message: 'does not exist' } } };
    return new Response(JSON.stringify(answer.body ?? {}), { status: answer.status });
  };
  return { api: new AdminApi('http://dial.test', 'dial_admin_test', fetchFn), sent };
}

describe('the demo’s experiment step', () => {
  it('creates the experiment and starts it as of the backfill’s first day', async () => {
    const { api, sent } = apiAnswering({ [`POST /api/v1/projects/demo/experiments`]: { status: 201 }, [`POST ${ROUTE}/start`]: { status: 200 } });
    expect(await experimentStep(START).run(api)).toBe('created, running since 2026-11-08T09:00:00.000Z: control against treatment on purchase conversion');
    expect(sent.map((s) => s.request)).toEqual([`GET ${ROUTE}`, 'POST /api/v1/projects/demo/experiments', `POST ${ROUTE}/start`]);
    expect(sent[1]!.body).toEqual(DEMO_EXPERIMENT);
    expect(sent[2]).toMatchObject({ body: { startedAt: '2026-11-08T09:00:00.000Z' }, ifMatch: '"1"' });
  });

  it('leaves one that runs, stopped or was changed as it is, and starts the draft it created before', async () => {
    const running = apiAnswering({ [`GET ${ROUTE}`]: { status: 200, body: { status: 'running', startedAt: '2026-11-01T00:00:00.000Z', version: 2 } } });
    expect(await experimentStep(START).run(running.api)).toBe('already there, running since 2026-11-01T00:00:00.000Z');
    expect(running.sent).toHaveLength(1);
    const changed = apiAnswering({ [`GET ${ROUTE}`]: { status: 200, body: { status: 'draft', startedAt: null, version: 3 } } });
    expect(await experimentStep(START).run(changed.api)).toBe('already there as a draft you changed, so it is left for you to start');
    expect(changed.sent).toHaveLength(1);
    const draft = apiAnswering({ [`GET ${ROUTE}`]: { status: 200, body: { status: 'draft', startedAt: null, version: 1 } }, [`POST ${ROUTE}/start`]: { status: 200 } });
    expect(await experimentStep(START).run(draft.api)).toMatch(/^already there, running since 2026-11-08T09:00:00.000Z/);
  });

  it('says why it could not start it, and goes on', async () => {
    const message = 'Experiment "new-checkout" cannot start: flag "new-checkout" in environment "production": it has no percentage rollout';
    const { api } = apiAnswering({
      [`POST /api/v1/projects/demo/experiments`]: { status: 201 },
      [`POST ${ROUTE}/start`]: { status: 400, body: { error: { code: 'bad_request', message } } },
    });
    expect(await experimentStep(START).run(api)).toBe(`created as a draft, not started: ${message}`);
  });
});
