import { useUsage, useUsageEvents } from '../../../api/queries';
import type { Usage } from '../../../api/types';
import { useScope } from '../../../scope';
import { BreakdownPicker } from '../../analytics/BreakdownPicker/BreakdownPicker';
import { DateRangePicker } from '../../analytics/DateRangePicker/DateRangePicker';
import { TrackEmptyState } from '../../analytics/TrackEmptyState/TrackEmptyState';
import { describeBreakdown, formatBreakdown } from '../../analytics/breakdown';
import { apiRange, describeRange } from '../../analytics/range';
import { useAnalyticsSearch } from '../../analytics/use-analytics-search';
import { formatCount } from '../../charts/format';
import { ErrorNotice } from '../../common/ErrorNotice/ErrorNotice';
import { UsageFigure } from '../UsageFigure/UsageFigure';
import { MAX_CHARTED, METRIC_NAMES, type UsageMetric, chosenEvents, toggleEvent } from '../usage-figures';

/** How many of the most used events the page lists. */
const TOP = 20;

/**
 * Feature usage in the current environment: the most used events of a range,
 * and for the events picked among them, unique units or events per day,
 * optionally broken down like a funnel.
 */
export function UsagePage() {
  const scope = useScope();
  const { search, setSearch, range, breakdown, setRange, setBreakdown } = useAnalyticsSearch();
  const metric: UsageMetric = search.get('metric') === 'events' ? 'events' : 'units';
  const period = apiRange(range);
  const top = useUsageEvents(scope.project, { environment: scope.environment, ...period, limit: TOP });
  const names = top.data?.events.map((event) => event.name) ?? [];
  const shown = chosenEvents(search.getAll('event'), names);
  const usage = useUsage(scope.project, { environment: scope.environment, ...period, event: shown, breakdown: formatBreakdown(breakdown) });

  const setEvents = (events: readonly string[]) =>
    setSearch((current) => {
      const next = new URLSearchParams(current);
      next.delete('event');
      for (const event of events) next.append('event', event);
      return next;
    });
  const setMetric = (next: UsageMetric) =>
    setSearch((current) => {
      const updated = new URLSearchParams(current);
      if (next === 'units') updated.delete('metric');
      else updated.set('metric', next);
      return updated;
    });

  return (
    <section aria-labelledby="usage-title">
      <div className="page-head">
        <div>
          <h1 id="usage-title">Feature usage</h1>
          <p className="muted">What units do in {scope.environment}: the events tracked most, and how their use changes day by day.</p>
        </div>
      </div>
      <div className="analytics-controls">
        <DateRangePicker key={`${range.preset}-${range.first}-${range.last}`} range={range} onChange={setRange} />
        <BreakdownPicker key={formatBreakdown(breakdown) ?? 'none'} value={breakdown} onChange={setBreakdown} />
        <div className="metric-picker" role="radiogroup" aria-labelledby="metric-title">
          <span id="metric-title">Count</span>
          <div>
            {(['units', 'events'] as const).map((one) => (
              <label key={one} className="inline">
                <input type="radio" name="metric" value={one} checked={metric === one} onChange={() => setMetric(one)} />
                {METRIC_NAMES[one]}
              </label>
            ))}
          </div>
        </div>
      </div>
      <ErrorNotice error={top.error} />
      {top.data === undefined ? (
        !top.error && <div className="skeleton" role="status" aria-label="Loading the most used events" />
      ) : top.data.events.length === 0 ? (
        <TrackEmptyState title="No events in this range" events={[]}>
          <p>
            Nothing was tracked in {scope.environment} in {describeRange(range)}. Usage counts the events your code sends with <code>track()</code>: each event name
            is a feature used, each unit (the context's key) someone using it.
          </p>
        </TrackEmptyState>
      ) : (
        <div className="usage-grid">
          <section aria-labelledby="top-events-title" className="card">
            <h2 id="top-events-title">Most used events</h2>
            <p className="muted">
              In {describeRange(range)}, by unique units. Pick up to {MAX_CHARTED} to chart.
            </p>
            <table className="list compact" aria-label="Most used events">
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col" className="number">
                    Units
                  </th>
                  <th scope="col" className="number">
                    Events
                  </th>
                </tr>
              </thead>
              <tbody>
                {top.data.events.map((event) => (
                  <tr key={event.name}>
                    <td>
                      <label className="checkbox">
                        <input
                          type="checkbox"
                          checked={shown.includes(event.name)}
                          // The last event picked stays: with none, the page would fall back to the top three.
                          disabled={shown.includes(event.name) ? shown.length === 1 : shown.length >= MAX_CHARTED}
                          onChange={() => setEvents(toggleEvent(shown, event.name))}
                        />
                        <code>{event.name}</code>
                      </label>
                    </td>
                    <td className="number">{formatCount(event.units)}</td>
                    <td className="number">{formatCount(event.events)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <div aria-busy={usage.isFetching}>
            <UsageCharts usage={usage} metric={metric} by={describeBreakdown(breakdown)} />
          </div>
        </div>
      )}
    </section>
  );
}

function UsageCharts({ usage, metric, by }: { usage: { data: Usage | undefined; error: Error | null; fetchStatus: string }; metric: UsageMetric; by: string }) {
  if (usage.error) return <ErrorNotice error={usage.error} />;
  if (usage.data === undefined)
    return usage.fetchStatus === 'idle' ? <p className="empty">Pick an event to chart its daily use.</p> : <div className="skeleton" role="status" aria-label="Loading usage" />;
  const answer = usage.data;
  if (answer.breakdown === null)
    return (
      <UsageFigure
        title="Daily usage"
        summary={`${METRIC_NAMES[metric]} per UTC day for each event picked.`}
        lines={answer.series.map((series) => ({ label: series.event, ...series.total }))}
        metric={metric}
      />
    );
  return (
    <>
      {answer.series.map((series) => (
        <UsageFigure
          key={series.event}
          title={series.event}
          summary={`${METRIC_NAMES[metric]} per UTC day, ${by}: ${formatCount(series.total[metric])} in all.`}
          lines={series.groups}
          metric={metric}
        />
      ))}
    </>
  );
}
