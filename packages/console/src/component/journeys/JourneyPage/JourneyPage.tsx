import { Link, useParams } from 'react-router';
import { useConversion, useFunnel, useJourney } from '../../../api/queries';
import type { Conversion, Funnel, Journey } from '../../../api/types';
import { scopedPath, useScope } from '../../../scope';
import { BreakdownPicker } from '../../analytics/BreakdownPicker/BreakdownPicker';
import { DateRangePicker } from '../../analytics/DateRangePicker/DateRangePicker';
import { TrackEmptyState } from '../../analytics/TrackEmptyState/TrackEmptyState';
import { describeBreakdown, formatBreakdown } from '../../analytics/breakdown';
import { apiRange, describeRange } from '../../analytics/range';
import { useAnalyticsSearch } from '../../analytics/use-analytics-search';
import { ErrorNotice } from '../../common/ErrorNotice/ErrorNotice';
import { BreakdownFigure } from '../JourneyCharts/BreakdownFigure';
import { ConversionFigure } from '../JourneyCharts/ConversionFigure';
import { FunnelFigure } from '../JourneyCharts/FunnelFigure';
import { TimeToConvertFigure } from '../JourneyCharts/TimeToConvertFigure';
import { entered } from '../figures';
import { describeWindow } from '../journey-draft';

/**
 * One journey in the current environment: its funnel for a range of days,
 * optionally broken down by a flag's variants or an attribute or property,
 * with time to convert and conversion by entry day.
 */
export function JourneyPage() {
  const scope = useScope();
  const { journey: key = '' } = useParams();
  const journey = useJourney(scope.project, key);
  const { range, breakdown, setRange, setBreakdown } = useAnalyticsSearch();
  const query = { environment: scope.environment, ...apiRange(range), breakdown: formatBreakdown(breakdown) };
  const funnel = useFunnel(scope.project, key, query);
  const conversion = useConversion(scope.project, key, query);

  if (journey.error) return <ErrorNotice error={journey.error} />;
  if (journey.isPending) return <p className="loading" role="status">Loading journey…</p>;
  const detail = journey.data;
  const updating = (funnel.isPlaceholderData && funnel.isFetching) || (conversion.isPlaceholderData && conversion.isFetching);

  return (
    <article aria-labelledby="journey-title">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={scopedPath(scope, 'journeys')}>Journeys</Link> / <span>{detail.key}</span>
      </nav>
      <div className="page-head">
        <div>
          <h1 id="journey-title">{detail.name}</h1>
          <p className="muted">
            <code>{detail.key}</code> · {detail.steps.length} steps · within {describeWindow(detail.conversionWindowSeconds)} of entering
          </p>
          {detail.description && <p>{detail.description}</p>}
        </div>
        <div className="actions">
          <Link to={`${scopedPath(scope, 'audit')}?resource=${encodeURIComponent(detail.key)}&resourceType=journey`}>History</Link>
          <Link className="button" to={scopedPath(scope, `journeys/${encodeURIComponent(detail.key)}/edit`)}>
            Edit journey
          </Link>
        </div>
      </div>
      <div className="analytics-controls">
        <DateRangePicker key={`${range.preset}-${range.first}-${range.last}`} range={range} onChange={setRange} />
        <BreakdownPicker key={formatBreakdown(breakdown) ?? 'none'} value={breakdown} onChange={setBreakdown} />
      </div>
      <p className="muted" role="status" aria-live="polite">
        {updating ? 'Updating…' : `In ${scope.environment}, ${describeRange(range)}, ${describeBreakdown(breakdown)}.`}
      </p>
      <div aria-busy={updating}>
        <FunnelReport journey={detail} funnel={funnel} conversion={conversion} by={describeBreakdown(breakdown)} />
      </div>
    </article>
  );
}

interface Answer<T> {
  data: T | undefined;
  error: Error | null;
  isPending: boolean;
}

function FunnelReport({ journey, funnel, conversion, by }: { journey: Journey; funnel: Answer<Funnel>; conversion: Answer<Conversion>; by: string }) {
  if (funnel.error) return <ErrorNotice error={funnel.error} />;
  if (funnel.data === undefined)
    return (
      <div role="status" aria-label="Loading the funnel">
        <div className="skeleton" />
        <div className="skeleton" />
      </div>
    );
  const answer = funnel.data;
  if (entered(answer.total) === 0)
    return (
      <TrackEmptyState title="Nobody entered this journey in this range" events={journey.steps.map((step) => step.event)}>
        <p>
          A unit enters with its first <code>{journey.steps[0]?.event}</code> event in the range, so there is nothing to count until the environment receives it. Try a
          longer range, another environment, or send the journey's events:
        </p>
      </TrackEmptyState>
    );
  const groups = answer.groups.length > 0 ? answer.groups : [answer.total];
  return (
    <>
      <FunnelFigure group={answer.total} window={describeWindow(answer.conversionWindowSeconds)} />
      {answer.groups.length > 0 && <BreakdownFigure groups={answer.groups} by={by} />}
      <TimeToConvertFigure groups={groups} />
      {conversion.error ? (
        <ErrorNotice error={conversion.error} />
      ) : conversion.data === undefined ? (
        <div className="skeleton" role="status" aria-label="Loading conversion over time" />
      ) : (
        <ConversionFigure groups={conversion.data.groups.length > 0 ? conversion.data.groups : [{ value: null, label: answer.total.label, days: conversion.data.total.days }]} />
      )}
    </>
  );
}
