import type { ProjectRef } from '../flags/projects.js';
import type { Queryable } from '../platform/db.js';
import { notFound } from '../platform/errors.js';
import { type JourneyRecord, findJourney } from './journey-store.js';

/** The journey of a URL, or a 404 that names it. */
export async function requireJourney(db: Queryable, project: ProjectRef, key: string): Promise<JourneyRecord> {
  const journey = await findJourney(db, project.id, key);
  if (journey === undefined) throw notFound(`Journey "${key}" in project "${project.key}"`);
  return journey;
}
