import { ChartFigure } from '../../charts/ChartFigure/ChartFigure';
import { ColumnChart } from '../../charts/ColumnChart/ColumnChart';
import { Legend } from '../../charts/Legend/Legend';
import { formatCount, formatPercent } from '../../charts/format';
import { type FunnelGroup, entered, groupKey, stepSeries } from '../figures';

/** The funnel of each breakdown value side by side: the share of its entered units that reached each step. */
export function BreakdownFigure({ groups, by }: { groups: readonly FunnelGroup[]; by: string }) {
  const steps = groups[0]?.steps ?? [];
  return (
    <ChartFigure
      title="Side by side"
      summary={`Each group's share of its own entered units that reached each step, ${by}.`}
      legend={<Legend names={groups.map((group) => group.label)} label="Groups" />}
      table={
        <table className="list compact" aria-label="Funnel by group">
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Step
              </th>
              {groups.map((group) => (
                <th key={groupKey(group)} scope="colgroup" colSpan={2} className="number">
                  {group.label}
                </th>
              ))}
            </tr>
            <tr>
              {groups.map((group) => [
                <th key={`${groupKey(group)}-units`} scope="col" className="number">
                  Units
                </th>,
                <th key={`${groupKey(group)}-share`} scope="col" className="number">
                  Of entered
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {steps.map((step, s) => (
              <tr key={step.index}>
                <th scope="row">
                  {step.index + 1}. {step.label}
                </th>
                {groups.map((group) => [
                  <td key={`${groupKey(group)}-units`} className="number">
                    {formatCount(group.steps[s]?.units ?? 0)}
                  </td>,
                  <td key={`${groupKey(group)}-share`} className="number">
                    {formatPercent(group.steps[s]?.conversionFromFirst)}
                  </td>,
                ])}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ColumnChart
        label={`Share of entered units reaching each step, ${by}: ${groups.map((group) => `${group.label} ${formatCount(entered(group))} entered`).join(', ')}`}
        categories={steps.map((step) => `${step.index + 1}. ${step.label}`)}
        series={stepSeries(groups)}
        format={formatPercent}
        rate
      />
    </ChartFigure>
  );
}
