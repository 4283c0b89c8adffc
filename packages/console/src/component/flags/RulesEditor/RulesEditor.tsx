import type { Rule } from '@dial/core';
import { FieldError } from '../../common/FieldError/FieldError';
import { moveAt, newRuleId, removeAt, replaceAt } from '../draft';
import { ServeEditor } from '../RolloutEditor/ServeEditor';
import { ConditionRow } from './ConditionRow';

/**
 * The targeting rules of one environment, in order: the first rule whose
 * conditions all hold serves. Each rule has condition rows and what it serves.
 */
export function RulesEditor({ rules, variants, segments, onChange }: { rules: Rule[]; variants: readonly string[]; segments: readonly string[]; onChange: (rules: Rule[]) => void }) {
  const addRule = () => onChange([...rules, { id: newRuleId(rules), when: [{ attr: 'email', op: 'endsWith', values: [] }], serve: { variant: variants[0] ?? '' } }]);
  return (
    <section className="rules" aria-labelledby="rules-title">
      <h3 id="rules-title">Rules</h3>
      <FieldError path="rules" />
      {rules.length === 0 && <p className="muted">No rules: everyone gets the default below.</p>}
      <ol className="rule-list">
        {rules.map((rule, r) => {
          const path = `rules[${r}]`;
          const label = `Rule ${r + 1}`;
          const setRule = (next: Rule) => onChange(replaceAt(rules, r, next));
          return (
            <li key={r} className="card rule" aria-label={label}>
              <div className="rule-head">
                <label className="inline">
                  <span>{label}</span>
                  <input aria-label={`${label}: id`} value={rule.id} onChange={(event) => setRule({ ...rule, id: event.target.value })} className="rule-id" />
                </label>
                <FieldError path={`${path}.id`} />
                <span className="spacer" />
                <button type="button" onClick={() => onChange(moveAt(rules, r, -1))} disabled={r === 0} aria-label={`Move ${label} up`}>
                  ↑
                </button>
                <button type="button" onClick={() => onChange(moveAt(rules, r, 1))} disabled={r === rules.length - 1} aria-label={`Move ${label} down`}>
                  ↓
                </button>
                <button type="button" onClick={() => onChange(removeAt(rules, r))} aria-label={`Delete ${label}`}>
                  Delete
                </button>
              </div>
              <p className="muted">{rule.when.length === 0 ? 'Matches everyone.' : 'When all of these hold:'}</p>
              <ul className="conditions">
                {rule.when.map((condition, c) => (
                  <ConditionRow
                    key={c}
                    condition={condition}
                    path={`${path}.when[${c}]`}
                    label={`${label} condition ${c + 1}`}
                    segments={segments}
                    onChange={(next) => setRule({ ...rule, when: replaceAt(rule.when, c, next) })}
                    onRemove={() => setRule({ ...rule, when: removeAt(rule.when, c) })}
                  />
                ))}
              </ul>
              <FieldError path={`${path}.when`} />
              <div className="row-actions">
                <button type="button" onClick={() => setRule({ ...rule, when: [...rule.when, { attr: '', op: 'eq', values: [] }] })}>
                  Add condition
                </button>
                <button type="button" onClick={() => setRule({ ...rule, when: [...rule.when, { segment: segments[0] ?? '' }] })}>
                  Add segment
                </button>
              </div>
              <ServeEditor serve={rule.serve} variants={variants} path={`${path}.serve`} label={label} onChange={(serve) => setRule({ ...rule, serve })} />
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={addRule}>
        Add rule
      </button>
    </section>
  );
}
