import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/api-context';
import { enc, keys, useBots } from '../../api/queries';
import type { Bot } from '../../api/types';
import { ConfirmDelete } from '../../ui/ConfirmDelete';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice, fieldError } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { WriteButton } from '../../ui/WriteButton';

export default function BotsPage() {
  const bots = useBots();
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<Bot | null>(null);
  const [deleting, setDeleting] = useState<Bot | null>(null);

  return (
    <>
      <div className="page-head">
        <h1>Bots</h1>
        <div className="actions">
          <WriteButton type="button" className="primary" onClick={() => setCreating(true)}>
            New bot
          </WriteButton>
        </div>
      </div>
      {bots.isPending && <Loading what="Loading bots" />}
      {bots.data && bots.data.length === 0 && <p>No bots yet. Create one to start.</p>}
      {bots.data && bots.data.length > 0 && (
        <table>
          <caption className="visually-hidden">Your bots</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Id</th>
              <th scope="col">Language</th>
              <th scope="col">NLU</th>
              <th scope="col">Trained</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {bots.data.map((bot) => (
              <tr key={bot.id}>
                <td>
                  <Link to={`/bots/${bot.id}/intents`}>{bot.name}</Link>
                </td>
                <td className="mono">{bot.id}</td>
                <td>{bot.language}</td>
                <td>{bot.nlu.pipeline}</td>
                <td>{bot.activeModelId ? 'yes' : 'not yet'}</td>
                <td>
                  <div className="row">
                    <WriteButton
                      type="button"
                      onClick={() => setRenaming(bot)}
                      aria-label={`Rename ${bot.name}`}
                    >
                      Rename
                    </WriteButton>
                    <WriteButton
                      type="button"
                      onClick={() => setDeleting(bot)}
                      aria-label={`Delete ${bot.name}`}
                    >
                      Delete
                    </WriteButton>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating && <CreateBotDialog onClose={() => setCreating(false)} />}
      {renaming && <RenameBotDialog bot={renaming} onClose={() => setRenaming(null)} />}
      {deleting && <DeleteBotDialog bot={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}

function CreateBotDialog({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const create = useMutation({
    mutationFn: () => api.post<Bot>('/admin/bots', { name, ...(id && { id }) }),
    onSuccess: (bot) => {
      void queryClient.invalidateQueries({ queryKey: keys.bots });
      onClose();
      navigate(`/bots/${bot.id}/intents`);
    },
  });
  return (
    <Dialog open title="New bot" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <div className="field">
          <label htmlFor="bot-name">Name</label>
          <input
            id="bot-name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            autoFocus
            aria-invalid={Boolean(fieldError(create.error, 'name'))}
          />
        </div>
        <div className="field">
          <label htmlFor="bot-id">Id (optional)</label>
          <input
            id="bot-id"
            value={id}
            onChange={(event) => setId(event.target.value.toLowerCase())}
            aria-describedby="bot-id-hint"
            pattern="[a-z0-9][a-z0-9_\-]{0,63}"
          />
          <span className="hint" id="bot-id-hint">
            Used in URLs and API calls: lower-case letters, digits, _ and -. Made for you when
            empty.
          </span>
        </div>
        <ErrorNotice error={create.error} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={create.isPending}>
            Create bot
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function RenameBotDialog({ bot, onClose }: { bot: Bot; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [name, setName] = useState(bot.name);
  const rename = useMutation({
    mutationFn: () => api.patch<Bot>(`/admin/bots/${enc(bot.id)}`, { name }),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.bot(bot.id), updated);
      void queryClient.invalidateQueries({ queryKey: keys.bots });
      onClose();
    },
  });
  return (
    <Dialog open title={`Rename ${bot.name}`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          rename.mutate();
        }}
      >
        <div className="field">
          <label htmlFor="rename-bot">Name</label>
          <input
            id="rename-bot"
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            autoFocus
          />
        </div>
        <ErrorNotice error={rename.error} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={rename.isPending}>
            Save name
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function DeleteBotDialog({ bot, onClose }: { bot: Bot; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.delete(`/admin/bots/${enc(bot.id)}`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: keys.bot(bot.id) });
      void queryClient.invalidateQueries({ queryKey: keys.bots });
      onClose();
    },
  });
  return (
    <ConfirmDelete
      open
      what="bot"
      name={bot.id}
      consequence="Its intents, entities, channels, conversations and models are deleted with it. This cannot be undone."
      onConfirm={() => remove.mutate()}
      onClose={onClose}
      pending={remove.isPending}
      error={remove.error}
    />
  );
}
