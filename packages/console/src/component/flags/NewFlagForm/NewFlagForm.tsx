import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, data } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { NewFlag } from '../../../api/types';
import { scopedPath, useScope } from '../../../scope';
import { FieldError, IssuesContext, issueId } from '../../common/FieldError/FieldError';

const KINDS: { kind: NonNullable<NewFlag['kind']>; variants?: NewFlag['variants'] }[] = [
  { kind: 'boolean' },
  { kind: 'string', variants: [{ key: 'control', value: 'control' }, { key: 'treatment', value: 'treatment' }] },
  { kind: 'number', variants: [{ key: 'low', value: 0 }, { key: 'high', value: 1 }] },
  { kind: 'json', variants: [{ key: 'default', value: {} }, { key: 'alternative', value: {} }] },
];

/** Creates a flag; its variants can be edited on its page. */
export function NewFlagForm({ onDone }: { onDone: () => void }) {
  const scope = useScope();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<NonNullable<NewFlag['kind']>>('boolean');
  const [tags, setTags] = useState('');
  const [lifetime, setLifetime] = useState<'temporary' | 'permanent'>('temporary');
  const [description, setDescription] = useState('');

  const create = useMutation({
    mutationFn: (body: NewFlag) => data(api.POST('/api/v1/projects/{project}/flags', { params: { path: { project: scope.project } }, body })),
    onSuccess: async (flag) => {
      await queryClient.invalidateQueries({ queryKey: keys.flags(scope.project) });
      onDone();
      await navigate(scopedPath(scope, `flags/${encodeURIComponent(flag.key)}`));
    },
  });
  const issues = create.error instanceof ApiError ? create.error.issues : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const variants = KINDS.find((k) => k.kind === kind)?.variants;
    create.mutate({
      key: key.trim(),
      name: name.trim() || key.trim(),
      kind,
      description,
      lifetime,
      tags: tags
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
      ...(variants === undefined ? {} : { variants }),
    });
  };

  const describedBy = (path: string) => (issues.some((issue) => issue.path === path) ? issueId(path) : undefined);
  return (
    <IssuesContext.Provider value={issues}>
      <form className="card form-grid" onSubmit={submit} aria-label="New flag">
        <label>
          <span>Key</span>
          <input value={key} onChange={(event) => setKey(event.target.value)} required autoFocus placeholder="new-checkout" aria-describedby={describedBy('key')} />
          <FieldError path="key" />
        </label>
        <label>
          <span>Name</span>
          <input value={name} onChange={(event) => setName(event.target.value)} placeholder="New checkout" aria-describedby={describedBy('name')} />
          <FieldError path="name" />
        </label>
        <label>
          <span>Kind</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
            {KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.kind}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Tags</span>
          <input value={tags} onChange={(event) => setTags(event.target.value)} placeholder="checkout, web" aria-describedby={describedBy('tags')} />
          <FieldError path="tags" />
        </label>
        <label>
          <span>Lifetime</span>
          <select value={lifetime} onChange={(event) => setLifetime(event.target.value as typeof lifetime)}>
            <option value="temporary">temporary (a release flag, removed once rolled out)</option>
            <option value="permanent">permanent (an operational switch)</option>
          </select>
        </label>
        <label className="wide">
          <span>Description</span>
          <input value={description} onChange={(event) => setDescription(event.target.value)} aria-describedby={describedBy('description')} />
          <FieldError path="description" />
        </label>
        {create.error && issues.length === 0 && (
          <p className="field-error wide" role="alert">
            {create.error.message}
          </p>
        )}
        <div className="actions wide">
          <button type="submit" className="primary" disabled={create.isPending}>
            Create flag
          </button>
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </IssuesContext.Provider>
  );
}
