import { formatCount, formatPercent } from '../format';

/** What the funnel chart needs of each step of a funnel answer. */
export interface FunnelStepFigures {
  index: number;
  event: string;
  label: string;
  units: number;
  conversionFromPrevious: number | null;
  conversionFromFirst: number | null;
  dropOff: number;
  dropOffRate: number | null;
}

/**
 * A funnel as horizontal bars, one per step, each as long as its share of the
 * units that entered; between two steps, how many went on and how many
 * dropped off. Written in HTML, so every figure is text that wraps and reads
 * out in order.
 */
export function FunnelChart({ steps, label }: { steps: readonly FunnelStepFigures[]; label: string }) {
  const widest = Math.max(1, ...steps.map((step) => step.units));
  return (
    <ol className="funnel" aria-label={label}>
      {steps.map((step) => (
        <li key={step.index} className="funnel-step">
          {step.index > 0 && (
            <p className="funnel-drop">
              <span className="went-on">{formatPercent(step.conversionFromPrevious)} went on</span>
              <span className="dropped">
                {formatCount(step.dropOff)} dropped off ({formatPercent(step.dropOffRate)})
              </span>
            </p>
          )}
          <div className="funnel-head">
            <span className="funnel-index" aria-hidden="true">
              {step.index + 1}
            </span>
            <strong>{step.label}</strong>
            {step.label !== step.event && <code>{step.event}</code>}
          </div>
          <div className="funnel-row">
            <div className="funnel-track" aria-hidden="true">
              <div className="funnel-bar" style={{ width: `${(step.units / widest) * 100}%` }} />
            </div>
            <span className="funnel-figures">
              <strong>{formatCount(step.units)}</strong> {step.units === 1 ? 'unit' : 'units'}
              {step.index > 0 && <span className="muted"> · {formatPercent(step.conversionFromFirst)} of entered</span>}
            </span>
          </div>
        </li>
      ))}
    </ol>
  );
}
