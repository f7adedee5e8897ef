import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { enc, keys, useBot, useIntentSummaries } from '../../api/queries';
import type { ThreadSummary } from '../../api/types';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/Loading';

interface Filters {
  from: string;
  to: string;
  channel: string;
  intent: string;
  fellBack: boolean;
  lowConfidence: boolean;
}

const NO_FILTERS: Filters = {
  from: '',
  to: '',
  channel: '',
  intent: '',
  fellBack: false,
  lowConfidence: false,
};
const PAGE = 25;

/** Local date input (YYYY-MM-DD) → the ISO instant at the start of that day, or of the next one. */
function dayStart(value: string, nextDay = false): string | undefined {
  if (!value) return undefined;
  const date = new Date(`${value}T00:00:00`);
  if (nextDay) date.setDate(date.getDate() + 1);
  return date.toISOString();
}

export default function ConversationsPage() {
  const { botId = '' } = useParams();
  const api = useApi();
  const bot = useBot(botId);
  const intents = useIntentSummaries(botId);
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  // Cursors of the pages seen so far: going back needs no server support.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors.at(-1) ?? null;
  const threshold = bot.data?.nlu.threshold;
  const threads = useQuery({
    queryKey: [...keys.threads(botId), filters, cursor, threshold],
    queryFn: () =>
      api.get<{ threads: ThreadSummary[]; nextCursor: string | null }>(
        `/admin/bots/${enc(botId)}/threads`,
        {
          query: {
            from: dayStart(filters.from),
            to: dayStart(filters.to, true),
            channel: filters.channel,
            intent: filters.intent,
            fellBack: filters.fellBack ? 'true' : undefined,
            belowConfidence: filters.lowConfidence ? threshold : undefined,
            cursor,
            limit: PAGE,
          },
        },
      ),
    placeholderData: keepPreviousData,
    enabled: !filters.lowConfidence || threshold !== undefined,
  });

  return (
    <>
      <div className="page-head">
        <h1>Conversations</h1>
        <div className="actions">
          <Link to={`/bots/${botId}/review`}>Needs review</Link>
        </div>
      </div>
      <form
        className="card row"
        aria-label="Filter conversations"
        onSubmit={(event) => {
          event.preventDefault();
          setFilters(draft);
          setCursors([null]);
        }}
      >
        <div className="field">
          <label htmlFor="filter-from">From</label>
          <input
            id="filter-from"
            type="date"
            value={draft.from}
            onChange={(event) => setDraft({ ...draft, from: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="filter-to">To</label>
          <input
            id="filter-to"
            type="date"
            value={draft.to}
            onChange={(event) => setDraft({ ...draft, to: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="filter-channel">Channel</label>
          <select
            id="filter-channel"
            value={draft.channel}
            onChange={(event) => setDraft({ ...draft, channel: event.target.value })}
          >
            <option value="">Any</option>
            <option value="rest">REST</option>
            <option value="widget">Widget</option>
            <option value="messenger">Messenger</option>
            <option value="test">Test chat (admin)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-intent">Intent</label>
          <select
            id="filter-intent"
            value={draft.intent}
            onChange={(event) => setDraft({ ...draft, intent: event.target.value })}
          >
            <option value="">Any</option>
            {intents.data?.map((intent) => (
              <option key={intent.intentId} value={intent.intentId}>
                {intent.name}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.fellBack}
            onChange={(event) => setDraft({ ...draft, fellBack: event.target.checked })}
          />
          Fell back
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.lowConfidence}
            onChange={(event) => setDraft({ ...draft, lowConfidence: event.target.checked })}
          />
          Confidence below the threshold{threshold !== undefined ? ` (${threshold})` : ''}
        </label>
        <div className="field">
          <button type="submit" className="primary">
            Apply filters
          </button>
        </div>
      </form>
      {threads.isPending && <Loading what="Loading conversations" />}
      <ErrorNotice error={threads.error} title="Could not load conversations" />
      {threads.data && threads.data.threads.length === 0 && <p>No conversation matches.</p>}
      {threads.data && threads.data.threads.length > 0 && (
        <table aria-busy={threads.isFetching}>
          <caption className="visually-hidden">Conversations, most recently active first</caption>
          <thead>
            <tr>
              <th scope="col">Thread</th>
              <th scope="col">Started</th>
              <th scope="col">Last message</th>
              <th scope="col" className="num">
                Messages
              </th>
              <th scope="col" className="num">
                Fell back
              </th>
            </tr>
          </thead>
          <tbody>
            {threads.data.threads.map((thread) => (
              <tr key={thread.threadId}>
                <td>
                  <Link to={`/bots/${botId}/conversations/${encodeURIComponent(thread.threadId)}`}>
                    {thread.threadId}
                  </Link>
                </td>
                <td>{formatDate(thread.firstAt)}</td>
                <td>{formatDate(thread.lastAt)}</td>
                <td className="num">{thread.turns}</td>
                <td className="num">{thread.fallbacks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="row" aria-label="Pages" style={{ marginTop: 12 }}>
        <button
          type="button"
          disabled={cursors.length <= 1}
          onClick={() => setCursors((list) => list.slice(0, -1))}
        >
          Previous page
        </button>
        <span className="muted">Page {cursors.length}</span>
        <button
          type="button"
          disabled={!threads.data?.nextCursor}
          onClick={() => {
            const next = threads.data?.nextCursor;
            if (next) setCursors((list) => [...list, next]);
          }}
        >
          Next page
        </button>
      </nav>
    </>
  );
}
