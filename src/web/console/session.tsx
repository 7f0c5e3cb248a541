/**
 * The signed-in staff member for the console. /api/auth/me is the one source of truth for permissions;
 * the navigation only hides what the server would refuse anyway.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, api, onUnauthorized } from '../api/client.js';
import type { Me } from '../api/types.js';

export interface Session {
  /** undefined while loading, null when nobody is signed in. */
  user: Me | null | undefined;
  error: Error | undefined;
  can(permission: string): boolean;
  /** Loads /api/auth/me again (after the MFA step). */
  refresh(): Promise<Me | null>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

// The last answer of /api/auth/me in this tab, so a page reloaded without a connection (the walk's phone page)
// still knows who is signed in. Only a network failure uses it; the server still checks every request, and
// sign-out or a 401 forget it. sessionStorage: it ends with the tab.
const LAST_ME = 'bridges.session.me';
const remember = (me: Me | null) => {
  try {
    if (me) sessionStorage.setItem(LAST_ME, JSON.stringify(me));
    else sessionStorage.removeItem(LAST_ME);
  } catch {
    // Storage refused (private mode): reloads offline go to the sign-in page, nothing else changes.
  }
};
const lastMe = (): Me | null => {
  try {
    const copy = sessionStorage.getItem(LAST_ME);
    return copy ? (JSON.parse(copy) as Me) : null;
  } catch {
    return null;
  }
};

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>();

  const refresh = useCallback(async () => {
    try {
      const me = await api.me();
      remember(me);
      setUser(me);
      setError(undefined);
      return me;
    } catch (e) {
      const copy = e instanceof ApiError && e.status === 0 ? lastMe() : null;
      if (copy) {
        setUser(copy);
        setError(undefined);
        return copy;
      }
      remember(null);
      setError(e instanceof Error ? e : new Error(String(e)));
      setUser(null);
      return null;
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // A request refused for want of a session means it has ended: back to signed-out (and so to sign-in).
  useEffect(() => onUnauthorized(() => { remember(null); setUser(null); }), []);

  const signOut = useCallback(async () => {
    await api.signOut();
    remember(null);
    setUser(null);
  }, []);

  const can = useCallback((permission: string) => Boolean(user?.permissions.includes(permission)), [user]);

  return <SessionContext.Provider value={{ user, error, can, refresh, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
