export {
  COMPARED_FIELDS,
  coreRunners,
  evaluationRunner,
  resultMismatch,
  runHashSuite,
  runSuite,
  type Evaluator,
  type KindRunner,
  type SuiteReport,
} from './suite.js';
export { STATS_TOLERANCE, runEffectsSuite, runSrmSuite, withinTolerance } from './stats-suites.js';
