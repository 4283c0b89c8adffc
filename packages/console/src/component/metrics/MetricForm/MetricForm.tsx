import { useId } from 'react';
import { useJourneys } from '../../../api/queries';
import { useScope } from '../../../scope';
import { FieldError } from '../../common/FieldError/FieldError';
import { removeAt, replaceAt } from '../../flags/draft';
import { PropertyFilterRow } from '../../journeys/PropertyFilterRow/PropertyFilterRow';
import { MAX_METRIC_FILTERS, type MetricDraft, type MetricKind, isJourneyKind, withKind } from '../metric-draft';

const KIND_NAMES: Record<MetricKind, string> = {
  conversion: 'Conversion — did the unit do the event (0 or 1)',
  mean: 'Mean — a sum or count of the event per unit',
  journeyConversion: 'Journey conversion — did the unit complete the journey (0 or 1)',
  journeyDuration: 'Journey duration — seconds from entering the journey to its last step',
};

/**
 * The fields of a metric: name, what it measures (kind; event, property and
 * filters on the event's properties, or one of the project's journeys;
 * window) and which way is good. The key
 * only when creating; `compact` leaves out the description, for a form inside
 * another one. The API's errors show beside the field their path names.
 */
export function MetricForm({
  draft,
  onChange,
  creating,
  events = [],
  compact = false,
}: {
  draft: MetricDraft;
  onChange: (draft: MetricDraft) => void;
  creating: boolean;
  events?: readonly string[];
  compact?: boolean;
}) {
  const id = useId();
  const scope = useScope();
  const journeys = useJourneys(scope.project);
  const onJourney = isJourneyKind(draft.kind);
  // A journey deleted or not yet listed stays choosable, so the select shows what the draft says.
  const journeyKeys = (journeys.data?.journeys ?? []).map((journey) => journey.key);
  return (
    <>
      {creating && (
        <label>
          <span>Key</span>
          <input value={draft.key} onChange={(event) => onChange({ ...draft, key: event.target.value })} required placeholder="checkout-conversion" />
          <FieldError path="key" />
        </label>
      )}
      <label>
        <span>Name</span>
        <input value={draft.name} onChange={(event) => onChange({ ...draft, name: event.target.value })} placeholder="Checkout conversion" />
        <FieldError path="name" />
      </label>
      {!compact && (
        <label className="wide">
          <span>Description</span>
          <input value={draft.description} onChange={(event) => onChange({ ...draft, description: event.target.value })} placeholder="Paid orders, any amount" />
          <FieldError path="description" />
        </label>
      )}
      <label>
        <span>Kind</span>
        <select value={draft.kind} onChange={(event) => onChange(withKind(draft, event.target.value as MetricKind))}>
          {Object.entries(KIND_NAMES).map(([kind, name]) => (
            <option key={kind} value={kind}>
              {name}
            </option>
          ))}
        </select>
        <FieldError path="kind" />
      </label>
      {onJourney ? (
        <label>
          <span>Journey</span>
          <select value={draft.journey} onChange={(event) => onChange({ ...draft, journey: event.target.value })} required>
            <option value="">{journeys.isPending ? 'Loading journeys…' : journeyKeys.length === 0 ? 'No journeys yet' : 'Choose a journey'}</option>
            {(journeys.data?.journeys ?? []).map((journey) => (
              <option key={journey.key} value={journey.key}>
                {journey.name} ({journey.key})
              </option>
            ))}
            {draft.journey !== '' && !journeyKeys.includes(draft.journey) && <option value={draft.journey}>{draft.journey}</option>}
          </select>
          <FieldError path="journey" />
        </label>
      ) : (
        <label>
          <span>Event</span>
          <input value={draft.event} onChange={(event) => onChange({ ...draft, event: event.target.value })} list={`${id}-events`} required placeholder="purchase" />
          <datalist id={`${id}-events`}>
            {events.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <FieldError path="event" />
        </label>
      )}
      {draft.kind === 'mean' && (
        <label>
          <span>Summed property (optional)</span>
          <input value={draft.property} onChange={(event) => onChange({ ...draft, property: event.target.value })} placeholder="amount; empty counts the events" />
          <FieldError path="property" />
        </label>
      )}
      <label>
        <span>Window (days after exposure)</span>
        <input type="number" min={1} step={1} value={draft.windowDays} onChange={(event) => onChange({ ...draft, windowDays: event.target.value })} />
        <FieldError path="windowDays" />
      </label>
      <fieldset className="direction">
        <legend>A good change is</legend>
        <label className="checkbox">
          <input type="radio" name={`${id}-direction`} checked={draft.higherIsBetter} onChange={() => onChange({ ...draft, higherIsBetter: true })} />
          <span>Higher (conversions, revenue)</span>
        </label>
        <label className="checkbox">
          <input type="radio" name={`${id}-direction`} checked={!draft.higherIsBetter} onChange={() => onChange({ ...draft, higherIsBetter: false })} />
          <span>Lower (errors, latency)</span>
        </label>
        <FieldError path="higherIsBetter" />
      </fieldset>
      {!onJourney && (
        <section className="wide" aria-labelledby={`${id}-filters`}>
          <h3 id={`${id}-filters`}>Event filters</h3>
          <p className="muted">An event counts when its properties match all of them.</p>
          <ul className="conditions">
            {draft.filters.map((filter, f) => (
              <PropertyFilterRow
                key={f}
                filter={filter}
                path={`where[${f}]`}
                label={`Filter ${f + 1}`}
                onChange={(next) => onChange({ ...draft, filters: replaceAt(draft.filters, f, next) })}
                onRemove={() => onChange({ ...draft, filters: removeAt(draft.filters, f) })}
              />
            ))}
          </ul>
          <FieldError path="where" />
          <button
            type="button"
            onClick={() => onChange({ ...draft, filters: [...draft.filters, { property: '', operator: 'eq', value: '' }] })}
            disabled={draft.filters.length >= MAX_METRIC_FILTERS}
          >
            Add filter
          </button>
        </section>
      )}
    </>
  );
}
