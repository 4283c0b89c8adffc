import { METRIC_KINDS } from '@dial/core/experiments';
import { z } from 'zod';
import { EXPERIMENT_STATUSES } from './experiment-schemas.js';
import { TESTS } from './results.js';

/* The HTTP shapes of an experiment's results. */

const interval = z.tuple([z.number(), z.number()]);

const effect = z
  .object({
    estimate: z.number(),
    ci: interval.describe('The 95% interval of the effect under the chosen test'),
    pValue: z.number(),
    chanceToWin: z.number().describe('The probability that the treatment is better than the control, in the metric\'s direction'),
    significant: z.boolean().describe('pValue < alpha'),
    verdict: z.enum(['better', 'worse', 'inconclusive']).describe('Significant and in the good direction, significant and in the bad one, or not significant'),
  })
  .nullable();

const variantResult = z.object({
  variant: z.string(),
  control: z.boolean(),
  units: z.number().describe('The units the metric counts: every unit first exposed, but for a journey duration the units that completed the journey'),
  value: z.number().nullable().describe('The proportion of units that converted, or the mean value per unit; null without units'),
  total: z.number().describe('Conversions, or the sum of the units\' values'),
  absolute: effect.describe('The difference from the control (treatment − control); null for the control, or when undefined'),
  relative: effect.describe('The lift over the control ((treatment − control) / control); null for the control, or when undefined (a control mean of 0)'),
});

const dailyPoint = z.object({
  day: z.string().describe('A UTC day of first exposure, YYYY-MM-DD'),
  variants: z.array(
    z.object({
      variant: z.string(),
      units: z.number().describe('Units first exposed up to the end of this day (for a journey duration, those of them that completed)'),
      value: z.number().nullable(),
      relative: z.object({ estimate: z.number(), ci: interval }).nullable().describe('The lift over the control for those units, under the chosen test'),
    }),
  ),
});

export const resultsSchema = z.object({
  experiment: z.string(),
  status: z.enum(EXPERIMENT_STATUSES),
  test: z.enum(TESTS),
  alpha: z.number(),
  from: z.string().describe('The start: units first exposed from then on count'),
  to: z.string().describe('The stop, or now while the experiment runs: exposures and events before it count'),
  control: z.string(),
  variants: z.array(z.string()).describe('The compared variants, control first'),
  units: z.number().describe('Units in the compared variants'),
  srm: z
    .object({
      pValue: z.number().nullable(),
      chiSquare: z.number().nullable(),
      mismatch: z.boolean().describe('p < 0.001: the assignment is broken and the results must not be trusted'),
      message: z.string().nullable().describe('What is wrong, for people, when there is a mismatch'),
      variants: z.array(z.object({ variant: z.string(), units: z.number(), expectedShare: z.number(), observedShare: z.number().nullable() })),
    })
    .describe('The sample-ratio check: the units of each compared variant against the rollout\'s weights when the experiment started'),
  metrics: z.array(
    z.object({
      metric: z.string(),
      name: z.string(),
      role: z.enum(['primary', 'secondary', 'guardrail']),
      kind: z.enum(METRIC_KINDS),
      type: z.enum(['proportion', 'mean']),
      higherIsBetter: z.boolean(),
      variants: z.array(variantResult),
      daily: z.array(dailyPoint).describe('Running totals by day of first exposure, for charts'),
    }),
  ),
});

export const resultsQuery = z.strictObject({
  test: z.enum(TESTS).default('sequential').describe('`sequential` (valid however often you look; the default) or `fixed` (a Welch t-test, valid for one look at a sample size fixed in advance)'),
});
