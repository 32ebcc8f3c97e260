// Who is signed in. A browser session (X-Mosaic-Session: cookie): the access token in memory, the refresh token
// an httpOnly cookie the page never sees; a reload signs back in from it, and the token is renewed before it expires.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { authApi, setAccessToken, whenUnauthorized, type Problem } from '../api/client';
import { identityOf, type Identity } from './jwt';

type Tokens = { accessToken?: string; expiresIn?: number };
export type Session =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; identity: Identity };

type SessionApi = {
  session: Session;
  signIn(login: string, password: string): Promise<Problem | null>;
  signUp(form: { username: string; email: string; password: string; fullName: string }): Promise<Problem | null>;
  signOut(): Promise<void>;
};

const SessionContext = createContext<SessionApi | null>(null);

/**
 * One refresh at a time: each refresh replaces the cookie's refresh token, so two at once (React's double effects
 * in development, the renewal timer firing during another refresh) would send a token the first one used up.
 */
let inFlight: Promise<Tokens | undefined> | null = null;
function refreshOnce(): Promise<Tokens | undefined> {
  inFlight ??= authApi.POST('/api/v1/auth/token/refresh', { body: {} })
    .then(({ data }) => data)
    .catch(() => undefined)
    .finally(() => { inFlight = null; });
  return inFlight;
}
/** Renew this long before the access token expires. */
const MARGIN_SECONDS = 30;
/** That this browser has a session worth restoring (not the token, which no script sees): no refresh is tried without one. */
const HINT = 'mosaic-session';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const end = useCallback(() => {
    localStorage.removeItem(HINT);
    clearTimeout(timer.current);
    setAccessToken(null);
    setSession({ status: 'signedOut' });
  }, []);

  const refreshRef = useRef<() => Promise<boolean>>(async () => false);

  const begin = useCallback((tokens: Tokens) => {
    localStorage.setItem(HINT, '1');
    setAccessToken(tokens.accessToken!);
    setSession({ status: 'signedIn', identity: identityOf(tokens.accessToken!) });
    clearTimeout(timer.current);
    const seconds = Math.max((tokens.expiresIn ?? 300) - MARGIN_SECONDS, 5);
    timer.current = setTimeout(() => void refreshRef.current(), seconds * 1000);
  }, []);

  const refresh = useCallback(async (): Promise<boolean> => {
    const data = await refreshOnce();
    if (!data?.accessToken) {
      end();
      return false;
    }
    begin(data);
    return true;
  }, [begin, end]);
  refreshRef.current = refresh;

  useEffect(() => {
    whenUnauthorized(refresh);
    if (localStorage.getItem(HINT)) void refresh();
    else setSession({ status: 'signedOut' });
    return () => clearTimeout(timer.current);
  }, [refresh, end]);

  const signIn = useCallback(async (login: string, password: string): Promise<Problem | null> => {
    const { data, error } = await authApi.POST('/api/v1/auth/token', {
      params: { header: { 'X-Mosaic-Session': 'cookie' } },
      body: { login, password },
    });
    if (!data?.accessToken) return (error as Problem | undefined) ?? { detail: 'Could not sign in.' };
    begin(data);
    return null;
  }, [begin]);

  const api = useMemo<SessionApi>(() => ({
    session,
    signIn,
    async signUp(form) {
      const { error } = await authApi.POST('/api/v1/auth/register', { body: form });
      if (error) return error as Problem;
      return signIn(form.username, form.password);
    },
    async signOut() {
      await authApi.POST('/api/v1/auth/logout', { body: {} });
      end();
    },
  }), [session, signIn, end]);

  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside SessionProvider');
  return api;
}
