/**
 * Shorthands for the journeys domain's tests: events and first exposures
 * written straight into the tables, with times to the microsecond.
 */
import type { AnalyticsEvent, FirstExposure } from '@dial/core';
import type { Queryable } from '../platform/db.js';
import { timestampOfMicros } from './analysis-sql.js';

/** Replaces an environment's events and first exposures with these. */
export async function storeEvents(db: Queryable, environmentId: number, events: readonly AnalyticsEvent[], exposures: readonly FirstExposure[] = []): Promise<void> {
  await db.query('DELETE FROM events WHERE environment_id = $1', [environmentId]);
  await db.query('DELETE FROM first_exposures WHERE environment_id = $1', [environmentId]);
  await addEvents(db, environmentId, events, exposures);
}

/** Adds events and first exposures to an environment's. */
export async function addEvents(db: Queryable, environmentId: number, events: readonly AnalyticsEvent[], exposures: readonly FirstExposure[] = []): Promise<void> {
  if (events.length > 0) {
    await db.query(
      `INSERT INTO events (environment_id, event_id, type, name, unit_key, variant, attributes, properties, occurred_at, received_at)
       SELECT $1, id, type, name, unit_key, CASE WHEN type = 'exposure' THEN 'on' END, attributes::jsonb, properties::jsonb, occurred_at, now()
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
           AS u(id, type, name, unit_key, attributes, properties, occurred_at)`,
      [
        environmentId,
        events.map((e) => e.id),
        events.map((e) => e.type),
        events.map((e) => e.name),
        events.map((e) => e.unitKey),
        events.map((e) => JSON.stringify(e.attributes)),
        events.map((e) => JSON.stringify(e.properties)),
        events.map((e) => timestampOfMicros(e.atMicros)),
      ],
    );
  }
  if (exposures.length > 0) {
    await db.query(
      `INSERT INTO first_exposures (environment_id, flag_key, unit_key, variant, first_exposed_at, event_id)
       SELECT $1, flag_key, unit_key, variant, at, 'x-' || flag_key || '-' || unit_key
         FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS u(flag_key, unit_key, variant, at)`,
      [
        environmentId,
        exposures.map((e) => e.flagKey),
        exposures.map((e) => e.unitKey),
        exposures.map((e) => e.variant),
        exposures.map((e) => timestampOfMicros(e.atMicros)),
      ],
    );
  }
}
