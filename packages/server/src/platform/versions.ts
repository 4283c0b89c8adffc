import type { FastifyRequest } from 'fastify';
import { badRequest, versionConflict, versionRequired } from './errors.js';

const ETAG = /^(?:W\/)?"?(\d{1,9})"?$/;

/**
 * The version an edit is based on, from `If-Match` or the body's `version`.
 * Without one the edit is refused (428): a write must never silently
 * overwrite a change its author has not seen.
 *
 * @example
 * const version = expectedVersion(request, request.body.version, 'flag "checkout"');
 */
export function expectedVersion(request: FastifyRequest, bodyVersion: number | undefined, what: string): number {
  const header = request.headers['if-match'];
  let fromHeader: number | undefined;
  if (typeof header === 'string' && header.trim() !== '') {
    const match = ETAG.exec(header.trim());
    if (!match) throw badRequest(`If-Match must be a version such as "3", not ${header}`);
    fromHeader = Number(match[1]);
  }
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw badRequest(`If-Match says version ${fromHeader} but the body says ${bodyVersion}`);
  }
  const version = fromHeader ?? bodyVersion;
  if (version === undefined) throw versionRequired(what);
  return version;
}

/** Refuses an edit based on another version than the stored one. */
export function checkVersion(what: string, sent: number, current: number): void {
  if (sent !== current) throw versionConflict(what, sent, current);
}

/** The ETag of a versioned resource. */
export const etag = (version: number) => `"${version}"`;
