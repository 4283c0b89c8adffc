import { ChartFigure } from '../../charts/ChartFigure/ChartFigure';
import { LineChart } from '../../charts/LineChart/LineChart';
import { Legend } from '../../charts/Legend/Legend';
import { formatCount, formatDay, formatPercent } from '../../charts/format';
import { type CohortSeries, cohortSeries, groupKey } from '../figures';

/** Daily cohorts by entry day: of the units that entered on a day, the share that went through every step. */
export function ConversionFigure({ groups }: { groups: readonly CohortSeries[] }) {
  const days = groups[0]?.days.map((day) => day.date) ?? [];
  const several = groups.length > 1;
  return (
    <ChartFigure
      title="Conversion over time"
      summary="Of the units that entered on each day (UTC), the share that went through every step within the window. Recent days may still be converting."
      legend={<Legend names={groups.map((group) => group.label)} label="Groups" />}
      tableSummary="Figures by day"
      table={
        <table className="list compact" aria-label="Conversion by entry day">
          <thead>
            <tr>
              <th scope="col" rowSpan={several ? 2 : 1}>
                Entry day
              </th>
              {several
                ? groups.map((group) => (
                    <th key={groupKey(group)} scope="colgroup" colSpan={3} className="number">
                      {group.label}
                    </th>
                  ))
                : ['Entered', 'Completed', 'Conversion'].map((name) => (
                    <th key={name} scope="col" className="number">
                      {name}
                    </th>
                  ))}
            </tr>
            {several && (
              <tr>
                {groups.map((group) =>
                  ['Entered', 'Completed', 'Conversion'].map((name) => (
                    <th key={`${groupKey(group)}-${name}`} scope="col" className="number">
                      {name}
                    </th>
                  )),
                )}
              </tr>
            )}
          </thead>
          <tbody>
            {days.map((date, d) => (
              <tr key={date}>
                <th scope="row">{formatDay(date, true)}</th>
                {groups.map((group) => {
                  const day = group.days[d];
                  return [
                    <td key={`${groupKey(group)}-entered`} className="number">
                      {formatCount(day?.entered ?? 0)}
                    </td>,
                    <td key={`${groupKey(group)}-completed`} className="number">
                      {formatCount(day?.completed ?? 0)}
                    </td>,
                    <td key={`${groupKey(group)}-rate`} className="number">
                      {formatPercent(day?.conversionRate)}
                    </td>,
                  ];
                })}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <LineChart label={`Conversion by entry day${several ? ', per group' : ''}`} days={days} series={cohortSeries(groups)} format={formatPercent} rate />
    </ChartFigure>
  );
}
