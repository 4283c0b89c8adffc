import type { Condition, Flag, JsonValue, Segment } from '@dial/core';
import { api, data } from '../../../api/client';
import type { FlagDetail } from '../../../api/types';
import type { ConfigDraft } from '../draft';
import { segmentsOf } from '../draft';

/** The core engine's flag document for one environment of a flag, with a draft configuration. */
export function flagDocument(flag: Pick<FlagDetail, 'key' | 'variants'>, enabled: boolean, draft: ConfigDraft): Flag {
  const variants: Record<string, JsonValue> = {};
  for (const variant of flag.variants) variants[variant.key] = variant.value as JsonValue;
  return { key: flag.key, variants, enabled, ...structuredClone(draft) };
}

/** What evaluating a flag reads besides the flag: the segments and prerequisite flags it names. */
export interface Dependencies {
  flags: Flag[];
  segments: Segment[];
}

/** The segment and flag keys a flag names directly: what its dependencies are fetched by. */
export const referencesOf = (flag: Flag) => ({
  segments: [...new Set(flag.rules.flatMap((rule) => segmentsOf(rule.when)))].sort(),
  flags: [...new Set((flag.prerequisites ?? []).map((p) => p.flag))].sort(),
});

/**
 * Fetches everything a flag's evaluation reads in one environment: the
 * segments its rules name (and the segments those name), and its
 * prerequisite flags (and theirs).
 */
export async function dependenciesOf(project: string, environment: string, references: ReturnType<typeof referencesOf>, self: string): Promise<Dependencies> {
  const flags = new Map<string, Flag>();
  const segments = new Map<string, Segment>();
  const wantedSegments = new Set<string>(references.segments);
  const wantSegmentsOf = (conditions: readonly Condition[]) => segmentsOf(conditions).forEach((key) => wantedSegments.add(key));
  const pendingFlags = [...references.flags];

  // Prerequisite chains are at most 10 deep; the bound stops a cycle from looping here.
  for (let round = 0; round < 12 && pendingFlags.length > 0; round++) {
    const keys = [...new Set(pendingFlags.splice(0))].filter((key) => key !== self && !flags.has(key));
    const fetched = await Promise.all(
      keys.map((key) => data(api.GET('/api/v1/projects/{project}/flags/{flag}', { params: { path: { project, flag: key } } })).catch(() => undefined)),
    );
    for (const detail of fetched) {
      const config = detail?.environments[environment];
      if (detail === undefined || config === undefined || detail.archived) continue;
      const document = flagDocument(detail, config.enabled, config as unknown as ConfigDraft);
      flags.set(detail.key, document);
      document.rules.forEach((rule) => wantSegmentsOf(rule.when));
      pendingFlags.push(...(document.prerequisites ?? []).map((p) => p.flag));
    }
  }
  for (let round = 0; round < 50 && [...wantedSegments].some((key) => !segments.has(key)); round++) {
    const keys = [...wantedSegments].filter((key) => !segments.has(key));
    const fetched = await Promise.all(
      keys.map((key) => data(api.GET('/api/v1/projects/{project}/segments/{segment}', { params: { path: { project, segment: key } } })).catch(() => undefined)),
    );
    keys.forEach((key, i) => {
      const segment = fetched[i];
      if (segment === undefined) {
        // Left out, so the engine reports it unknown; remembered so the loop ends.
        segments.set(key, { key, exclude: [], include: [], rules: [] });
        wantedSegments.delete(key);
        return;
      }
      segments.set(key, { key, include: segment.include, exclude: segment.exclude, rules: segment.rules as Condition[][] });
      segment.rules.forEach((group) => wantSegmentsOf(group as Condition[]));
    });
  }
  return { flags: [...flags.values()], segments: [...segments.entries()].filter(([key]) => wantedSegments.has(key)).map(([, segment]) => segment) };
}
