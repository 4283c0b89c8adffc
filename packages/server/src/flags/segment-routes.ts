import { validateSegment } from '@dial/core/validation';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf, recordChange } from '../audit/audit-log.js';
import { principalOf, requireToken } from '../auth/authenticate.js';
import { coreBodyValidator, fieldIssues } from '../platform/body-validator.js';
import type { Database, Queryable } from '../platform/db.js';
import { alreadyExists, conflict, validationFailed } from '../platform/errors.js';
import type { App } from '../platform/http.js';
import { isUniqueViolation } from '../platform/pg-errors.js';
import { errorResponses } from '../platform/schemas.js';
import { checkVersion, etag, expectedVersion } from '../platform/versions.js';
import { type SegmentView, segmentDocument } from './flag-documents.js';
import { projectParams } from './flag-schemas.js';
import { requireProject, requireSegment } from './lookups.js';
import { segmentReferences } from './references.js';
import {
  newSegmentBody,
  segmentBody,
  segmentChangesBody,
  segmentListItem,
  segmentListQuery,
  segmentParams,
  segmentSchemaOut,
} from './segment-schemas.js';
import { type SegmentFields, deleteSegment, insertSegment, listSegments, shownSegment, updateSegment } from './segment-store.js';
import { bumpSnapshotVersions } from './snapshots.js';
import { describeUses, segmentUses } from './usages.js';

const VALIDATION =
  'Segments named in the rules must exist and must not lead back to this one; `include` and `exclude` list each key once, at most 10,000 each.';

/** Refuses a segment whose references are unknown or circular, with issues at their paths in the body. */
async function checkSegment(tx: Queryable, projectId: number, segment: SegmentFields & { key: string }): Promise<void> {
  const result = validateSegment(segmentDocument(segment), { segments: await segmentReferences(tx, projectId) });
  if (!result.ok) throw validationFailed(fieldIssues(result.issues));
}

