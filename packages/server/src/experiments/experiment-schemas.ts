import { experimentKeySchema, flagKeySchema, metricKeySchema, variantKeySchema } from '@dial/core/validation';
import { z } from 'zod';
import { RESOURCE_KEY, description, name, paginationQuery, version } from '../platform/schemas.js';

/*
 * The HTTP shapes of experiments: which flag's variants are compared in
 * which environment, on which metrics, and where the experiment stands.
 */

export const EXPERIMENT_STATUSES = ['draft', 'running', 'stopped', 'shipped'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

/** At most this many treatments and metrics of each role, so a results page stays readable and fast. */
export const MAX_TREATMENTS = 10;
export const MAX_METRICS_PER_ROLE = 20;

const editable = {
  name,
  hypothesis: description.describe('What the change is expected to do, and why'),
  flag: flagKeySchema.describe('The flag whose variants are compared'),
  environment: z.string().regex(RESOURCE_KEY, 'is not an environment key').describe('Where the flag assigns the units'),
  control: variantKeySchema.describe('The variant the others are compared with'),
  treatments: z.array(variantKeySchema).min(1).max(MAX_TREATMENTS).describe('The variants compared with the control'),
  primaryMetric: metricKeySchema.describe('The metric the decision is made on'),
  secondaryMetrics: z.array(metricKeySchema).max(MAX_METRICS_PER_ROLE).describe('Metrics that explain the primary one'),
  guardrailMetrics: z.array(metricKeySchema).max(MAX_METRICS_PER_ROLE).describe('Metrics that must not get worse'),
};

export const newExperimentBody = z.strictObject({
  key: experimentKeySchema,
  ...editable,
  hypothesis: editable.hypothesis.default(''),
  secondaryMetrics: editable.secondaryMetrics.default([]),
  guardrailMetrics: editable.guardrailMetrics.default([]),
});

export const experimentChangesBody = z.strictObject({
  name: editable.name.optional(),
  hypothesis: editable.hypothesis.optional(),
  flag: editable.flag.optional(),
  environment: editable.environment.optional(),
  control: editable.control.optional(),
  treatments: editable.treatments.optional(),
  primaryMetric: editable.primaryMetric.optional(),
  secondaryMetrics: editable.secondaryMetrics.optional(),
  guardrailMetrics: editable.guardrailMetrics.optional(),
  version: version.optional(),
});

/** Stop: nothing to say but the version, which may come in If-Match instead. */
export const decisionBody = z.strictObject({ version: version.optional() }).nullish();

/** Start: the version, and when the experiment started if that was before now. */
export const startBody = z
  .strictObject({
    version: version.optional(),
    startedAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe(
        'When the experiment started, if earlier than now (never later): units first exposed to the flag from then on count. For exposures already collected while the flag split traffic as it does now, such as traffic imported or replayed; now unless given',
      ),
  })
  .nullish();

export const shipBody = z.strictObject({
  variant: variantKeySchema.describe('The compared variant to serve to everyone'),
  version: version.optional(),
});

export const experimentSchemaOut = z.object({
  key: z.string(),
  name: z.string(),
  hypothesis: z.string(),
  flag: z.string(),
  environment: z.string(),
  control: z.string(),
  treatments: z.array(z.string()),
  primaryMetric: z.string(),
  secondaryMetrics: z.array(z.string()),
  guardrailMetrics: z.array(z.string()),
  status: z.enum(EXPERIMENT_STATUSES),
  weights: z
    .record(z.string(), z.number())
    .nullable()
    .describe('Each compared variant\'s weight (of 100,000) in the rollout when the experiment started; the sample-ratio check expects these proportions'),
  startedAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  shippedVariant: z.string().nullable().describe('The variant served to everyone when the experiment was shipped'),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const experimentListQuery = z.strictObject({
  q: z.string().max(200).optional().describe('Text in the key, name or hypothesis, ignoring case'),
  status: z.enum(EXPERIMENT_STATUSES).optional(),
  flag: z.string().max(100).optional().describe('Only experiments on this flag'),
  environment: z.string().max(100).optional().describe('Only experiments in this environment'),
  ...paginationQuery,
});

export const experimentParams = z.object({ project: z.string(), experiment: z.string() });
