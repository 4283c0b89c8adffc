/**
 * The bounds a saved flag or segment must stay within. They keep one document
 * small enough to ship to every SDK and to evaluate in microseconds, and they
 * are generous for hand-written configuration.
 */

/** Flag and segment keys: lowercase, so they read the same in URLs, code and files. */
export const FLAG_KEY_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;
export const SEGMENT_KEY_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** Variant keys and rule ids: mixed case is allowed because teams name variants `A`, `B`, `Control`. */
export const VARIANT_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const RULE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Context attribute names are free text, since they mirror the application's own fields. */
export const MAX_ATTRIBUTE_LENGTH = 256;

export const MIN_VARIANTS = 1;
export const MAX_VARIANTS = 100;
/** Of one variant value, as JSON text. */
export const MAX_VARIANT_VALUE_LENGTH = 32_768;
/** Of one variant value: arrays and objects inside each other. */
export const MAX_VARIANT_VALUE_DEPTH = 32;

export const MAX_PREREQUISITES = 20;
export const MAX_RULES = 500;
/** Per rule, and per segment rule group. */
export const MAX_CONDITIONS = 100;
export const MAX_CONDITION_VALUES = 10_000;
/** Of one string in a condition's `values`. */
export const MAX_CONDITION_VALUE_LENGTH = 1_024;
/** Of a `matches` pattern: long patterns are where catastrophic backtracking hides. */
export const MAX_REGEX_LENGTH = 256;

/** As many as a flag can have variants: one entry per variant is the norm. */
export const MAX_SPLIT_ENTRIES = 100;
export const MAX_SALT_LENGTH = 200;

/** Per list: `include` and `exclude` each. */
export const MAX_SEGMENT_KEYS = 10_000;
/** Of one targeting key in `include` or `exclude`. */
export const MAX_TARGETING_KEY_LENGTH = 256;
export const MAX_SEGMENT_RULES = 500;

export const MAX_SNAPSHOT_FLAGS = 10_000;
export const MAX_SNAPSHOT_SEGMENTS = 10_000;

/** Prerequisite chains: the evaluator follows at most this many links, so saving more is refused. */
export { MAX_PREREQUISITE_DEPTH } from '../flag.js';

/** Journey keys: as flag keys. */
export const JOURNEY_KEY_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;
export const MIN_JOURNEY_STEPS = 2;
export const MAX_JOURNEY_STEPS = 10;
export const MAX_STEP_FILTERS = 10;
/** Of an event name, as ingestion accepts it. */
export const MAX_EVENT_NAME_LENGTH = 200;
/** Of a step's label, and of the property a filter reads. */
export const MAX_STEP_LABEL_LENGTH = 200;
export const MAX_PROPERTY_NAME_LENGTH = 200;
/** Of an `in` or `notIn` filter's list. */
export const MAX_FILTER_VALUES = 100;
/** Of one string a filter compares with. */
export const MAX_FILTER_TEXT_LENGTH = 1_024;
/** A journey's conversion window: a minute to 90 days, a week unless given. */
export const MIN_CONVERSION_WINDOW_SECONDS = 60;
export const MAX_CONVERSION_WINDOW_SECONDS = 7_776_000;
export const DEFAULT_CONVERSION_WINDOW_SECONDS = 604_800;
/** Metric and experiment keys: lowercase, as flag keys. */
export const METRIC_KEY_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;
export const EXPERIMENT_KEY_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;
export const MAX_METRIC_FILTERS = 20;
/** How long after a unit's first exposure a metric may count its events. */
export const MAX_METRIC_WINDOW_DAYS = 365;
export const DEFAULT_METRIC_WINDOW_DAYS = 7;
