import { validateFlag } from '@dial/core/validation';
import { type Actor, recordChange } from '../audit/audit-log.js';
import { fieldIssues } from '../platform/body-validator.js';
import type { Queryable } from '../platform/db.js';
import { conflict, notFound, validationFailed } from '../platform/errors.js';
import { checkVersion } from '../platform/versions.js';
import { findConfig, shownConfig, updateConfig } from './flag-config-store.js';
import { type FlagConfig, type FlagSettings, flagDocument, settingsOf } from './flag-documents.js';
import { requireEnvironment, requireFlag, requireProject } from './lookups.js';
import { environmentReferences } from './references.js';
import { bumpSnapshotVersions } from './snapshots.js';

/** Which configuration an edit is for: a flag in one environment of a project, by keys. */
export interface ConfigTarget {
  project: string;
  flag: string;
  environment: string;
}

/**
 * Applies an edit to one flag configuration within `tx`: checks the version
 * it is based on (unless `sent` is undefined, for a change decided on
 * another resource's version, such as shipping an experiment), validates
 * the flag it makes against the environment, stores it, raises the
 * environment's snapshot version so SDKs get it, and audits it. Every change
 * to what a flag serves goes through here.
 *
 * @example
 * await db.transaction((tx) => editFlagConfig(tx, actor, { project: 'default', flag: 'new-checkout', environment: 'production' }, 3, (current) => ({ ...current, enabled: false })));
 */
export async function editFlagConfig(
  tx: Queryable,
  actor: Actor,
  target: ConfigTarget,
  sent: number | undefined,
  edit: (current: FlagSettings) => FlagSettings,
): Promise<FlagConfig> {
  const what = `Flag "${target.flag}" in environment "${target.environment}"`;
  const project = await requireProject(tx, target.project, true);
  const flag = await requireFlag(tx, project, target.flag);
  const environment = await requireEnvironment(tx, project, target.environment);
  const current = await findConfig(tx, flag.id, environment.id);
  if (current === undefined) throw notFound(what);
  if (flag.archived) throw conflict(`Flag "${flag.key}" is archived; restore it to change its configuration`);
  if (sent !== undefined) checkVersion(what, sent, current.version);
  const settings = edit(settingsOf(current));
  const result = validateFlag(flagDocument(flag, settings), await environmentReferences(tx, project.id, environment.id));
  if (!result.ok) throw validationFailed(fieldIssues(result.issues));
  const saved = await updateConfig(tx, flag.id, environment.id, settings);
  await bumpSnapshotVersions(tx, project.id, environment.id);
  const [before, after] = [shownConfig(current), shownConfig(saved)];
  await recordChange(tx, actor, {
    action: 'flag.config.updated',
    resourceType: 'flag',
    resourceKey: flag.key,
    project: project.key,
    environment: environment.key,
    before,
    after,
  });
  return after;
}
