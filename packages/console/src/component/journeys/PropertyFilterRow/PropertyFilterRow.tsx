import { FieldError } from '../../common/FieldError/FieldError';
import { FILTER_OPERATORS, type FilterDraft, type FilterOperator } from '../journey-draft';

const OPERATOR_NAMES: Record<FilterOperator, string> = {
  eq: 'equals',
  neq: 'does not equal',
  in: 'is one of',
  notIn: 'is not one of',
  contains: 'contains',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  exists: 'exists',
};

const VALUE_HINTS: Partial<Record<FilterOperator, string>> = {
  in: 'pro, team',
  notIn: 'free, trial',
  gt: '10',
  gte: '10',
  lt: '100',
  lte: '100',
};

/**
 * One condition on an event's properties — a property, an operator and a
 * value typed to fit it — as journey steps and metrics filter events. The
 * API's errors show beside the part their path names (`${path}.value`).
 *
 * @example
 * <PropertyFilterRow filter={{ property: 'amount', operator: 'gte', value: '10' }} path="where[0]"
 *   label="Filter 1" onChange={setFilter} onRemove={remove} />
 */
export function PropertyFilterRow({
  filter,
  path,
  label,
  onChange,
  onRemove,
}: {
  filter: FilterDraft;
  path: string;
  label: string;
  onChange: (filter: FilterDraft) => void;
  onRemove: () => void;
}) {
  return (
    <li className="condition" data-path={path}>
      <input className="attr" value={filter.property} onChange={(event) => onChange({ ...filter, property: event.target.value })} placeholder="property" aria-label={`${label}: property`} />
      <select value={filter.operator} onChange={(event) => onChange({ ...filter, operator: event.target.value as FilterOperator })} aria-label={`${label}: operator`}>
        {FILTER_OPERATORS.map((operator) => (
          <option key={operator} value={operator}>
            {OPERATOR_NAMES[operator]}
          </option>
        ))}
      </select>
      {filter.operator !== 'exists' && (
        <input
          value={filter.value}
          onChange={(event) => onChange({ ...filter, value: event.target.value })}
          placeholder={VALUE_HINTS[filter.operator] ?? 'value'}
          aria-label={`${label}: value`}
          title="Numbers, true and false are typed; put text in double quotes to keep it text. Lists are comma-separated."
        />
      )}
      <button type="button" className="icon" onClick={onRemove} aria-label={`Remove ${label.toLowerCase()}`}>
        ×
      </button>
      <FieldError path={`${path}.property`} />
      <FieldError path={`${path}.operator`} />
      <FieldError path={`${path}.value`} />
      <FieldError path={path} />
    </li>
  );
}
