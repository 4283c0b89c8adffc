import { ChartFigure } from '../../charts/ChartFigure/ChartFigure';
import { LineChart } from '../../charts/LineChart/LineChart';
import { Legend } from '../../charts/Legend/Legend';
import { formatCount, formatDay } from '../../charts/format';
import { METRIC_NAMES, type UsageLine, type UsageMetric, usageSeries } from '../usage-figures';

/**
 * Daily usage, one line per event or per breakdown value: unique units or
 * events per UTC day, with each line's totals for the range and a table by day.
 */
export function UsageFigure({ title, summary, lines, metric }: { title: string; summary: string; lines: readonly UsageLine[]; metric: UsageMetric }) {
  const days = lines[0]?.days.map((day) => day.date) ?? [];
  return (
    <ChartFigure
      title={title}
      summary={summary}
      legend={<Legend names={lines.map((line) => `${line.label} (${formatCount(line[metric])})`)} label="Lines" />}
      tableSummary="Figures by day"
      table={
        <table className="list compact" aria-label={`${title} by day`}>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Day
              </th>
              {lines.map((line) => (
                <th key={line.label} scope="colgroup" colSpan={2} className="number">
                  {line.label}
                </th>
              ))}
            </tr>
            <tr>
              {lines.map((line) => [
                <th key={`${line.label}-units`} scope="col" className="number">
                  Units
                </th>,
                <th key={`${line.label}-events`} scope="col" className="number">
                  Events
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {days.map((date, d) => (
              <tr key={date}>
                <th scope="row">{formatDay(date, true)}</th>
                {lines.map((line) => [
                  <td key={`${line.label}-units`} className="number">
                    {formatCount(line.days[d]?.units ?? 0)}
                  </td>,
                  <td key={`${line.label}-events`} className="number">
                    {formatCount(line.days[d]?.events ?? 0)}
                  </td>,
                ])}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Whole range</th>
              {lines.map((line) => [
                <td key={`${line.label}-units`} className="number">
                  {formatCount(line.units)}
                </td>,
                <td key={`${line.label}-events`} className="number">
                  {formatCount(line.events)}
                </td>,
              ])}
            </tr>
          </tfoot>
        </table>
      }
    >
      <LineChart label={`${METRIC_NAMES[metric]} per day: ${lines.map((line) => line.label).join(', ')}`} days={days} series={usageSeries(lines, metric)} format={formatCount} />
    </ChartFigure>
  );
}
