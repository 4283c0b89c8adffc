/**
 * Shorthands for the experiments domain's tests: metrics and experiments
 * created through the API, as a console would.
 */
import { expectStatus, projectUrl } from '../flags/test-flags.js';
import type { TestApp } from '../test-support.js';

/** Creates a metric (named after its key unless given) and returns it as the API shows it. */
export async function createMetric(t: TestApp, body: Record<string, unknown>, project = 'default') {
  const res = await t.app.inject({ method: 'POST', url: projectUrl('/metrics', project), headers: t.admin, payload: { name: body.key, ...body } });
  expectStatus(res, 201);
  return res.json();
}

/** Creates an experiment (named after its key unless given) and returns it as the API shows it. */
export async function createExperiment(t: TestApp, body: Record<string, unknown>, project = 'default') {
  const res = await t.app.inject({ method: 'POST', url: projectUrl('/experiments', project), headers: t.admin, payload: { name: body.key, ...body } });
  expectStatus(res, 201);
  return res.json();
}
