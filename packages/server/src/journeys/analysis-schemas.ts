import { BREAKDOWN_KINDS } from '@dial/core';
import { z } from 'zod';

/* The HTTP shapes of funnels, conversion over time and feature usage: core's answers. */

const breakdown = z
  .object({ kind: z.enum(BREAKDOWN_KINDS), key: z.string() })
  .nullable()
  .describe('What the groups are by; null when there are none');

const stepResult = z.object({
  index: z.number(),
  event: z.string(),
  label: z.string(),
  units: z.number().describe('Units that reached this step'),
  conversionFromPrevious: z.number().nullable().describe('units / the previous step\'s units; null on step 0 or when the previous step has none'),
  conversionFromFirst: z.number().nullable().describe('units / step 0\'s units; null when step 0 has none'),
  dropOff: z.number().describe('The previous step\'s units − units; 0 on step 0'),
  dropOffRate: z.number().nullable().describe('dropOff / the previous step\'s units; null on step 0 or when the previous step has none'),
  medianSecondsFromFirst: z.number().nullable().describe('Over the units that reached this step, to the millisecond; 0 on step 0, null when none reached it'),
  p90SecondsFromFirst: z.number().nullable(),
});

const funnelGroup = z.object({
  value: z.string().nullable().describe('Null for the total'),
  label: z.string().describe('"All users" for the total, else the value'),
  steps: z.array(stepResult),
  timeToConvert: z
    .array(z.object({ fromSeconds: z.number(), toSeconds: z.number().nullable(), units: z.number() }))
    .describe('Units that reached the last step, by the time it took from entry: fixed buckets, the last without end'),
});

export const funnelSchemaOut = z.object({
  journey: z.string(),
  environment: z.string(),
  from: z.string(),
  to: z.string(),
  conversionWindowSeconds: z.number(),
  breakdown,
  total: funnelGroup,
  groups: z.array(funnelGroup).describe('By entered units, most first, then "(other)" and "(none)"; empty without a breakdown'),
});

const conversionDay = z.object({
  date: z.string().describe('The UTC day units entered on, YYYY-MM-DD'),
  entered: z.number(),
  completed: z.number().describe('Of those, how many reached the last step'),
  conversionRate: z.number().nullable(),
});

export const conversionSchemaOut = z.object({
  journey: z.string(),
  environment: z.string(),
  from: z.string(),
  to: z.string(),
  breakdown,
  total: z.object({ days: z.array(conversionDay) }),
  groups: z.array(z.object({ value: z.string(), label: z.string(), days: z.array(conversionDay) })),
});

export const usageEventsSchemaOut = z.object({
  environment: z.string(),
  from: z.string(),
  to: z.string(),
  events: z.array(z.object({ name: z.string(), units: z.number().describe('Distinct units'), events: z.number() })),
});

const usageDay = z.object({ date: z.string(), units: z.number(), events: z.number() });

export const usageSchemaOut = z.object({
  environment: z.string(),
  from: z.string(),
  to: z.string(),
  breakdown,
  series: z.array(
    z.object({
      event: z.string(),
      total: z.object({ units: z.number(), events: z.number(), days: z.array(usageDay) }),
      groups: z.array(z.object({ value: z.string(), label: z.string(), units: z.number(), events: z.number(), days: z.array(usageDay) })),
    }),
  ),
});
