import { useId } from 'react';
import { FieldError } from '../../common/FieldError/FieldError';
import { moveAt, removeAt, replaceAt } from '../../flags/draft';
import { type JourneyDraft, MAX_FILTERS, MAX_STEPS, type StepDraft, WINDOW_UNITS, type WindowUnit } from '../journey-draft';
import { PropertyFilterRow } from '../PropertyFilterRow/PropertyFilterRow';

/**
 * The fields of a journey: name, description, its ordered steps (an event
 * name, an optional label and property filters each), and the conversion
 * window. The key only when creating. Errors the API gives show beside the
 * field their path names, such as `steps[1].filters[0].value`.
 */
export function JourneyForm({ draft, onChange, creating, events = [] }: { draft: JourneyDraft; onChange: (draft: JourneyDraft) => void; creating: boolean; events?: readonly string[] }) {
  const eventList = useId();
  const setStep = (index: number, step: StepDraft) => onChange({ ...draft, steps: replaceAt(draft.steps, index, step) });

  return (
    <>
      {creating && (
        <label>
          <span>Key</span>
          <input value={draft.key} onChange={(event) => onChange({ ...draft, key: event.target.value })} required autoFocus placeholder="checkout" />
          <FieldError path="key" />
        </label>
      )}
      <label>
        <span>Name</span>
        <input value={draft.name} onChange={(event) => onChange({ ...draft, name: event.target.value })} required placeholder="Checkout" />
        <FieldError path="name" />
      </label>
      <label className="wide">
        <span>Description</span>
        <input value={draft.description} onChange={(event) => onChange({ ...draft, description: event.target.value })} placeholder="From a product page to a purchase" />
        <FieldError path="description" />
      </label>

      <section className="wide" aria-labelledby={`${eventList}-steps`}>
        <h2 id={`${eventList}-steps`}>Steps</h2>
        <p className="muted">
          In order: a unit enters with its first event of step 1, and reaches each later step with that step's event after the previous one. Filters narrow a step to
          events whose properties match all of them.
        </p>
        <datalist id={eventList}>
          {events.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <ol className="journey-steps">
          {draft.steps.map((step, s) => (
            <li key={s} className="card rule" aria-label={`Step ${s + 1}`}>
              <div className="rule-head">
                <strong>Step {s + 1}</strong>
                <span className="spacer" />
                <button type="button" className="icon" onClick={() => onChange({ ...draft, steps: moveAt(draft.steps, s, -1) })} disabled={s === 0} aria-label={`Move step ${s + 1} up`}>
                  ↑
                </button>
                <button
                  type="button"
                  className="icon"
                  onClick={() => onChange({ ...draft, steps: moveAt(draft.steps, s, 1) })}
                  disabled={s === draft.steps.length - 1}
                  aria-label={`Move step ${s + 1} down`}
                >
                  ↓
                </button>
                <button type="button" onClick={() => onChange({ ...draft, steps: removeAt(draft.steps, s) })} aria-label={`Remove step ${s + 1}`}>
                  Remove
                </button>
              </div>
              <div className="step-fields">
                <label>
                  <span>Event</span>
                  <input
                    value={step.event}
                    onChange={(event) => setStep(s, { ...step, event: event.target.value })}
                    list={eventList}
                    required
                    placeholder={s === 0 ? 'view-product' : 'purchase'}
                    aria-label={`Step ${s + 1} event`}
                  />
                  <FieldError path={`steps[${s}].event`} />
                </label>
                <label>
                  <span>Label (optional)</span>
                  <input value={step.label} onChange={(event) => setStep(s, { ...step, label: event.target.value })} placeholder={step.event || 'As the event'} aria-label={`Step ${s + 1} label`} />
                  <FieldError path={`steps[${s}].label`} />
                </label>
              </div>
              <ul className="conditions">
                {step.filters.map((filter, f) => (
                  <PropertyFilterRow
                    key={f}
                    filter={filter}
                    path={`steps[${s}].filters[${f}]`}
                    label={`Step ${s + 1} filter ${f + 1}`}
                    onChange={(next) => setStep(s, { ...step, filters: replaceAt(step.filters, f, next) })}
                    onRemove={() => setStep(s, { ...step, filters: removeAt(step.filters, f) })}
                  />
                ))}
              </ul>
              <FieldError path={`steps[${s}].filters`} />
              <FieldError path={`steps[${s}]`} />
              <button
                type="button"
                onClick={() => setStep(s, { ...step, filters: [...step.filters, { property: '', operator: 'eq', value: '' }] })}
                disabled={step.filters.length >= MAX_FILTERS}
              >
                Add filter
              </button>
            </li>
          ))}
        </ol>
        <FieldError path="steps" />
        <button type="button" onClick={() => onChange({ ...draft, steps: [...draft.steps, { event: '', label: '', filters: [] }] })} disabled={draft.steps.length >= MAX_STEPS}>
          Add step
        </button>
        {draft.steps.length >= MAX_STEPS && <span className="help">A journey has at most {MAX_STEPS} steps.</span>}
      </section>

      <fieldset className="window wide">
        <legend>Conversion window</legend>
        <p className="muted">How long after entering a unit may take to reach the other steps.</p>
        <div className="row-actions">
          <input
            type="number"
            min={0}
            step="any"
            value={draft.windowAmount}
            onChange={(event) => onChange({ ...draft, windowAmount: event.target.value })}
            aria-label="Conversion window"
            className="amount"
          />
          <select value={draft.windowUnit} onChange={(event) => onChange({ ...draft, windowUnit: event.target.value as WindowUnit })} aria-label="Conversion window unit">
            {Object.keys(WINDOW_UNITS).map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        </div>
        <FieldError path="conversionWindowSeconds" />
      </fieldset>
    </>
  );
}
