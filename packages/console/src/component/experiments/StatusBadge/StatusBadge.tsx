import type { ExperimentStatus } from '../../../api/types';

const LABELS: Record<ExperimentStatus, string> = { draft: 'Draft', running: 'Running', stopped: 'Stopped', shipped: 'Shipped' };

/** Where an experiment stands, as a coloured pill. */
export function StatusBadge({ status }: { status: ExperimentStatus }) {
  return <span className={`state status-${status}`}>{LABELS[status]}</span>;
}
