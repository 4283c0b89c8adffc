import { type Condition, OPERATORS, type Operator } from '@dial/core';
import { useContext } from 'react';
import { FieldError, IssuesContext, issueId } from '../../common/FieldError/FieldError';
import { ValuesInput, keepValues, valueKindOf } from './ValuesInput';

const OPERATOR_LABELS: Record<Operator, string> = {
  eq: 'is one of',
  contains: 'contains',
  startsWith: 'starts with',
  endsWith: 'ends with',
  matches: 'matches pattern',
  lt: '<',
  lte: '≤',
  gt: '>',
  gte: '≥',
  before: 'is before',
  after: 'is after',
  semverEq: 'version =',
  semverLt: 'version <',
  semverGt: 'version >',
  exists: 'exists',
};

/** Attributes people target most; any other can be typed. */
const COMMON_ATTRIBUTES = ['key', 'email', 'country', 'plan', 'userAgent', 'version', 'createdAt', 'beta'];

/**
 * One condition: an attribute with an operator and values fitting it, or a
 * segment reference; either can be negated.
 */
export function ConditionRow({ condition, path, label, segments, onChange, onRemove }: {
  condition: Condition;
  path: string;
  label: string;
  segments: readonly string[];
  onChange: (condition: Condition) => void;
  onRemove: () => void;
}) {
  const issues = useContext(IssuesContext);
  const described = (field: string) => (issues.some((issue) => issue.path === `${path}.${field}`) ? issueId(`${path}.${field}`) : undefined);
  const attrIssue = described('attr');
  const opIssue = described('op');
  const valuesIssue = described('values');
  const negate = condition.negate === true;
  const setNegate = (value: boolean) => {
    const { negate: _old, ...rest } = condition;
    onChange(value ? { ...rest, negate: true } : rest);
  };

  return (
    <li className="condition" data-path={path}>
      <select
        aria-label={`${label}: type`}
        value={'segment' in condition ? 'segment' : 'attribute'}
        onChange={(event) =>
          onChange(event.target.value === 'segment' ? { segment: segments[0] ?? '' } : { attr: 'email', op: 'endsWith', values: [] })
        }
      >
        <option value="attribute">attribute</option>
        <option value="segment">segment</option>
      </select>
      <label className="checkbox">
        <input type="checkbox" checked={negate} onChange={(event) => setNegate(event.target.checked)} />
        <span>not</span>
      </label>
      {'segment' in condition ? (
        <>
          <select aria-label={`${label}: segment`} value={condition.segment} onChange={(event) => onChange({ ...condition, segment: event.target.value })} aria-describedby={described('segment')}>
            {!segments.includes(condition.segment) && <option value={condition.segment}>{condition.segment || 'choose a segment…'}</option>}
            {segments.map((segment) => (
              <option key={segment} value={segment}>
                {segment}
              </option>
            ))}
          </select>
          <FieldError path={`${path}.segment`} />
          {segments.length === 0 && <span className="muted">No segments yet: create one under Segments.</span>}
        </>
      ) : (
        <>
          <input
            aria-label={`${label}: attribute`}
            className="attr"
            list="common-attributes"
            value={condition.attr}
            onChange={(event) => onChange({ ...condition, attr: event.target.value })}
            aria-describedby={attrIssue}
          />
          <datalist id="common-attributes">
            {COMMON_ATTRIBUTES.map((attr) => (
              <option key={attr} value={attr} />
            ))}
          </datalist>
          <select
            aria-label={`${label}: operator`}
            value={condition.op}
            aria-describedby={opIssue}
            onChange={(event) => {
              const op = event.target.value as Operator;
              const kind = valueKindOf(op);
              const { values: _old, ...rest } = condition;
              onChange(kind === 'none' ? { ...rest, op } : { ...rest, op, values: keepValues(condition.values ?? [], kind) });
            }}
          >
            {OPERATORS.map((op) => (
              <option key={op} value={op}>
                {OPERATOR_LABELS[op]}
              </option>
            ))}
          </select>
          <ValuesInput kind={valueKindOf(condition.op)} values={condition.values ?? []} label={label} describedBy={valuesIssue} onChange={(values) => onChange({ ...condition, values })} />
          <FieldError path={`${path}.attr`} />
          <FieldError path={`${path}.op`} />
          <FieldError path={`${path}.values`} />
          {(condition.values ?? []).map((_, i) => (
            <FieldError key={i} path={`${path}.values[${i}]`} />
          ))}
        </>
      )}
      <FieldError path={path} />
      <button type="button" className="icon" aria-label={`Remove ${label}`} onClick={onRemove}>
        ×
      </button>
    </li>
  );
}
