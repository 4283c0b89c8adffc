/** One changed value between two JSON documents, by JSON path. */
export interface Change {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The leaf-level differences between `before` and `after`, with paths like
 * `environments.production.rules[0].when[1].values`.
 *
 * @example
 * diff({ enabled: false }, { enabled: true }) // [{ path: 'enabled', kind: 'changed', before: false, after: true }]
 */
export function diff(before: unknown, after: unknown, path = ''): Change[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (before === undefined || before === null) return [{ path: path || '(all)', kind: 'added', after }];
  if (after === undefined || after === null) return [{ path: path || '(all)', kind: 'removed', before }];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diff(before[key], after[key], path === '' ? key : `${path}.${key}`));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => diff(before[i], after[i], `${path}[${i}]`)).flat();
  }
  return [{ path: path || '(all)', kind: 'changed', before, after }];
}
