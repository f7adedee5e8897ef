import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { enc, keys, useBots } from '../../api/queries';
import type { ApiKeyRecord, AuditEntry, Role, User } from '../../api/types';
import { usePermissions, useSession } from '../../auth/session';
import { ConfirmDelete } from '../../ui/ConfirmDelete';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { CopyField } from '../channels/CopyField';

export default function AccessPage() {
  const { canWrite } = usePermissions();
  return (
    <>
      <div className="page-head">
        <h1>Users, keys & audit</h1>
      </div>
      {canWrite ? (
        <>
          <Users />
          <ApiKeys />
        </>
      ) : (
        <p className="notice info">Only admins see users and API keys.</p>
      )}
      <Audit />
    </>
  );
}

function Users() {
  const api = useApi();
  const queryClient = useQueryClient();
  const { state } = useSession();
  const me = state.status === 'signed-in' ? state.session.user.id : null;
  const users = useQuery({
    queryKey: keys.users,
    queryFn: async () => (await api.get<{ users: User[] }>('/admin/users')).users,
  });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [deleting, setDeleting] = useState<User | null>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.users }),
      queryClient.invalidateQueries({ queryKey: keys.audit }),
    ]);
  const create = useMutation({
    mutationFn: () => api.post<User>('/admin/users', { username, password, role }),
    onSuccess: () => {
      setUsername('');
      setPassword('');
      void refresh();
    },
  });
  const changeRole = useMutation({
    mutationFn: ({ user, role }: { user: User; role: Role }) =>
      api.patch<User>(`/admin/users/${enc(user.id)}`, { role }),
    onSuccess: () => void refresh(),
  });
  const remove = useMutation({
    mutationFn: (user: User) => api.delete(`/admin/users/${enc(user.id)}`),
    onSuccess: () => {
      setDeleting(null);
      void refresh();
    },
  });
  return (
    <section className="card" aria-labelledby="users-title">
      <h2 id="users-title" style={{ marginTop: 0 }}>
        Users
      </h2>
      {users.isPending && <Loading what="Loading users" />}
      <ErrorNotice error={users.error} />
      <ErrorNotice error={changeRole.error} title="The role was not changed" />
      {users.data && (
        <table>
          <thead>
            <tr>
              <th scope="col">Username</th>
              <th scope="col">Role</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => (
              <tr key={user.id}>
                <td>
                  {user.username} {user.id === me && <span className="badge">you</span>}
                </td>
                <td>
                  <select
                    aria-label={`Role of ${user.username}`}
                    value={user.role}
                    disabled={user.id === me}
                    onChange={(event) =>
                      changeRole.mutate({ user, role: event.target.value as Role })
                    }
                  >
                    <option value="admin">admin</option>
                    <option value="viewer">viewer</option>
                  </select>
                </td>
                <td>{formatDate(user.createdAt)}</td>
                <td>
                  <button
                    type="button"
                    disabled={user.id === me}
                    onClick={() => setDeleting(user)}
                    aria-label={`Delete user ${user.username}`}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="row"
        style={{ marginTop: 12 }}
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <div className="field">
          <label htmlFor="new-username">Username</label>
          <input
            id="new-username"
            autoComplete="off"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="new-password">Password (10+ characters)</label>
          <input
            id="new-password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="new-role">Role</label>
          <select
            id="new-role"
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
          >
            <option value="viewer">viewer (reads only)</option>
            <option value="admin">admin</option>
          </select>
        </div>
        <div className="field">
          <button type="submit" className="primary" disabled={create.isPending}>
            Create user
          </button>
        </div>
      </form>
      <ErrorNotice error={create.error} title="The user was not created" />
      {deleting && (
        <ConfirmDelete
          open
          what="user"
          name={deleting.username}
          consequence="Their sessions end at once."
          onConfirm={() => remove.mutate(deleting)}
          onClose={() => setDeleting(null)}
          pending={remove.isPending}
          error={remove.error}
        />
      )}
    </section>
  );
}

function ApiKeys() {
  const api = useApi();
  const queryClient = useQueryClient();
  const apiKeys = useQuery({
    queryKey: keys.apiKeys,
    queryFn: async () =>
      (
        await api.get<{ apiKeys: Array<ApiKeyRecord & { revokedAt?: string | null }> }>(
          '/admin/api-keys',
        )
      ).apiKeys,
  });
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.apiKeys }),
      queryClient.invalidateQueries({ queryKey: keys.audit }),
    ]);
  const create = useMutation({
    mutationFn: () => api.post<ApiKeyRecord & { key: string }>('/admin/api-keys', { name, role }),
    onSuccess: (record) => {
      setCreated({ name: record.name, key: record.key });
      setName('');
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/admin/api-keys/${enc(id)}`),
    onSuccess: () => void refresh(),
  });
  return (
    <section className="card" aria-labelledby="keys-title">
      <h2 id="keys-title" style={{ marginTop: 0 }}>
        Admin API keys
      </h2>
      {apiKeys.isPending && <Loading what="Loading keys" />}
      <ErrorNotice error={apiKeys.error} />
      <ErrorNotice error={revoke.error} title="The key was not revoked" />
      {apiKeys.data && apiKeys.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Role</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {apiKeys.data.map((key) => (
              <tr key={key.id}>
                <td>{key.name}</td>
                <td className="mono">{key.prefix}…</td>
                <td>{key.role}</td>
                <td>{formatDate(key.createdAt)}</td>
                <td>{formatDate(key.lastUsedAt ?? null)}</td>
                <td>
                  {key.revokedAt ? (
                    <span className="badge">revoked</span>
                  ) : (
                    <button
                      type="button"
                      onClick={() => revoke.mutate(key.id)}
                      aria-label={`Revoke key ${key.name}`}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="row"
        style={{ marginTop: 12 }}
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <div className="field">
          <label htmlFor="key-name">Name</label>
          <input
            id="key-name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="key-role">Role</label>
          <select
            id="key-role"
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
          >
            <option value="viewer">viewer</option>
            <option value="admin">admin</option>
          </select>
        </div>
        <div className="field">
          <button type="submit" className="primary" disabled={create.isPending}>
            Create key
          </button>
        </div>
      </form>
      <ErrorNotice error={create.error} title="The key was not created" />
      {created && (
        <div className="notice warn" role="status">
          <strong>Copy the key “{created.name}” now: it is shown only once.</strong>
          <CopyField label="API key" value={created.key} />
        </div>
      )}
    </section>
  );
}

function Audit() {
  const api = useApi();
  const bots = useBots();
  const [botId, setBotId] = useState('');
  const [action, setAction] = useState('');
  const [pages, setPages] = useState<Array<string | null>>([null]);
  const before = pages.at(-1) ?? null;
  const audit = useQuery({
    queryKey: [...keys.audit, botId, before],
    queryFn: async () =>
      (
        await api.get<{ entries: AuditEntry[] }>('/admin/audit', {
          query: { botId, before, limit: 50 },
        })
      ).entries,
  });
  const shown = audit.data?.filter(
    (entry) =>
      !action ||
      entry.action.includes(action) ||
      entry.actor.name.toLowerCase().includes(action.toLowerCase()),
  );
  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title" style={{ marginTop: 0 }}>
        Audit log
      </h2>
      <div className="row">
        <div className="field">
          <label htmlFor="audit-bot">Bot</label>
          <select
            id="audit-bot"
            value={botId}
            onChange={(event) => {
              setBotId(event.target.value);
              setPages([null]);
            }}
          >
            <option value="">All</option>
            {bots.data?.map((bot) => (
              <option key={bot.id} value={bot.id}>
                {bot.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-action">Action or who</label>
          <input
            id="audit-action"
            type="search"
            value={action}
            placeholder="intent.update, ann…"
            onChange={(event) => setAction(event.target.value)}
          />
        </div>
      </div>
      {audit.isPending && <Loading what="Loading the audit log" />}
      <ErrorNotice error={audit.error} />
      {shown && (
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((entry, index) => (
              <tr key={`${entry.at}-${index}`}>
                <td>{formatDate(entry.at)}</td>
                <td>
                  {entry.actor.name} <span className="muted small">({entry.actor.kind})</span>
                </td>
                <td className="mono">{entry.action}</td>
                <td className="mono">{entry.target}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="row" aria-label="Audit pages">
        <button
          type="button"
          disabled={pages.length <= 1}
          onClick={() => setPages((p) => p.slice(0, -1))}
        >
          Newer
        </button>
        <button
          type="button"
          disabled={!audit.data || audit.data.length < 50}
          onClick={() => {
            const last = audit.data?.at(-1);
            if (last) setPages((p) => [...p, last.at]);
          }}
        >
          Older
        </button>
      </nav>
    </section>
  );
}
