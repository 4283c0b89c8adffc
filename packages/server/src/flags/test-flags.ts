/**
 * Shorthands for the flags domain's tests: create flags, segments and
 * configurations through the API, as a console would.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from '../test-support.js';

/** The URL of a route under a project. */
export const projectUrl = (path: string, project = 'default') => `/api/v1/projects/${project}${path}`;

/** Fails the test with the response body when the status is not the expected one. */
export function expectStatus(res: LightMyRequestResponse, status: number): void {
  expect(res.statusCode, res.body).toBe(status);
}

/** Creates a flag (named after its key unless given) and returns it as the API shows it. */
export async function createFlag(t: TestApp, body: Record<string, unknown>, project = 'default') {
  const res = await t.app.inject({ method: 'POST', url: projectUrl('/flags', project), headers: t.admin, payload: { name: body.key, ...body } });
  expectStatus(res, 201);
  return res.json();
}

/** Creates a segment (named after its key unless given) and returns it. */
export async function createSegment(t: TestApp, body: Record<string, unknown>, project = 'default') {
  const res = await t.app.inject({ method: 'POST', url: projectUrl('/segments', project), headers: t.admin, payload: { name: body.key, ...body } });
  expectStatus(res, 201);
  return res.json();
}

/** The current configuration of a flag in an environment. */
export async function getConfig(t: TestApp, flag: string, environment = 'production', project = 'default') {
  const res = await t.app.inject({ method: 'GET', url: projectUrl(`/flags/${flag}/environments/${environment}`, project), headers: t.admin });
  expectStatus(res, 200);
  return res.json();
}

/** Changes part of a flag's configuration at its current version; returns the response. */
export async function patchConfig(t: TestApp, flag: string, changes: Record<string, unknown>, environment = 'production', project = 'default') {
  const { version } = await getConfig(t, flag, environment, project);
  return t.app.inject({
    method: 'PATCH',
    url: projectUrl(`/flags/${flag}/environments/${environment}`, project),
    headers: t.admin,
    payload: { ...changes, version },
  });
}

/** A server SDK key's secret, for checking that admin routes refuse it. */
export async function createServerKey(t: TestApp): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/tokens',
    headers: t.admin,
    payload: { kind: 'server', name: 'svc', project: 'default', environment: 'production' },
  });
  expectStatus(res, 201);
  return res.json<{ secret: string }>().secret;
}

/** The audit entries of one resource, newest first. */
export async function auditOf(t: TestApp, resourceType: string, key: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit?resourceType=${resourceType}&resource=${key}`, headers: t.admin });
  expectStatus(res, 200);
  return res.json().entries as { action: string; before: unknown; after: unknown; environment: string | null; resource: { environment: string | null } }[];
}
