import type { Queryable } from '../platform/db.js';
import { notFound } from '../platform/errors.js';
import { type ConfigRecord, listConfigs, shownConfig } from './flag-config-store.js';
import type { FlagInfo, FlagView } from './flag-documents.js';
import { type FlagRecord, findFlag } from './flag-store.js';
import { type EnvironmentRef, type ProjectRef, findEnvironment, findProject } from './projects.js';
import { type SegmentRecord, findSegment } from './segment-store.js';

/*
 * What a route's URL names, or a 404 that says which part does not exist.
 */

/**
 * The project of a URL. Every change to a project's flags and segments
 * passes `lock`, holding the project's row until its transaction ends:
 * references checked in one transaction (a prerequisite, a segment in use)
 * then cannot be broken by another committing at the same moment, such as
 * two flags each made the other's prerequisite.
 */
export async function requireProject(db: Queryable, key: string, lock = false): Promise<ProjectRef> {
  const project = await findProject(db, key, lock);
  if (project === undefined) throw notFound(`Project "${key}"`);
  return project;
}

/** The flag of a URL, archived or not. */
export async function requireFlag(db: Queryable, project: ProjectRef, key: string): Promise<FlagRecord> {
  const flag = await findFlag(db, project.id, key);
  if (flag === undefined) throw notFound(`Flag "${key}" in project "${project.key}"`);
  return flag;
}

/** The environment of a URL. */
export async function requireEnvironment(db: Queryable, project: ProjectRef, key: string): Promise<EnvironmentRef> {
  const environment = await findEnvironment(db, project.id, key);
  if (environment === undefined) throw notFound(`Environment "${key}" in project "${project.key}"`);
  return environment;
}

/** The segment of a URL. */
export async function requireSegment(db: Queryable, project: ProjectRef, key: string): Promise<SegmentRecord> {
  const segment = await findSegment(db, project.id, key);
  if (segment === undefined) throw notFound(`Segment "${key}" in project "${project.key}"`);
  return segment;
}

/** A flag's metadata as the API shows it, without its id. */
export function shownFlag({ id: _id, ...flag }: FlagRecord): FlagInfo {
  return flag;
}

/** A flag as the API shows it: its metadata and every environment's configuration. */
export async function flagView(db: Queryable, flag: FlagRecord, configs?: readonly ConfigRecord[]): Promise<FlagView> {
  const all = configs ?? (await listConfigs(db, flag.id));
  return { ...shownFlag(flag), environments: Object.fromEntries(all.map((config) => [config.environmentKey, shownConfig(config)])) };
}
