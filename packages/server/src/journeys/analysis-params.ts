import { BREAKDOWN_KINDS, type Breakdown, type TimeRange } from '@dial/core';
import { FLAG_KEY_PATTERN, eventNameSchema, propertyNameSchema } from '@dial/core/validation';
import { z } from 'zod';
import { validationFailed } from '../platform/errors.js';

/*
 * The query parameters analyses share: an environment, a time range and a
 * breakdown.
 */

const DAY_MS = 86_400_000;
/** Without `from`, a range starts this long before its end. */
export const DEFAULT_RANGE_DAYS = 30;
export const MAX_RANGE_DAYS = 366;

const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: 'must be an ISO-8601 date-time with a time zone, such as "2026-01-31T00:00:00Z", or a date such as "2026-01-31" (UTC)',
  })
  .transform((text) => Date.parse(text));

const breakdown = z
  .string()
  .transform((text, ctx): Breakdown => {
    const colon = text.indexOf(':');
    const kind = text.slice(0, colon);
    const key = text.slice(colon + 1);
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (colon < 0 || !(BREAKDOWN_KINDS as readonly string[]).includes(kind)) {
      return fail('must be flag:KEY, attribute:NAME or property:NAME');
    }
    if (kind === 'flag' && !FLAG_KEY_PATTERN.test(key)) return fail(`"${key}" is not a flag key`);
    if (kind !== 'flag' && !propertyNameSchema.safeParse(key).success) return fail(`the ${kind} name must be 1 to 200 characters, without NUL`);
    return { kind: kind as Breakdown['kind'], key };
  })
  .optional()
  .describe('flag:KEY (the variant each unit was first exposed to), attribute:NAME or property:NAME (of the entry event, or of each event for usage)');

export const rangeQuery = {
  environment: z.string().min(1).max(100).describe('The environment whose events are read'),
  from: instant.optional().describe('Inclusive; ISO-8601. Defaults to 30 days before `to`'),
  to: instant.optional().describe('Exclusive; ISO-8601. Defaults to now; at most 366 days after `from`'),
};

export const breakdownQuery = {
  breakdown,
  breakdownLimit: z.coerce.number().int().min(1).max(20).default(5).describe('How many attribute or property values get their own group; the rest are "(other)"'),
};

export const usageEventsQuery = z.strictObject({
  ...rangeQuery,
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const funnelQuery = z.strictObject({ ...rangeQuery, ...breakdownQuery });

export const usageQuery = z.strictObject({
  ...rangeQuery,
  event: z
    .union([eventNameSchema, z.array(eventNameSchema)])
    .transform((names) => [...new Set(typeof names === 'string' ? [names] : names)])
    .pipe(z.array(z.string()).min(1).max(10))
    .describe('A tracked event name; repeat the parameter for up to 10 series'),
  ...breakdownQuery,
});

/**
 * The range of a query in epoch microseconds: `to` now unless given, `from`
 * 30 days before `to` unless given; refused unless from < to and at most
 * 366 days apart.
 */
export function rangeOf(query: { from?: number; to?: number }, now: number): TimeRange {
  const to = query.to ?? now;
  const from = query.from ?? to - DEFAULT_RANGE_DAYS * DAY_MS;
  if (from >= to) throw validationFailed([{ path: 'querystring.from', message: 'must be before `to`' }]);
  if (to - from > MAX_RANGE_DAYS * DAY_MS) {
    throw validationFailed([{ path: 'querystring.to', message: `must be at most ${MAX_RANGE_DAYS} days after \`from\`` }]);
  }
  return { fromMicros: from * 1000, toMicros: to * 1000 };
}
