import { ChartFigure } from '../../charts/ChartFigure/ChartFigure';
import { FunnelChart } from '../../charts/FunnelChart/FunnelChart';
import { formatCount, formatDuration, formatPercent } from '../../charts/format';
import type { FunnelGroup } from '../figures';

/** The funnel of all entered units: bars with conversion and drop-off between steps, and every figure in a table. */
export function FunnelFigure({ group, window }: { group: FunnelGroup; window: string }) {
  return (
    <ChartFigure
      title="Funnel"
      summary={`Units that entered with the first step in the range, and how many went on to each next step in order, within ${window} of entering.`}
      table={
        <table className="list compact" aria-label="Funnel figures">
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col" className="number">Units</th>
              <th scope="col" className="number">From previous</th>
              <th scope="col" className="number">Of entered</th>
              <th scope="col" className="number">Dropped off</th>
              <th scope="col" className="number">Drop-off rate</th>
              <th scope="col" className="number">Median time</th>
              <th scope="col" className="number">90th percentile</th>
            </tr>
          </thead>
          <tbody>
            {group.steps.map((step) => (
              <tr key={step.index} data-step={step.index}>
                <th scope="row">
                  {step.index + 1}. {step.label}
                </th>
                <td className="number" data-figure="units">
                  {formatCount(step.units)}
                </td>
                <td className="number" data-figure="conversionFromPrevious">
                  {formatPercent(step.conversionFromPrevious)}
                </td>
                <td className="number" data-figure="conversionFromFirst">
                  {formatPercent(step.conversionFromFirst)}
                </td>
                <td className="number" data-figure="dropOff">
                  {step.index === 0 ? '—' : formatCount(step.dropOff)}
                </td>
                <td className="number" data-figure="dropOffRate">
                  {formatPercent(step.dropOffRate)}
                </td>
                <td className="number" data-figure="medianSecondsFromFirst">
                  {formatDuration(step.medianSecondsFromFirst)}
                </td>
                <td className="number" data-figure="p90SecondsFromFirst">
                  {formatDuration(step.p90SecondsFromFirst)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <FunnelChart steps={group.steps} label="Units at each step" />
    </ChartFigure>
  );
}
