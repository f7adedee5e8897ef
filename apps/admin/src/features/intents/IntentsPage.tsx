import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { enc, keys, useIntentSummaries } from '../../api/queries';
import type { Intent, IntentSummary } from '../../api/types';
import { usePermissions } from '../../auth/session';
import { ConfirmDelete } from '../../ui/ConfirmDelete';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { WriteButton } from '../../ui/WriteButton';
import { ModelStatusBadge } from '../models/ModelStatusBadge';

type SortKey = 'name' | 'intentId' | 'examples' | 'parameters' | 'updatedAt';
const COLUMNS: Array<[SortKey, string, boolean]> = [
  ['name', 'Name', false],
  ['intentId', 'Id', false],
  ['examples', 'Examples', true],
  ['parameters', 'Parameters', true],
  ['updatedAt', 'Last edited', false],
];

export default function IntentsPage() {
  const { botId = '' } = useParams();
  const api = useApi();
  const queryClient = useQueryClient();
  const intents = useIntentSummaries(botId);
  const { canWrite } = usePermissions();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'name', dir: 1 });
  const [deleting, setDeleting] = useState<IntentSummary | null>(null);
  const [message, setMessage] = useState('');

  const rows = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const list = (intents.data ?? []).filter(
      (intent) =>
        !needle ||
        intent.name.toLowerCase().includes(needle) ||
        intent.intentId.toLowerCase().includes(needle),
    );
    return [...list].sort((a, b) => {
      const x = a[sort.key] ?? '';
      const y = b[sort.key] ?? '';
      return (x < y ? -1 : x > y ? 1 : 0) * sort.dir;
    });
  }, [intents.data, query, sort]);

  const duplicate = useMutation({
    mutationFn: async (summary: IntentSummary) => {
      const intent = await api.get<Intent>(
        `/admin/bots/${enc(botId)}/intents/${enc(summary.intentId)}`,
      );
      const taken = new Set(intents.data?.map((i) => i.intentId));
      let id = `${intent.intentId}_copy`;
      for (let n = 2; taken.has(id); n++) id = `${intent.intentId}_copy${n}`;
      return api.post<Intent>(`/admin/bots/${enc(botId)}/intents`, {
        ...intent,
        intentId: id,
        name: `${intent.name} (copy)`,
        userDefined: true,
      });
    },
    onSuccess: (copy) => {
      setMessage(`Created ${copy.name} (${copy.intentId}).`);
      void queryClient.invalidateQueries({ queryKey: keys.intents(botId) });
      void queryClient.invalidateQueries({ queryKey: keys.modelStatus(botId) });
    },
  });
  const remove = useMutation({
    mutationFn: (summary: IntentSummary) =>
      api.delete(`/admin/bots/${enc(botId)}/intents/${enc(summary.intentId)}`),
    onSuccess: (_r, summary) => {
      setDeleting(null);
      setMessage(`Deleted ${summary.name}.`);
      void queryClient.invalidateQueries({ queryKey: keys.intents(botId) });
      void queryClient.invalidateQueries({ queryKey: keys.modelStatus(botId) });
    },
  });

  return (
    <>
      <div className="page-head">
        <h1>Intents</h1>
        <ModelStatusBadge botId={botId} />
        <div className="actions">
          {canWrite ? (
            <Link className="button primary" to={`/bots/${botId}/intents/new`}>
              New intent
            </Link>
          ) : (
            <WriteButton type="button" className="primary">
              New intent
            </WriteButton>
          )}
        </div>
      </div>
      <div className="field" style={{ maxWidth: 360 }}>
        <label htmlFor="search-intents">Search intents</label>
        <input
          id="search-intents"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {message && (
        <p className="notice ok" role="status">
          {message}
        </p>
      )}
      <ErrorNotice error={duplicate.error} title="Could not duplicate" />
      {intents.isPending && <Loading what="Loading intents" />}
      <ErrorNotice error={intents.error} />
      {intents.data && (
        <table>
          <caption className="visually-hidden">Intents, sortable by each column</caption>
          <thead>
            <tr>
              {COLUMNS.map(([key, label, numeric]) => (
                <th
                  key={key}
                  scope="col"
                  className={numeric ? 'num' : undefined}
                  aria-sort={
                    sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : undefined
                  }
                >
                  <button
                    type="button"
                    className="sort"
                    onClick={() =>
                      setSort((s) => ({ key, dir: s.key === key ? (-s.dir as 1 | -1) : 1 }))
                    }
                  >
                    {label}
                    {sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((intent) => (
              <tr key={intent.intentId}>
                <td>
                  <Link to={`/bots/${botId}/intents/${intent.intentId}`}>{intent.name}</Link>
                  {!intent.userDefined && <span className="badge"> built-in</span>}
                </td>
                <td className="mono">{intent.intentId}</td>
                <td className="num">
                  <Link
                    to={`/bots/${botId}/intents/${intent.intentId}/examples`}
                    aria-label={`${intent.examples} examples of ${intent.name}`}
                  >
                    {intent.examples}
                  </Link>
                </td>
                <td className="num">{intent.parameters}</td>
                <td>{formatDate(intent.updatedAt)}</td>
                <td>
                  <div className="row">
                    <WriteButton
                      type="button"
                      onClick={() => duplicate.mutate(intent)}
                      aria-label={`Duplicate ${intent.name}`}
                    >
                      Duplicate
                    </WriteButton>
                    <WriteButton
                      type="button"
                      onClick={() => setDeleting(intent)}
                      aria-label={`Delete ${intent.name}`}
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
      {deleting && (
        <ConfirmDelete
          open
          what="intent"
          name={deleting.intentId}
          consequence={`Its ${deleting.examples} examples are deleted with it.`}
          onConfirm={() => remove.mutate(deleting)}
          onClose={() => setDeleting(null)}
          pending={remove.isPending}
          error={remove.error}
        />
      )}
    </>
  );
}