/** A project's segments: reusable groups of contexts that flag rules target. For admin tokens. */
export function segmentRoutes(db: Database) {
  return async (app: App): Promise<void> => {
    app.addHook('onRequest', requireToken(db, ['admin']));
    app.setValidatorCompiler(coreBodyValidator);

    /** Applies an edit to a segment: version, validation, storage and audit in one transaction. */
    const saveSegment = async (
      request: FastifyRequest,
      params: { project: string; segment: string },
      bodyVersion: number | undefined,
      edit: (current: SegmentFields) => SegmentFields,
    ): Promise<SegmentView> => {
      const what = `Segment "${params.segment}"`;
      const sent = expectedVersion(request, bodyVersion, what);
      const actor = actorOf(principalOf(request), request.id);
      return db.transaction(async (tx) => {
        const project = await requireProject(tx, params.project, true);
        const current = await requireSegment(tx, project, params.segment);
        checkVersion(what, sent, current.version);
        const fields = edit(current);
        await checkSegment(tx, project.id, { ...fields, key: current.key });
        const after = shownSegment(await updateSegment(tx, current.id, fields));
        await bumpSnapshotVersions(tx, project.id);
        await recordChange(tx, actor, {
          action: 'segment.updated',
          resourceType: 'segment',
          resourceKey: current.key,
          project: project.key,
          before: shownSegment(current),
          after,
        });
        return after;
      });
    };

    app.get(
      '/projects/:project/segments',
      {
        schema: {
          tags: ['segments'],
          summary: 'List segments',
          description: 'Segments by key, with the sizes of their lists. Pages with `cursor` (the `nextCursor` of the previous page).',
          params: projectParams,
          querystring: segmentListQuery,
          response: { 200: z.object({ segments: z.array(segmentListItem), nextCursor: z.string().nullable() }), ...errorResponses },
        },
      },
      async (request) => {
        const project = await requireProject(db, request.params.project);
        const q = request.query.q?.trim();
        return listSegments(db, project.id, { q: q === '' ? undefined : q, limit: request.query.limit, after: request.query.cursor });
      },
    );

    app.post(
      '/projects/:project/segments',
      {
        schema: {
          tags: ['segments'],
          summary: 'Create a segment',
          description: `A context is in the segment when its key is not excluded and it is included or matches a rule group. ${VALIDATION}`,
          params: projectParams,
          body: newSegmentBody,
          response: { 201: segmentSchemaOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const actor = actorOf(principalOf(request), request.id);
        const input = {
          key: body.key,
          name: body.name,
          description: body.description,
          include: body.include ?? [],
          exclude: body.exclude ?? [],
          rules: body.rules ?? [],
        };
        const created = await db.transaction(async (tx) => {
          const project = await requireProject(tx, request.params.project, true);
          await checkSegment(tx, project.id, input);
          let segment;
          try {
            segment = shownSegment(await insertSegment(tx, project.id, input));
          } catch (error) {
            if (isUniqueViolation(error)) throw alreadyExists(`Segment "${body.key}" in project "${project.key}"`);
            throw error;
          }
          await bumpSnapshotVersions(tx, project.id);
          await recordChange(tx, actor, {
            action: 'segment.created',
            resourceType: 'segment',
            resourceKey: segment.key,
            project: project.key,
            before: null,
            after: segment,
          });
          return segment;
        });
        return reply.status(201).header('etag', etag(created.version)).send(created);
      },
    );

    app.get(
      '/projects/:project/segments/:segment',
      {
        schema: {
          tags: ['segments'],
          summary: 'Get a segment',
          description: 'The ETag is its version.',
          params: segmentParams,
          response: { 200: segmentSchemaOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const project = await requireProject(db, request.params.project);
        const segment = shownSegment(await requireSegment(db, project, request.params.segment));
        return reply.header('etag', etag(segment.version)).send(segment);
      },
    );

    app.put(
      '/projects/:project/segments/:segment',
      {
        schema: {
          tags: ['segments'],
          summary: 'Replace a segment',
          description: `Lists and rules left out become empty. ${VALIDATION} Send the version in If-Match or the body.`,
          params: segmentParams,
          body: segmentBody,
          response: { 200: segmentSchemaOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { version, ...body } = request.body;
        const saved = await saveSegment(request, request.params, version, () => ({
          name: body.name,
          description: body.description,
          include: body.include ?? [],
          exclude: body.exclude ?? [],
          rules: body.rules ?? [],
        }));
        return reply.header('etag', etag(saved.version)).send(saved);
      },
    );

    app.patch(
      '/projects/:project/segments/:segment',
      {
        schema: {
          tags: ['segments'],
          summary: 'Change part of a segment',
          description: `Replaces the fields given and keeps the others. ${VALIDATION}`,
          params: segmentParams,
          body: segmentChangesBody,
          response: { 200: segmentSchemaOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { version, ...body } = request.body;
        const saved = await saveSegment(request, request.params, version, (current) => ({
          name: body.name ?? current.name,
          description: body.description ?? current.description,
          include: body.include ?? current.include,
          exclude: body.exclude ?? current.exclude,
          rules: body.rules ?? current.rules,
        }));
        return reply.header('etag', etag(saved.version)).send(saved);
      },
    );

    app.delete(
      '/projects/:project/segments/:segment',
      {
        schema: {
          tags: ['segments'],
          summary: 'Delete a segment',
          description:
            'Refused while a flag configuration (even of an archived flag) or another segment refers to it; the error names them. Send the version in If-Match.',
          params: segmentParams,
          response: { 204: z.undefined(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const what = `Segment "${request.params.segment}"`;
        const sent = expectedVersion(request, undefined, what);
        const actor = actorOf(principalOf(request), request.id);
        await db.transaction(async (tx) => {
          const project = await requireProject(tx, request.params.project, true);
          const segment = await requireSegment(tx, project, request.params.segment);
          checkVersion(what, sent, segment.version);
          const uses = await segmentUses(tx, project.id, segment.key);
          if (uses.flags.length > 0 || uses.segments.length > 0) {
            const users = [
              ...(uses.flags.length > 0 ? [describeUses(uses.flags)] : []),
              ...(uses.segments.length > 0 ? [`segment ${uses.segments.map((key) => `"${key}"`).join(', ')}`] : []),
            ];
            throw conflict(`${what} is used by ${users.join(' and ')}; remove it there first`, uses);
          }
          await deleteSegment(tx, segment.id);
          await bumpSnapshotVersions(tx, project.id);
          await recordChange(tx, actor, {
            action: 'segment.deleted',
            resourceType: 'segment',
            resourceKey: segment.key,
            project: project.key,
            before: shownSegment(segment),
            after: null,
          });
        });
        return reply.status(204).send();
      },
    );
  };
}
