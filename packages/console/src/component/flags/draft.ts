import type { Condition, Prerequisite, Rule, Serve } from '@dial/core';
import type { FlagConfig, FlagConfigInput } from '../../api/types';

/** What the configuration editor changes: everything of one environment's configuration but the kill switch. */
export interface ConfigDraft {
  offVariant: string;
  prerequisites: Prerequisite[];
  rules: Rule[];
  fallthrough: Serve;
}

export const draftOf = (config: FlagConfig): ConfigDraft => ({
  offVariant: config.offVariant,
  prerequisites: structuredClone(config.prerequisites ?? []),
  rules: structuredClone(config.rules) as Rule[],
  fallthrough: structuredClone(config.fallthrough),
});

/** The draft as the API's body; the server validates every value against its operator. */
export const toConfigInput = (draft: ConfigDraft): Omit<FlagConfigInput, 'enabled'> => draft as unknown as Omit<FlagConfigInput, 'enabled'>;

export const sameDraft = (a: ConfigDraft, b: ConfigDraft) => JSON.stringify(a) === JSON.stringify(b);

/** A rule id not used yet: `rule-1`, `rule-2`… */
export function newRuleId(rules: readonly Rule[]): string {
  const used = new Set(rules.map((rule) => rule.id));
  let n = rules.length + 1;
  while (used.has(`rule-${n}`)) n++;
  return `rule-${n}`;
}

/** Segment keys a list of conditions names. */
export const segmentsOf = (conditions: readonly Condition[]) =>
  conditions.flatMap((condition) => ('segment' in condition ? [condition.segment] : []));

/** Immutable update of one element of an array. */
export const replaceAt = <T,>(items: readonly T[], index: number, item: T): T[] => items.map((old, i) => (i === index ? item : old));
export const removeAt = <T,>(items: readonly T[], index: number): T[] => items.filter((_, i) => i !== index);
export const moveAt = <T,>(items: readonly T[], index: number, by: number): T[] => {
  const to = index + by;
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
};
