import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/api-context';
import { useSession } from '../../auth/session';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';

/** The setup token travels in the URL fragment, which browsers never send to a server. */
function tokenFromHash(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}

export default function SetupPage() {
  const api = useApi();
  const { login } = useSession();
  const navigate = useNavigate();
  const setup = useQuery({
    queryKey: ['setup'],
    queryFn: () => api.get<{ needed: boolean }>('/auth/setup', { expectUnauthenticated: true }),
  });
  const [token] = useState(tokenFromHash);
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);

  if (setup.isPending) return <Loading />;
  return (
    <main id="main" className="login-box">
      <h1>Create the first admin</h1>
      <ErrorNotice error={setup.error} />
      {setup.data && !setup.data.needed && !done && (
        <p className="notice info">
          Parley already has an admin. <Link to="/login">Sign in</Link>.
        </p>
      )}
      {!token && setup.data?.needed && (
        <p className="notice warn">
          This page needs the setup link the API printed when it started (it ends in{' '}
          <code>#token=…</code>). Copy the whole link from the API&apos;s log.
        </p>
      )}
      {setup.data?.needed && token && (
        <form
          className="card"
          onSubmit={(event) => {
            event.preventDefault();
            if (password !== repeat) {
              setError(new Error('The two passwords differ.'));
              return;
            }
            setPending(true);
            setError(null);
            api
              .post('/auth/setup', { token, username, password }, { expectUnauthenticated: true })
              .then(async () => {
                // The fragment has done its job; it must not stay in the history.
                window.history.replaceState(null, '', window.location.pathname);
                setDone(true);
                await login(username, password);
                navigate('/bots', { replace: true });
              })
              .catch((failure: unknown) => setError(failure))
              .finally(() => setPending(false));
          }}
        >
          <div className="field">
            <label htmlFor="setup-username">Username</label>
            <input
              id="setup-username"
              autoComplete="username"
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="setup-password">Password</label>
            <input
              id="setup-password"
              type="password"
              autoComplete="new-password"
              aria-describedby="setup-password-hint"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              required
            />
            <span className="hint" id="setup-password-hint">
              At least 10 characters.
            </span>
          </div>
          <div className="field">
            <label htmlFor="setup-repeat">Password again</label>
            <input
              id="setup-repeat"
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={(event) => setRepeat(event.target.value)}
              required
            />
          </div>
          <ErrorNotice error={error} />
          <button type="submit" className="primary" disabled={pending}>
            {pending ? 'Creating…' : 'Create admin and sign in'}
          </button>
        </form>
      )}
      {done && (
        <p className="notice ok" role="status">
          Admin created. <Link to="/bots">Go to your bots</Link>.
        </p>
      )}
    </main>
  );
}
