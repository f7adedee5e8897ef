import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { enc, keys, useBot } from '../../api/queries';
import type { Turn } from '../../api/types';
import { ConfirmDelete } from '../../ui/ConfirmDelete';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { WriteButton } from '../../ui/WriteButton';
import { AddToIntent } from '../nlu/AddToIntent';
import { NluDetails } from '../nlu/NluDetails';

/** One conversation's transcript, each message with its NLU details. */
export default function ThreadPage() {
  const { botId = '', threadId = '' } = useParams();
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const bot = useBot(botId);
  const [deleting, setDeleting] = useState(false);
  const thread = useQuery({
    queryKey: keys.thread(botId, threadId),
    queryFn: () =>
      api.get<{ threadId: string; turns: Turn[] }>(
        `/admin/bots/${enc(botId)}/threads/${enc(threadId)}`,
        { query: { limit: 1000 } },
      ),
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/admin/bots/${enc(botId)}/threads/${enc(threadId)}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.threads(botId) });
      navigate(`/bots/${botId}/conversations`);
    },
  });

  return (
    <>
      <div className="page-head">
        <h1>Conversation {threadId}</h1>
        <div className="actions">
          <WriteButton type="button" onClick={() => setDeleting(true)}>
            Delete conversation
          </WriteButton>
        </div>
      </div>
      {thread.isPending && <Loading what="Loading the conversation" />}
      <ErrorNotice error={thread.error} title="Could not load the conversation" />
      {thread.data && (
        <ol className="stack" style={{ listStyle: 'none', padding: 0 }}>
          {thread.data.turns.map((turn) => (
            <li key={turn.seq} className="card">
              <div className="row">
                <span className="muted small">
                  {formatDate(turn.at)} · {turn.channel} · {turn.latencyMs} ms
                </span>
              </div>
              <div className="chat" style={{ maxHeight: 'none' }}>
                <div className="bubble user">{turn.userText}</div>
                {turn.messages.map((message, index) => (
                  <div key={index} className="bubble bot">
                    {message.text}
                  </div>
                ))}
              </div>
              <details>
                <summary>
                  NLU details: {turn.intentId ?? 'no intent'}
                  {turn.nlu && ` (${Math.round(turn.nlu.intent.confidence * 100)} %)`}
                  {turn.fellBack && ' — fell back'}
                </summary>
                <NluDetails
                  text={turn.userText}
                  nlu={turn.nlu}
                  intentId={turn.intentId}
                  fellBack={turn.fellBack}
                  parameters={turn.parameters}
                  toolCall={turn.toolCall}
                  error={turn.error}
                  threshold={bot.data?.nlu.threshold}
                />
                <h3>Teach the bot</h3>
                <AddToIntent
                  botId={botId}
                  text={turn.userText}
                  entities={turn.nlu?.entities ?? []}
                  suggestedIntent={turn.fellBack ? null : turn.intentId}
                />
              </details>
            </li>
          ))}
        </ol>
      )}
      {deleting && (
        <ConfirmDelete
          open
          what="conversation"
          name={threadId}
          consequence="Its messages and state are deleted."
          onConfirm={() => remove.mutate()}
          onClose={() => setDeleting(false)}
          pending={remove.isPending}
          error={remove.error}
        />
      )}
    </>
  );
}
