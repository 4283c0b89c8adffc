import type { Flag, JsonValue, Prerequisite, Segment } from '@dial/core';
import type { conditionSchema, ruleSchema, serveSchema } from '@dial/core/validation';
import type { z } from 'zod';

/*
 * The flags domain keeps two views of one flag: what people manage (ordered,
 * named variants, tags, an owner, one configuration per environment) and the
 * document of FLAGS.md that validation and evaluation read (variants as a
 * map, one environment). This module is the one place that turns the first
 * into the second.
 */

/*
 * Stored rules have passed core validation, so their types are its schemas'
 * outputs: narrower than core's `Rule` (each operator with the values it
 * takes), and exactly what the API's response schemas describe.
 */
export type ValidCondition = z.output<typeof conditionSchema>;
export type ValidRule = z.output<typeof ruleSchema>;
export type ValidServe = z.output<typeof serveSchema>;

export const FLAG_KINDS = ['boolean', 'string', 'number', 'json'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export const FLAG_LIFETIMES = ['temporary', 'permanent'] as const;
export type FlagLifetime = (typeof FLAG_LIFETIMES)[number];

/** One variant as people see it; a flag's variants keep the order they were given in. */
export interface Variant {
  key: string;
  value: JsonValue;
  name?: string;
  description?: string;
}

/** What a flag serves in one environment. */
export interface FlagSettings {
  enabled: boolean;
  offVariant: string;
  prerequisites: Prerequisite[];
  rules: ValidRule[];
  fallthrough: ValidServe;
}

/** A flag's settings in one environment as the API shows them. */
export interface FlagConfig extends FlagSettings {
  version: number;
  updatedAt: string;
}

/** A flag's metadata as the API shows it, the same in every environment. */
export interface FlagInfo {
  key: string;
  name: string;
  description: string;
  kind: FlagKind;
  variants: Variant[];
  /** What a new environment's fallthrough serves. */
  onVariant: string;
  /** What a new environment serves when off. */
  offVariant: string;
  tags: string[];
  owner: string;
  lifetime: FlagLifetime;
  /** Client keys (browsers) may evaluate it; they never see its rules. */
  clientSide: boolean;
  archived: boolean;
  archivedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A flag with its configuration in every environment, by environment key. */
export interface FlagView extends FlagInfo {
  environments: Record<string, FlagConfig>;
}

/** A segment as the API shows it. */
export interface SegmentView {
  key: string;
  name: string;
  description: string;
  include: string[];
  exclude: string[];
  rules: ValidCondition[][];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * The variants map of FLAGS.md, which validation and evaluation read.
 *
 * @example
 * variantMap([{ key: 'on', value: true }, { key: 'off', value: false }]); // { on: true, off: false }
 */
export function variantMap(variants: readonly Variant[]): Record<string, JsonValue> {
  return Object.fromEntries(variants.map((variant) => [variant.key, variant.value]));
}

/**
 * The flag document one environment serves: what core validates and SDKs
 * evaluate. Unknown fields of the settings (a version, a timestamp) are left out.
 *
 * @example
 * validateFlag(flagDocument(flag, { ...config, enabled: false }), references);
 */
export function flagDocument(flag: { key: string; variants: readonly Variant[] }, settings: FlagSettings): Flag {
  return {
    key: flag.key,
    variants: variantMap(flag.variants),
    enabled: settings.enabled,
    offVariant: settings.offVariant,
    prerequisites: settings.prerequisites,
    rules: settings.rules,
    fallthrough: settings.fallthrough,
  };
}

/**
 * The segment document of FLAGS.md, without the name and description people read.
 *
 * @example
 * validateSegment(segmentDocument({ key: 'staff', include: ['u-1'], exclude: [], rules: [] }), references);
 */
export function segmentDocument(segment: Pick<SegmentView, 'key' | 'include' | 'exclude' | 'rules'>): Segment {
  return { key: segment.key, include: segment.include, exclude: segment.exclude, rules: segment.rules };
}

/** The settings of a configuration without its version and timestamp, e.g. to merge a partial edit into. */
export function settingsOf(config: FlagSettings): FlagSettings {
  return {
    enabled: config.enabled,
    offVariant: config.offVariant,
    prerequisites: config.prerequisites,
    rules: config.rules,
    fallthrough: config.fallthrough,
  };
}
