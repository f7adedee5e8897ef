import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { enc, keys, useEntities, useSystemEntities } from '../../api/queries';
import type { EntityDefinition } from '../../api/types';
import { ConfirmDelete } from '../../ui/ConfirmDelete';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { WriteButton } from '../../ui/WriteButton';
import { SYSTEM_ENTITY_HELP } from './system-entities';

export default function EntitiesPage() {
  const { botId = '' } = useParams();
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const entities = useEntities(botId);
  const system = useSystemEntities();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [deleting, setDeleting] = useState<EntityDefinition | null>(null);
  const create = useMutation({
    mutationFn: () =>
      api.post<EntityDefinition>(`/admin/bots/${enc(botId)}/entities`, { name: name.trim() }),
    onSuccess: (entity) => {
      void queryClient.invalidateQueries({ queryKey: keys.entities(botId) });
      navigate(`/bots/${botId}/entities/${entity.name}`);
    },
  });
  const remove = useMutation({
    mutationFn: (entity: EntityDefinition) =>
      api.delete(`/admin/bots/${enc(botId)}/entities/${enc(entity.name)}`),
    onSuccess: () => {
      setDeleting(null);
      void queryClient.invalidateQueries({ queryKey: keys.entities(botId) });
    },
  });

  return (
    <>
      <div className="page-head">
        <h1>Entities</h1>
        <div className="actions">
          <WriteButton type="button" className="primary" onClick={() => setCreating(true)}>
            New entity
          </WriteButton>
        </div>
      </div>
      {entities.isPending && <Loading what="Loading entities" />}
      <ErrorNotice error={entities.error} />
      {entities.data && entities.data.length === 0 && (
        <p>No entities yet. An entity is a kind of thing people mention: a city, a product…</p>
      )}
      {entities.data && entities.data.length > 0 && (
        <table>
          <caption className="visually-hidden">The bot's entities</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="num">
                Values
              </th>
              <th scope="col" className="num">
                Synonyms
              </th>
              <th scope="col" className="num">
                Patterns
              </th>
              <th scope="col">Fuzzy</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entities.data.map((entity) => (
              <tr key={entity.name}>
                <td>
                  <Link to={`/bots/${botId}/entities/${entity.name}`}>{entity.name}</Link>
                </td>
                <td className="num">{entity.values.length}</td>
                <td className="num">
                  {entity.values.reduce((sum, value) => sum + value.synonyms.length, 0)}
                </td>
                <td className="num">{entity.patterns.length}</td>
                <td>{entity.fuzzy ? 'yes' : 'no'}</td>
                <td>
                  <WriteButton
                    type="button"
                    onClick={() => setDeleting(entity)}
                    aria-label={`Delete ${entity.name}`}
                  >
                    Delete
                  </WriteButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>System entities</h2>
      <p className="muted">
        Found in any message without training; a parameter of this type is filled with the resolved
        value.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Finds</th>
            <th scope="col">Resolves to</th>
          </tr>
        </thead>
        <tbody>
          {(system.data ?? []).map((name) => (
            <tr key={name}>
              <td className="mono">{name}</td>
              <td>{SYSTEM_ENTITY_HELP[name]?.finds ?? ''}</td>
              <td>{SYSTEM_ENTITY_HELP[name]?.value ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {creating && (
        <Dialog open title="New entity" onClose={() => setCreating(false)}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              create.mutate();
            }}
          >
            <div className="field">
              <label htmlFor="entity-name">Name</label>
              <input
                id="entity-name"
                value={name}
                onChange={(event) => setName(event.target.value)}
                aria-describedby="entity-name-hint"
                required
                autoFocus
              />
              <span className="hint" id="entity-name-hint">
                Letters, digits, _ and -, starting with a letter (e.g. city, order_number).
              </span>
            </div>
            <ErrorNotice error={create.error} />
            <div className="dialog-actions">
              <button type="button" onClick={() => setCreating(false)}>
                Cancel
              </button>
              <button type="submit" className="primary" disabled={create.isPending}>
                Create entity
              </button>
            </div>
          </form>
        </Dialog>
      )}
      {deleting && (
        <ConfirmDelete
          open
          what="entity"
          name={deleting.name}
          consequence="An entity used by an intent's parameters or tags cannot be deleted."
          onConfirm={() => remove.mutate(deleting)}
          onClose={() => setDeleting(null)}
          pending={remove.isPending}
          error={remove.error}
        />
      )}
    </>
  );
}
