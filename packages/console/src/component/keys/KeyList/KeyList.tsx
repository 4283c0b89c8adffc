import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, api, data } from '../../../api/client';
import { keys, useEnvironments } from '../../../api/queries';
import type { Token } from '../../../api/types';
import { useScope } from '../../../scope';
import { CopyButton } from '../../common/CopyButton/CopyButton';
import { Dialog } from '../../common/Dialog/Dialog';
import { ErrorNotice } from '../../common/ErrorNotice/ErrorNotice';
import { FieldError, IssuesContext } from '../../common/FieldError/FieldError';

const KIND_NAMES: Record<Token['kind'], string> = { admin: 'Admin token', server: 'Server SDK key', client: 'Client key' };
const KIND_HELP: Record<Token['kind'], string> = {
  server: 'For server-side SDKs: reads the whole configuration of one environment.',
  client: 'For browsers and apps: evaluates flags for one user; safe to ship to clients.',
  admin: 'Manages everything, like the console itself. Keep it secret.',
};

/** API keys: admin tokens, server SDK keys and client keys; created (secret shown once) and revoked. */
export function KeyList() {
  const scope = useScope();
  const queryClient = useQueryClient();
  const environments = useEnvironments(scope.project);
  const [showRevoked, setShowRevoked] = useState(false);
  const [kind, setKind] = useState<Token['kind']>('server');
  const [name, setName] = useState('');
  const [environment, setEnvironment] = useState(scope.environment);
  const [created, setCreated] = useState<{ token: Token; secret: string }>();
  const [revoking, setRevoking] = useState<Token>();

  const tokens = useQuery({
    queryKey: [...keys.tokens, showRevoked],
    queryFn: () => data(api.GET('/api/v1/tokens', { params: { query: { includeRevoked: showRevoked ? 'true' : 'false' } } })),
  });
  const create = useMutation({
    mutationFn: () =>
      data(
        api.POST('/api/v1/tokens', {
          body: kind === 'admin' ? { kind, name: name.trim() } : { kind, name: name.trim(), project: scope.project, environment },
        }),
      ),
    onSuccess: (result) => {
      setCreated(result);
      setName('');
      return queryClient.invalidateQueries({ queryKey: keys.tokens });
    },
  });
  const revoke = useMutation({
    mutationFn: (token: Token) => data(api.DELETE('/api/v1/tokens/{id}', { params: { path: { id: token.id } } })),
    onSuccess: () => {
      setRevoking(undefined);
      return queryClient.invalidateQueries({ queryKey: keys.tokens });
    },
  });
  const issues = create.error instanceof ApiError ? create.error.issues : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(undefined);
    create.mutate();
  };
  const rows = tokens.data?.tokens ?? [];

  return (
    <section aria-labelledby="keys-title">
      <div className="page-head">
        <h1 id="keys-title">API keys</h1>
      </div>
      <IssuesContext.Provider value={issues}>
        <form className="card form-grid" onSubmit={submit} aria-label="New API key">
          <label>
            <span>Kind</span>
            <select value={kind} onChange={(event) => setKind(event.target.value as Token['kind'])} aria-describedby="kind-help">
              <option value="server">{KIND_NAMES.server}</option>
              <option value="client">{KIND_NAMES.client}</option>
              <option value="admin">{KIND_NAMES.admin}</option>
            </select>
            <span id="kind-help" className="help">
              {KIND_HELP[kind]}
            </span>
          </label>
          <label>
            <span>Name</span>
            <input value={name} onChange={(event) => setName(event.target.value)} required placeholder="checkout-service" />
            <FieldError path="name" />
          </label>
          {kind !== 'admin' && (
            <label>
              <span>Environment of {scope.project}</span>
              <select value={environment} onChange={(event) => setEnvironment(event.target.value)}>
                {(environments.data?.environments ?? []).map((env) => (
                  <option key={env.key} value={env.key}>
                    {env.name}
                  </option>
                ))}
              </select>
              <FieldError path="environment" />
            </label>
          )}
          {create.error && issues.length === 0 && <ErrorNotice error={create.error} />}
          <div className="actions wide">
            <button type="submit" className="primary" disabled={create.isPending}>
              Create key
            </button>
          </div>
        </form>
      </IssuesContext.Provider>
      {created && (
        <div className="card secret-once" role="status" aria-live="polite">
          <h2>
            {KIND_NAMES[created.token.kind]} “{created.token.name}” created
          </h2>
          <p>Copy the secret now: it is shown only this once, and Dial keeps only a hash of it.</p>
          <div className="secret">
            <code data-testid="new-secret">{created.secret}</code>
            <CopyButton text={created.secret} />
          </div>
          <button type="button" onClick={() => setCreated(undefined)}>
            Done
          </button>
        </div>
      )}
      <div className="filters">
        <label className="checkbox">
          <input type="checkbox" checked={showRevoked} onChange={(event) => setShowRevoked(event.target.checked)} />
          <span>Show revoked</span>
        </label>
      </div>
      <ErrorNotice error={tokens.error} />
      {tokens.isPending ? (
        <p className="loading" role="status">
          Loading keys…
        </p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Key</th>
              <th scope="col">Scope</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((token) => (
              <tr key={token.id} className={token.revokedAt ? 'revoked' : undefined}>
                <td>{token.name}</td>
                <td>{KIND_NAMES[token.kind]}</td>
                <td>
                  <code>{token.hint}</code>
                </td>
                <td>{token.project ? `${token.project} / ${token.environment}` : 'everything'}</td>
                <td>
                  {new Date(token.createdAt).toLocaleString()} by {token.createdBy}
                </td>
                <td>
                  {token.revokedAt ? (
                    <span className="muted">revoked {new Date(token.revokedAt).toLocaleString()}</span>
                  ) : (
                    <button type="button" onClick={() => setRevoking(token)}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Dialog title={`Revoke “${revoking?.name ?? ''}”?`} open={revoking !== undefined} onClose={() => setRevoking(undefined)}>
        <p>Anything using this key stops working at once{revoking?.kind === 'admin' ? ', and console sessions signed in with it end' : ''}. This cannot be undone.</p>
        <ErrorNotice error={revoke.error} />
        <div className="actions">
          <button type="button" className="danger" onClick={() => revoking && revoke.mutate(revoking)} disabled={revoke.isPending}>
            Revoke
          </button>
          <button type="button" onClick={() => setRevoking(undefined)} autoFocus>
            Cancel
          </button>
        </div>
      </Dialog>
    </section>
  );
}
