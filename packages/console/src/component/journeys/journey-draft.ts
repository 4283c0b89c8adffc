/*
 * What the journey editor edits, apart from how it is drawn: every field as
 * the person typed it, turned into the API's body only on save so the API's
 * own validation names what is wrong, field by field.
 */

export const FILTER_OPERATORS = ['eq', 'neq', 'in', 'notIn', 'contains', 'gt', 'gte', 'lt', 'lte', 'exists'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];
export type FilterValue = string | number | boolean | (string | number | boolean)[];

/** A step's filter on its event's properties, as the API has it. */
export interface Filter {
  property: string;
  operator: FilterOperator;
  value?: FilterValue;
}

/** A journey as the API has it, as far as the editor is concerned. */
export interface JourneyFields {
  key: string;
  name: string;
  description: string;
  steps: { event: string; label: string; filters: Filter[] }[];
  conversionWindowSeconds: number;
}

export const WINDOW_UNITS = { minutes: 60, hours: 3600, days: 86_400 } as const;
export type WindowUnit = keyof typeof WINDOW_UNITS;
/** A new journey's conversion window: 7 days. */
export const DEFAULT_WINDOW_SECONDS = 7 * 86_400;
export const MAX_STEPS = 10;
export const MAX_FILTERS = 10;

export interface FilterDraft {
  property: string;
  operator: FilterOperator;
  value: string;
}

export interface StepDraft {
  event: string;
  /** Empty: the step is labelled with its event name. */
  label: string;
  filters: FilterDraft[];
}

export interface JourneyDraft {
  key: string;
  name: string;
  description: string;
  steps: StepDraft[];
  windowAmount: string;
  windowUnit: WindowUnit;
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A typed value as JSON: a number, true or false as such, quotes keeping any text a string. */
function scalar(text: string, booleans: boolean): string | number | boolean {
  const trimmed = text.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    try {
      return JSON.parse(trimmed) as string;
    } catch {
      return trimmed.slice(1, -1);
    }
  }
  if (NUMBER.test(trimmed)) return Number(trimmed);
  if (booleans && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  return trimmed;
}

/** Comma-separated items, commas inside double quotes kept. */
function items(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\' && quoted && i + 1 < text.length) {
      current += char + text[++i];
      continue;
    }
    if (char === '"') quoted = !quoted;
    if (char === ',' && !quoted) {
      out.push(current);
      current = '';
    } else current += char;
  }
  out.push(current);
  return out.map((item) => item.trim()).filter((item) => item !== '');
}

/**
 * The value a filter's text stands for, for its operator: none for `exists`, a
 * list for `in`/`notIn` (comma-separated), text for `contains`, otherwise one
 * value. Numbers, `true` and `false` are typed (but for `contains`); quotes
 * make anything text.
 *
 * @example
 * parseFilterValue('in', 'pro, team, "1", true') // ['pro', 'team', '1', true]
 * parseFilterValue('gte', '42')            // 42
 * parseFilterValue('eq', 'true')           // true
 */
export function parseFilterValue(operator: FilterOperator, text: string): FilterValue | undefined {
  if (operator === 'exists') return undefined;
  if (operator === 'in' || operator === 'notIn') return items(text).map((item) => scalar(item, true));
  // `contains` looks for text: digits are text there.
  if (operator === 'contains') return String(scalar(quoted(text), false));
  return scalar(text, operator === 'eq' || operator === 'neq');
}

/** Text read as text whatever it looks like: quoted text stays as the quotes say. */
const quoted = (text: string) => {
  const trimmed = text.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed : JSON.stringify(trimmed);
};

const quoteIfTyped = (value: string, inList: boolean) =>
  NUMBER.test(value.trim()) || value === 'true' || value === 'false' || value.trim() !== value || value.startsWith('"') || (inList && (value.includes(',') || value.includes('"'))) ? JSON.stringify(value) : value;

/**
 * A filter's value as the editor shows it; `parseFilterValue` reads it back
 * unchanged for the same operator.
 *
 * @example
 * formatFilterValue(['pro', 'team']) // 'pro, team'
 * formatFilterValue('42')            // '"42"'
 */
export function formatFilterValue(value: FilterValue | undefined, operator?: FilterOperator): string {
  if (value === undefined) return '';
  if (operator === 'contains' && typeof value === 'string') return value.trim() !== value || value.startsWith('"') ? JSON.stringify(value) : value;
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? quoteIfTyped(item, true) : String(item))).join(', ');
  return typeof value === 'string' ? quoteIfTyped(value, false) : String(value);
}

/**
 * A window in the largest unit that holds it whole.
 *
 * @example
 * windowParts(604800) // { windowAmount: '7', windowUnit: 'days' }
 * windowParts(5400)   // { windowAmount: '90', windowUnit: 'minutes' }
 */
export function windowParts(seconds: number): Pick<JourneyDraft, 'windowAmount' | 'windowUnit'> {
  const unit: WindowUnit = seconds % WINDOW_UNITS.days === 0 ? 'days' : seconds % WINDOW_UNITS.hours === 0 ? 'hours' : 'minutes';
  return { windowAmount: String(Number((seconds / WINDOW_UNITS[unit]).toFixed(4))), windowUnit: unit };
}

/**
 * A conversion window in words.
 *
 * @example
 * describeWindow(604800) // '7 days'
 * describeWindow(3600)   // '1 hour'
 */
export function describeWindow(seconds: number): string {
  const { windowAmount, windowUnit } = windowParts(seconds);
  return `${windowAmount} ${windowAmount === '1' ? windowUnit.slice(0, -1) : windowUnit}`;
}

/** The window in seconds as typed: a whole number of seconds, NaN when the amount is not a number (the API says so). */
export function windowSeconds(amount: string, unit: WindowUnit): number {
  const value = amount.trim() === '' ? Number.NaN : Number(amount);
  return Math.round(value * WINDOW_UNITS[unit]);
}

/** The editor's starting point: a journey's fields, or two empty steps and a 7-day window. */
export function draftOf(journey?: JourneyFields): JourneyDraft {
  if (journey === undefined) {
    const empty = (): StepDraft => ({ event: '', label: '', filters: [] });
    return { key: '', name: '', description: '', steps: [empty(), empty()], ...windowParts(DEFAULT_WINDOW_SECONDS) };
  }
  return {
    key: journey.key,
    name: journey.name,
    description: journey.description,
    steps: journey.steps.map((step) => ({
      event: step.event,
      label: step.label === step.event ? '' : step.label,
      filters: step.filters.map((filter) => ({ property: filter.property, operator: filter.operator, value: formatFilterValue(filter.value, filter.operator) })),
    })),
    ...windowParts(journey.conversionWindowSeconds),
  };
}

/** The API's body for a draft (the key only when creating). */
export function journeyBody(draft: JourneyDraft): Omit<JourneyFields, 'key'> & { key?: string } {
  return {
    key: draft.key.trim(),
    name: draft.name.trim(),
    description: draft.description.trim(),
    steps: draft.steps.map((step) => ({
      event: step.event.trim(),
      label: step.label.trim() || step.event.trim(),
      filters: step.filters.map((filter) => {
        const value = parseFilterValue(filter.operator, filter.value);
        return value === undefined ? { property: filter.property.trim(), operator: filter.operator } : { property: filter.property.trim(), operator: filter.operator, value };
      }),
    })),
    conversionWindowSeconds: windowSeconds(draft.windowAmount, draft.windowUnit),
  };
}

/** Whether two drafts say the same. */
export const sameJourney = (a: JourneyDraft, b: JourneyDraft) => JSON.stringify(journeyBody(a)) === JSON.stringify(journeyBody(b));
