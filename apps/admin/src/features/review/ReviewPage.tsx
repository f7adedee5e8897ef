import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { enc, keys } from '../../api/queries';
import type { Turn } from '../../api/types';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate, percent } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { TrainPanel } from '../models/TrainPanel';
import { AddToIntent } from '../nlu/AddToIntent';

/**
 * "Needs review": what the bot did not understand well. Choose the intent a message belongs
 * to and add it (with the entities found) as an example; then train.
 */
export default function ReviewPage() {
  const { botId = '' } = useParams();
  const api = useApi();
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [done, setDone] = useState<Set<string>>(new Set());
  const [added, setAdded] = useState('');
  const cursor = cursors.at(-1) ?? null;
  const inbox = useQuery({
    queryKey: [...keys.review(botId), cursor],
    queryFn: () =>
      api.get<{ threshold: number; turns: Turn[]; nextCursor: string | null }>(
        `/admin/bots/${enc(botId)}/review`,
        { query: { cursor, limit: 20 } },
      ),
    placeholderData: keepPreviousData,
  });
  const turns = inbox.data?.turns.filter((turn) => !done.has(`${turn.threadId}:${turn.seq}`));

  return (
    <>
      <div className="page-head">
        <h1>Needs review</h1>
      </div>
      <p className="muted">
        Messages that fell back, or were answered with a confidence below the threshold
        {inbox.data ? ` (${inbox.data.threshold})` : ''}, and are not training examples yet.
      </p>
      <TrainPanel botId={botId} />
      <p role="status" className={added ? 'notice ok' : 'visually-hidden'}>
        {added}
      </p>
      {inbox.isPending && <Loading what="Loading the inbox" />}
      <ErrorNotice error={inbox.error} title="Could not load the inbox" />
      {turns && turns.length === 0 && <p>Nothing to review. 🎉</p>}
      <ul className="stack" style={{ listStyle: 'none', padding: 0 }}>
        {turns?.map((turn) => (
          <li key={`${turn.threadId}:${turn.seq}`} className="card">
            <p className="small muted">
              {formatDate(turn.at)} · {turn.channel} ·{' '}
              <Link to={`/bots/${botId}/conversations/${encodeURIComponent(turn.threadId)}`}>
                conversation
              </Link>{' '}
              · {turn.fellBack ? 'fell back' : `answered by ${turn.intentId}`}
              {turn.nlu &&
                ` · best guess ${turn.nlu.intent.name} at ${percent(turn.nlu.intent.confidence)}`}
            </p>
            <AddToIntent
              botId={botId}
              text={turn.userText}
              entities={turn.nlu?.entities ?? []}
              suggestedIntent={turn.nlu?.ranking.find((r) => r.name !== 'fallback')?.name ?? null}
              onAdded={(intentId) => {
                setDone((set) => new Set(set).add(`${turn.threadId}:${turn.seq}`));
                setAdded(`Added “${turn.userText}” to ${intentId}. Train to use it.`);
              }}
            />
          </li>
        ))}
      </ul>
      <nav className="row" aria-label="Pages">
        <button
          type="button"
          disabled={cursors.length <= 1}
          onClick={() => setCursors((list) => list.slice(0, -1))}
        >
          Previous page
        </button>
        <button
          type="button"
          disabled={!inbox.data?.nextCursor}
          onClick={() => {
            const next = inbox.data?.nextCursor;
            if (next) setCursors((list) => [...list, next]);
          }}
        >
          Next page
        </button>
      </nav>
    </>
  );
}
