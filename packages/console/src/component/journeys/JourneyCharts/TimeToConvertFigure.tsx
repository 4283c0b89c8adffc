import { ChartFigure } from '../../charts/ChartFigure/ChartFigure';
import { ColumnChart } from '../../charts/ColumnChart/ColumnChart';
import { Legend } from '../../charts/Legend/Legend';
import { formatBucket, formatCount, formatPercent } from '../../charts/format';
import { type FunnelGroup, completed, groupKey, shares, timeSeries } from '../figures';

/**
 * How long the units that went through every step took, from entering to the
 * last step, in fixed buckets: units for one group; with a breakdown, each
 * group's share of its own converters so groups of different sizes compare.
 */
export function TimeToConvertFigure({ groups }: { groups: readonly FunnelGroup[] }) {
  const buckets = groups[0]?.timeToConvert ?? [];
  const several = groups.length > 1;
  const labels = buckets.map((bucket) => formatBucket(bucket.fromSeconds, bucket.toSeconds));
  const nobody = groups.every((group) => completed(group) === 0);
  return (
    <ChartFigure
      title="Time to convert"
      summary={
        nobody
          ? 'Nobody went through every step in this range yet.'
          : several
            ? "Time from entering to the last step, as each group's share of its units that went through."
            : 'Time from entering to the last step, for the units that went through.'
      }
      legend={<Legend names={groups.map((group) => group.label)} label="Groups" />}
      table={
        <table className="list compact" aria-label="Time to convert">
          <thead>
            <tr>
              <th scope="col">Time</th>
              {groups.map((group) => [
                <th key={`${groupKey(group)}-units`} scope="col" className="number">
                  {several ? `${group.label}: units` : 'Units'}
                </th>,
                <th key={`${groupKey(group)}-share`} scope="col" className="number">
                  {several ? `${group.label}: share` : 'Share'}
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, b) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {groups.map((group) => {
                  const share = shares(group.timeToConvert)[b];
                  return [
                    <td key={`${groupKey(group)}-units`} className="number">
                      {formatCount(group.timeToConvert[b]?.units ?? 0)}
                    </td>,
                    <td key={`${groupKey(group)}-share`} className="number">
                      {formatPercent(share)}
                    </td>,
                  ];
                })}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ColumnChart
        label={several ? 'Share of converted units by time to convert, per group' : 'Converted units by time to convert'}
        categories={labels}
        series={timeSeries(groups)}
        format={several ? formatPercent : formatCount}
        rate={several}
      />
    </ChartFigure>
  );
}
