import { NavLink, Outlet, useMatch, useNavigate } from 'react-router';
import { useConnectionProblem } from '../api/connection-status';
import { useBots } from '../api/queries';
import { usePermissions, useSession, VIEWER_REASON } from '../auth/session';
import { ErrorNotice } from '../ui/ErrorNotice';

const BOT_SCREENS: Array<[string, string]> = [
  ['intents', 'Intents'],
  ['entities', 'Entities'],
  ['models', 'Train & models'],
  ['try', 'Try it'],
  ['conversations', 'Conversations'],
  ['review', 'Needs review'],
  ['settings', 'Settings'],
  ['channels', 'Channels'],
  ['data', 'Import & export'],
];

/** Header with the bot picker and the user, a navigation per bot, and the screen. */
export function Shell() {
  const { state, logout } = useSession();
  const { role } = usePermissions();
  const bots = useBots();
  const offline = useConnectionProblem();
  const navigate = useNavigate();
  const match = useMatch('/bots/:botId/*');
  const botId = match?.params.botId;
  const screen = match?.params['*']?.split('/')[0] || 'intents';
  const username = state.status === 'signed-in' ? state.session.user.username : '';

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <NavLink to="/bots" className="brand">
          Parley
        </NavLink>
        <label>
          Bot
          <select
            value={botId ?? ''}
            onChange={(event) => {
              if (event.target.value) navigate(`/bots/${event.target.value}/${screen}`);
            }}
          >
            <option value="">Choose a bot…</option>
            {bots.data?.map((bot) => (
              <option key={bot.id} value={bot.id}>
                {bot.name} ({bot.id})
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <span>
          {username} <span className="badge">{role}</span>
        </span>
        <button type="button" onClick={() => void logout()}>
          Sign out
        </button>
      </header>
      <div className="layout">
        <nav className="sidebar" aria-label="Screens">
          <ul>
            <li>
              <NavLink to="/bots" end>
                All bots
              </NavLink>
            </li>
          </ul>
          {botId && (
            <>
              <p className="section-title" id="bot-nav-title">
                {bots.data?.find((bot) => bot.id === botId)?.name ?? botId}
              </p>
              <ul aria-labelledby="bot-nav-title">
                {BOT_SCREENS.map(([path, label]) => (
                  <li key={path}>
                    <NavLink to={`/bots/${botId}/${path}`}>{label}</NavLink>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="section-title">Workspace</p>
          <ul>
            <li>
              <NavLink to="/access">Users, keys & audit</NavLink>
            </li>
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          {offline && <ErrorNotice error={offline} />}
          {role === 'viewer' && (
            <p className="notice info" id="viewer-reason">
              Read-only. {VIEWER_REASON}
            </p>
          )}
          {bots.error ? <ErrorNotice error={bots.error} title="Could not load the bots" /> : null}
          <Outlet />
        </main>
      </div>
    </>
  );
}
