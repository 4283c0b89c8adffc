import { type FormEvent, useState } from 'react';
import { ApiError, api, data } from '../../../api/client';
import type { Session } from '../../../api/types';

/** Exchanges an admin token for a session cookie. */
export function SignIn({ notice, onSignedIn }: { notice: string | undefined; onSignedIn: (session: Session) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await data(api.POST('/api/v1/session', { body: { token: token.trim() } })));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The server could not be reached');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <form className="card sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">
          <span className="logo" aria-hidden="true" /> Sign in to Dial
        </h1>
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <label htmlFor="admin-token">Admin token</label>
        <input
          id="admin-token"
          name="token"
          type="password"
          autoComplete="current-password"
          autoFocus
          required
          value={token}
          onChange={(event) => setToken(event.target.value)}
          placeholder="dial_admin_…"
          aria-describedby="admin-token-help"
          aria-invalid={error !== undefined}
        />
        <p id="admin-token-help" className="help">
          The first start of Dial prints an admin token; an admin can create more under API keys.
        </p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || token.trim() === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
