import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/session';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Loading';

/** Signed-in screens: without a session, go to login and come back here afterwards. */
export function RequireSession() {
  const { state, refresh } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading what="Checking your session" />;
  if (state.status === 'error') {
    return (
      <main>
        <ErrorNotice error={state.error} title="The admin cannot start" />
        <button type="button" onClick={() => void refresh()}>
          Try again
        </button>
      </main>
    );
  }
  if (state.status === 'signed-out') {
    const next = `${location.pathname}${location.search}`;
    return (
      <Navigate
        to={`/login?next=${encodeURIComponent(next)}${state.reason === 'expired' ? '&expired=1' : ''}`}
        replace
      />
    );
  }
  return <Outlet />;
}
