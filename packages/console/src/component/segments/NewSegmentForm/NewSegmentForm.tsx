import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, data } from '../../../api/client';
import { keys } from '../../../api/queries';
import { scopedPath, useScope } from '../../../scope';
import { FieldError, IssuesContext } from '../../common/FieldError/FieldError';

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** Creates a segment from a key, a name and the targeting keys it includes; rules are added on its page. */
export function NewSegmentForm({ onDone }: { onDone: () => void }) {
  const scope = useScope();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [include, setInclude] = useState('');
  const create = useMutation({
    mutationFn: () =>
      data(
        api.POST('/api/v1/projects/{project}/segments', {
          params: { path: { project: scope.project } },
          body: { key: key.trim(), name: name.trim() || key.trim(), include: lines(include) },
        }),
      ),
    onSuccess: async (segment) => {
      await queryClient.invalidateQueries({ queryKey: keys.segments(scope.project) });
      onDone();
      await navigate(scopedPath(scope, `segments/${encodeURIComponent(segment.key)}`));
    },
  });
  const issues = create.error instanceof ApiError ? create.error.issues : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <IssuesContext.Provider value={issues}>
      <form className="card form-grid" onSubmit={submit} aria-label="New segment">
        <label>
          <span>Key</span>
          <input value={key} onChange={(event) => setKey(event.target.value)} required autoFocus placeholder="beta-users" />
          <FieldError path="key" />
        </label>
        <label>
          <span>Name</span>
          <input value={name} onChange={(event) => setName(event.target.value)} placeholder="Beta users" />
          <FieldError path="name" />
        </label>
        <label className="wide">
          <span>Included targeting keys (one per line or comma-separated)</span>
          <textarea rows={3} value={include} onChange={(event) => setInclude(event.target.value)} placeholder="user-1, user-2" />
          <FieldError path="include" />
        </label>
        {create.error && issues.length === 0 && (
          <p className="field-error wide" role="alert">
            {create.error.message}
          </p>
        )}
        <div className="actions wide">
          <button type="submit" className="primary" disabled={create.isPending}>
            Create segment
          </button>
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </IssuesContext.Provider>
  );
}
