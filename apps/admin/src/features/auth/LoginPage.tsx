import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { ErrorNotice } from '../../ui/ErrorNotice';

/** Only same-app paths are followed after login (never another site). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/bots';
}

export default function LoginPage() {
  const { state, login } = useSession();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const next = safeNext(params.get('next'));

  if (state.status === 'signed-in') return <Navigate to={next} replace />;
  return (
    <main id="main" className="login-box">
      <h1>Sign in to Parley</h1>
      {params.get('expired') && (
        <p className="notice warn" role="status">
          Your session ended. Sign in again to go back to where you were.
        </p>
      )}
      <form
        className="card"
        onSubmit={(event) => {
          event.preventDefault();
          setPending(true);
          setError(null);
          login(username, password)
            .catch((failure: unknown) => setError(failure))
            .finally(() => setPending(false));
        }}
      >
        <div className="field">
          <label htmlFor="username">Username</label>
          <input
            id="username"
            autoComplete="username"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            required
            autoFocus
          />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        </div>
        <ErrorNotice error={error} />
        <button type="submit" className="primary" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
