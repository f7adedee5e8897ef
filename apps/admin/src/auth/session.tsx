import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { useApi } from '../api/api-context';
import { isApiError } from '../api/problem';
import type { Role, SessionInfo } from '../api/types';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason: 'none' | 'expired' | 'signed-out' }
  | { status: 'signed-in'; session: SessionInfo }
  | { status: 'error'; error: unknown };

interface SessionContextValue {
  state: SessionState;
  login(username: string, password: string): Promise<void>;
  logout(everywhere?: boolean): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/**
 * The admin's session: an httpOnly cookie the browser keeps (this code never sees it) and
 * the CSRF token handed out with it. A 401 from any call means it expired or was revoked.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const signedIn = useCallback(
    (session: SessionInfo) => {
      api.setCsrfToken(session.csrfToken);
      setState({ status: 'signed-in', session });
    },
    [api],
  );

  const refresh = useCallback(async () => {
    try {
      signedIn(await api.get<SessionInfo>('/auth/session', { expectUnauthenticated: true }));
    } catch (error) {
      api.setCsrfToken(null);
      if (isApiError(error) && error.status === 401)
        setState({ status: 'signed-out', reason: 'none' });
      else setState({ status: 'error', error });
    }
  }, [api, signedIn]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    api.onUnauthorized(() => {
      api.setCsrfToken(null);
      queryClient.clear();
      setState({ status: 'signed-out', reason: 'expired' });
    });
    return () => api.onUnauthorized(null);
  }, [api, queryClient]);

  const login = useCallback(
    async (username: string, password: string) => {
      await api.post(
        '/auth/login',
        { username, password, session: 'cookie' },
        { expectUnauthenticated: true },
      );
      signedIn(await api.get<SessionInfo>('/auth/session', { expectUnauthenticated: true }));
    },
    [api, signedIn],
  );

  const logout = useCallback(
    async (everywhere = false) => {
      await api.post(everywhere ? '/auth/logout-all' : '/auth/logout', {}).catch(() => undefined);
      api.setCsrfToken(null);
      queryClient.clear();
      setState({ status: 'signed-out', reason: 'signed-out' });
    },
    [api, queryClient],
  );

  const value = useMemo(() => ({ state, login, logout, refresh }), [state, login, logout, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside <SessionProvider>');
  return value;
}

export const VIEWER_REASON =
  'You are signed in as a viewer: you can look at everything, but only an admin can change it.';

/** Whether the signed-in user may change things, and why not. */
export function usePermissions(): { role: Role | null; canWrite: boolean; reason: string } {
  const { state } = useSession();
  const role = state.status === 'signed-in' ? state.session.user.role : null;
  return { role, canWrite: role === 'admin', reason: role === 'admin' ? '' : VIEWER_REASON };
}
