import type { Condition } from '@dial/core';
import { segmentReference, type FlagReference, type References, type SegmentReference } from '@dial/core/validation';
import type { Queryable } from '../platform/db.js';
import type { Variant } from './flag-documents.js';

/*
 * What core validation needs to know about the rest of a project. Archived
 * flags are left out: they are not served, so nothing may depend on them.
 */

/**
 * The project as one environment serves it: its active flags with their
 * prerequisites in that environment, and every segment. A flag configuration
 * checked against it is refused for the unknown segments, unknown
 * prerequisites, cycles and too-deep chains evaluation there would meet.
 *
 * @example
 * validateFlag(flagDocument(flag, settings), await environmentReferences(tx, project.id, environment.id));
 */
export async function environmentReferences(db: Queryable, projectId: number, environmentId: number): Promise<References> {
  const { rows } = await db.query<{ key: string; variants: Variant[]; prerequisites: { flag: string }[] }>(
    `SELECT f.key, f.variants, c.prerequisites
       FROM flags f JOIN flag_configs c ON c.flag_id = f.id AND c.environment_id = $2
      WHERE f.project_id = $1 AND f.archived_at IS NULL`,
    [projectId, environmentId],
  );
  const flags = new Map<string, FlagReference>(
    rows.map((row) => [row.key, { variants: row.variants.map((v) => v.key), prerequisites: row.prerequisites.map((p) => p.flag) }]),
  );
  return { flags, segments: await segmentReferences(db, projectId) };
}

/**
 * Every segment of a project with the segments its rules refer to, for
 * checking that a segment's references exist and form no cycle.
 *
 * @example
 * validateSegment(segmentDocument(segment), { segments: await segmentReferences(tx, project.id) });
 */
export async function segmentReferences(db: Queryable, projectId: number): Promise<Map<string, SegmentReference>> {
  const { rows } = await db.query<{ key: string; rules: Condition[][] }>('SELECT key, rules FROM segments WHERE project_id = $1', [projectId]);
  return new Map(rows.map((row) => [row.key, segmentReference({ key: row.key, rules: row.rules })]));
}
