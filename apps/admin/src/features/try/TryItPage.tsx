import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { enc, useBot } from '../../api/queries';
import type { ChatReply, Turn } from '../../api/types';
import { usePermissions } from '../../auth/session';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ModelStatusBadge } from '../models/ModelStatusBadge';
import { AddToIntent } from '../nlu/AddToIntent';
import { NluDetails } from '../nlu/NluDetails';

interface Exchange {
  id: number;
  text: string;
  reply: ChatReply;
  turn: Turn | null;
}

function newThreadId(): string {
  return `try-${crypto.randomUUID()}`;
}

/** Test chat: talk to the bot as a user would, with the NLU details beside each reply. */
export default function TryItPage() {
  const { botId = '' } = useParams();
  const api = useApi();
  const bot = useBot(botId);
  const { canWrite, reason } = usePermissions();
  const [threadId, setThreadId] = useState(newThreadId);
  const [exchanges, setExchanges] = useState<Exchange[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [text, setText] = useState('');
  const logRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const send = useMutation({
    mutationFn: async (message: string) => {
      const reply = await api.post<ChatReply>(`/admin/bots/${enc(botId)}/test-chat`, {
        threadId,
        text: message,
      });
      // The logged turn has what the reply leaves out (the tool call, template errors).
      const turn = await api
        .get<{ turns: Turn[] }>(`/admin/bots/${enc(botId)}/threads/${enc(reply.threadId)}`, {
          query: { afterSeq: Math.max(0, reply.seq - 1), limit: 1 },
        })
        .then((page) => page.turns[0] ?? null)
        .catch(() => null);
      return { text: message, reply, turn };
    },
    onSuccess: (exchange) => {
      setExchanges((list) => {
        const next = [...list, { ...exchange, id: list.length }];
        setSelected(next.length - 1);
        return next;
      });
    },
  });

  useEffect(() => {
    logRef.current?.scrollTo({ top: logRef.current.scrollHeight });
  }, [exchanges]);

  const submit = (message: string) => {
    if (!message.trim() || send.isPending) return;
    send.mutate(message.trim());
    setText('');
  };
  const current = selected !== null ? exchanges[selected] : undefined;

  return (
    <>
      <div className="page-head">
        <h1>Try it</h1>
        <ModelStatusBadge botId={botId} />
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              setThreadId(newThreadId());
              setExchanges([]);
              setSelected(null);
              inputRef.current?.focus();
            }}
          >
            New conversation
          </button>
        </div>
      </div>
      <div className="columns">
        <section aria-label="Test chat">
          <div
            ref={logRef}
            className="chat"
            role="log"
            aria-label="Conversation"
            aria-live="polite"
          >
            {exchanges.length === 0 && (
              <p className="muted">
                Say something to the bot. Select a message to see why it answered so.
              </p>
            )}
            {exchanges.map((exchange, index) => (
              <div key={exchange.id} className="stack">
                <button
                  type="button"
                  className={`bubble user${selected === index ? ' selected' : ''}`}
                  aria-pressed={selected === index}
                  aria-label={`You: ${exchange.text}. Show details`}
                  onClick={() => setSelected(index)}
                >
                  {exchange.text}
                </button>
                {exchange.reply.messages.map((message, m) => (
                  <div key={m} className="bubble bot">
                    {message.text}
                    {message.quickReplies && message.quickReplies.length > 0 && (
                      <div className="row" style={{ marginTop: 6 }}>
                        {message.quickReplies.map((reply) => (
                          <button
                            type="button"
                            key={reply.title}
                            onClick={() => submit(reply.payload ?? reply.title)}
                            disabled={index !== exchanges.length - 1}
                          >
                            {reply.title}
                          </button>
                        ))}
                      </div>
                    )}
                  </div>
                ))}
              </div>
            ))}
            {send.isPending && (
              <p className="muted" role="status">
                The bot is thinking…
              </p>
            )}
          </div>
          <ErrorNotice error={send.error} title="The message was not answered" />
          <form
            className="row"
            onSubmit={(event) => {
              event.preventDefault();
              submit(text);
            }}
          >
            <div className="field" style={{ flex: 1 }}>
              <label htmlFor="try-message">Message</label>
              <input
                id="try-message"
                ref={inputRef}
                value={text}
                autoComplete="off"
                onChange={(event) => setText(event.target.value)}
              />
            </div>
            <div className="field">
              <button type="submit" className="primary" disabled={send.isPending || !text.trim()}>
                Send
              </button>
            </div>
          </form>
          {!canWrite && <p className="small muted">{reason}</p>}
        </section>
        <section aria-label="Details of the selected message" className="card">
          {current ? (
            <>
              <NluDetails
                text={current.text}
                nlu={current.reply.nlu}
                intentId={current.reply.intent?.name ?? null}
                fellBack={current.reply.fellBack}
                parameters={current.reply.parameters}
                missingParameters={current.reply.missingParameters}
                toolCall={current.turn?.toolCall}
                error={current.turn?.error}
                threshold={bot.data?.nlu.threshold}
              />
              <h3>Teach the bot</h3>
              <AddToIntent
                key={current.id}
                botId={botId}
                text={current.text}
                entities={current.reply.nlu?.entities ?? []}
                suggestedIntent={current.reply.fellBack ? null : current.reply.intent?.name}
              />
            </>
          ) : (
            <p className="muted">No message selected.</p>
          )}
        </section>
      </div>
    </>
  );
}
