/**
 * Validation for saving flags, segments, journeys and metrics and for config-as-code snapshots.
 * A separate entry point because it uses Zod, which SDKs need not carry.
 */
export { validateFlag, validateJourney, validateSegment, validateSnapshot } from './validate.js';
export {
  ISSUE_CODES,
  formatIssues,
  formatPath,
  joinPath,
  type IssueCode,
  type PathSegment,
  type ValidationIssue,
  type ValidationResult,
} from './issues.js';
export {
  flagReference,
  referencesOf,
  segmentReference,
  type FlagReference,
  type References,
  type SegmentReference,
} from './references.js';
export { parseWith } from './zod-issues.js';
export {
  flagSchema,
  prerequisiteSchema,
  rolloutSchema,
  ruleSchema,
  segmentSchema,
  serveSchema,
  snapshotSchema,
  splitEntrySchema,
  variantValueSchema,
  variantsSchema,
} from './schemas.js';
export { attributeConditionSchema, conditionSchema, segmentConditionSchema } from './condition-schemas.js';
export { attributeNameSchema, flagKeySchema, journeyKeySchema, ruleIdSchema, segmentKeySchema, variantKeySchema } from './keys.js';
export { eventNameSchema, propertyFilterSchema, propertyNameSchema, storedText } from './event-schemas.js';
export { journeySchema, journeyStepSchema } from './journey-schemas.js';
export { experimentKeySchema, metricDefinitionSchema, metricKeySchema, metricKindShapes } from './metric-schemas.js';
export * from './limits.js';
