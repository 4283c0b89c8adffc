import { Link } from 'react-router';
import type { FlagDetail } from '../../../api/types';
import { scopedPath, useScope } from '../../../scope';
import { describeWeights, readSplit } from '../experiment-draft';

/**
 * Whether the flag splits traffic in the environment the way an experiment
 * needs to start, said before starting: the weights it would start with, or
 * what is missing and where to fix it.
 */
export function SplitHint({
  flag,
  environment,
  control,
  treatments,
  created = false,
}: {
  flag: FlagDetail | undefined;
  environment: string;
  control: string;
  treatments: readonly string[];
  /** The experiment exists already (a draft), rather than being made in the wizard. */
  created?: boolean;
}) {
  const scope = useScope();
  if (flag === undefined || control === '') return null;
  const reading = readSplit(flag.environments[environment], control, treatments);
  const flagPage = scopedPath({ project: scope.project, environment }, `flags/${encodeURIComponent(flag.key)}`);
  if (reading.ok) {
    return (
      <p className="split-hint ok" data-testid="split-hint">
        In {environment}, {reading.where} of <Link to={flagPage}>{flag.key}</Link> splits units {describeWeights(reading.weights)}: the experiment can start with
        these weights, and the sample-ratio check will expect them.
      </p>
    );
  }
  return (
    <p className="notice split-hint" data-testid="split-hint">
      In {environment}, {reading.problem}. {created ? 'The experiment' : 'The draft can be created, but it'} cannot start until <Link to={flagPage}>the flag</Link>{' '}
      is on with a percentage rollout between the control and a treatment.
    </p>
  );
}
