import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, data, ifMatch } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { FlagDetail } from '../../../api/types';
import { useScope } from '../../../scope';
import { FieldError, IssuesContext } from '../../common/FieldError/FieldError';
import { removeAt, replaceAt } from '../draft';


const valueText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function parseValue(kind: FlagDetail['kind'], text: string): unknown {
  if (kind === 'string') return text;
  if (kind === 'number') return text.trim() === '' ? Number.NaN : Number(text);
  if (kind === 'boolean') return text === 'true';
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The variants of a flag: what it can serve. Boolean flags keep on and off; other kinds add and remove. */
export function Variants({ flag, onConflict }: { flag: FlagDetail; onConflict: (error: ApiError) => void }) {
  const scope = useScope();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<{ key: string; text: string; name: string }[]>(() =>
    flag.variants.map((variant) => ({ key: variant.key, text: valueText(variant.value), name: variant.name ?? '' })),
  );
  const save = useMutation({
    mutationFn: () =>
      data(
        api.PATCH('/api/v1/projects/{project}/flags/{flag}', {
          params: { path: { project: scope.project, flag: flag.key } },
          headers: ifMatch(flag.version),
          body: { variants: draft.map((v) => ({ key: v.key, value: parseValue(flag.kind, v.text), ...(v.name.trim() ? { name: v.name.trim() } : {}) })) },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.flags(scope.project) }),
    onError: (error) => error instanceof ApiError && error.isVersionConflict && onConflict(error),
  });
  const issues = save.error instanceof ApiError ? save.error.issues : [];
  const fixed = flag.kind === 'boolean';

  return (
    <IssuesContext.Provider value={issues}>
      <section className="card" aria-labelledby="variants-title">
        <h2 id="variants-title">Variants</h2>
        <table className="list compact">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Value ({flag.kind})</th>
              <th scope="col">Name</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.map((variant, i) => (
              <tr key={i}>
                <td>
                  <input aria-label={`Variant ${i + 1} key`} value={variant.key} disabled={fixed} onChange={(event) => setDraft(replaceAt(draft, i, { ...variant, key: event.target.value }))} />
                  <FieldError path={`variants[${i}].key`} />
                </td>
                <td>
                  <input aria-label={`Variant ${i + 1} value`} value={variant.text} disabled={fixed} className="code" onChange={(event) => setDraft(replaceAt(draft, i, { ...variant, text: event.target.value }))} />
                  <FieldError path={`variants[${i}].value`} />
                </td>
                <td>
                  <input aria-label={`Variant ${i + 1} name`} value={variant.name} onChange={(event) => setDraft(replaceAt(draft, i, { ...variant, name: event.target.value }))} />
                  <FieldError path={`variants[${i}].name`} />
                </td>
                <td>{!fixed && draft.length > 1 && <button type="button" onClick={() => setDraft(removeAt(draft, i))} aria-label={`Remove variant ${variant.key}`}>Remove</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <FieldError path="variants" />
        {save.error && !(save.error instanceof ApiError && save.error.isVersionConflict) && issues.length === 0 && (
          <p className="field-error" role="alert">
            {save.error.message}
          </p>
        )}
        <div className="actions">
          {!fixed && (
            <button type="button" onClick={() => setDraft([...draft, { key: `variant-${draft.length + 1}`, text: flag.kind === 'number' ? '0' : flag.kind === 'json' ? '{}' : '', name: '' }])}>
              Add variant
            </button>
          )}
          <button type="button" className="primary" onClick={() => save.mutate()} disabled={save.isPending}>
            Save variants
          </button>
        </div>
      </section>
    </IssuesContext.Provider>
  );
}
