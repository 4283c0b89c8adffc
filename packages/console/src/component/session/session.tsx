import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, data, onSessionEnded, setCsrfToken } from '../../api/client';
import type { Session } from '../../api/types';
import { SignIn } from './SignIn/SignIn';

interface SessionState {
  session: Session;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

/** The signed-in session; only inside `SessionGate`. */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (state === undefined) throw new Error('useSession outside SessionGate');
  return state;
}

/**
 * Shows its children to a signed-in admin and the sign-in page to anyone
 * else. A request refused because the session ended brings the sign-in page
 * back with the server's reason.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  // undefined while asking the server, null when signed out.
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [notice, setNotice] = useState<string>();

  const accept = useCallback((next: Session | null) => {
    setCsrfToken(next?.csrfToken);
    setSession(next);
  }, []);

  useEffect(() => {
    let live = true;
    data(api.GET('/api/v1/session')).then(
      (found) => live && accept(found),
      (error: unknown) => {
        if (!live) return;
        accept(null);
        if (error instanceof ApiError && error.code === 'session_expired') setNotice(error.message);
      },
    );
    return () => {
      live = false;
    };
  }, [accept]);

  useEffect(
    () =>
      onSessionEnded((message) => {
        accept(null);
        setNotice(message);
        queryClient.clear();
      }),
    [accept, queryClient],
  );

  const signOut = useCallback(async () => {
    await data(api.DELETE('/api/v1/session')).catch(() => undefined);
    accept(null);
    setNotice('You have signed out.');
    queryClient.clear();
  }, [accept, queryClient]);

  const value = useMemo(() => (session ? { session, signOut } : undefined), [session, signOut]);
  if (session === undefined) return <p className="loading" role="status">Loading…</p>;
  if (value === undefined)
    return (
      <SignIn
        notice={notice}
        onSignedIn={(next) => {
          setNotice(undefined);
          accept(next);
        }}
      />
    );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
