import { Link, useParams } from 'react-router';
import type { ExtractedEntity, ParseResult, ToolCallOutcome } from '../../api/types';
import { percent } from '../../ui/format';

/** The message with the entities found in it highlighted (spans are UTF-16 offsets). */
export function HighlightedMessage({
  text,
  entities,
}: {
  text: string;
  entities: ExtractedEntity[];
}) {
  const sorted = [...entities]
    .filter((e) => e.begin >= 0 && e.end <= text.length && e.end > e.begin)
    .sort((a, b) => a.begin - b.begin);
  const parts: Array<{ text: string; entity?: ExtractedEntity }> = [];
  let at = 0;
  for (const entity of sorted) {
    if (entity.begin < at) continue;
    if (entity.begin > at) parts.push({ text: text.slice(at, entity.begin) });
    parts.push({ text: text.slice(entity.begin, entity.end), entity });
    at = entity.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return (
    <p className="mono" style={{ whiteSpace: 'pre-wrap' }}>
      {parts.map((part, index) =>
        part.entity ? (
          <mark key={index} className="entity-mark" title={part.entity.name}>
            {part.text}
            <span className="small"> ({part.entity.name})</span>
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export interface NluDetailsProps {
  text: string;
  nlu: ParseResult | null;
  intentId: string | null;
  fellBack: boolean;
  parameters?: Record<string, unknown>;
  missingParameters?: string[];
  toolCall?: ToolCallOutcome | null;
  error?: string | null;
  threshold?: number;
}

/** Why the bot answered as it did: ranking, entities, slots, tool call and the answering intent. */
export function NluDetails(props: NluDetailsProps) {
  const { text, nlu, intentId, fellBack, parameters = {}, missingParameters = [] } = props;
  const { botId } = useParams();
  return (
    <div className="stack">
      <h3>Message</h3>
      <HighlightedMessage text={text} entities={nlu?.entities ?? []} />
      <p>
        Answered by <strong>{intentId ?? 'a clarifying question'}</strong>
        {fellBack && <span className="badge warn"> fell back</span>}
        {intentId && botId && (
          <span className="small">
            {' '}
            — with one of{' '}
            <Link to={`/bots/${botId}/intents/${intentId}`}>the responses of “{intentId}”</Link>
          </span>
        )}
      </p>
      {nlu ? (
        <>
          <h3>Intent ranking</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">Intent</th>
                <th scope="col" className="num">
                  Confidence
                </th>
              </tr>
            </thead>
            <tbody>
              {nlu.ranking.map((row) => (
                <tr key={row.name}>
                  <td>
                    {row.name}
                    {props.threshold !== undefined && row.confidence < props.threshold && (
                      <span className="muted small"> (below threshold)</span>
                    )}
                  </td>
                  <td className="num">
                    <meter min={0} max={1} value={row.confidence} aria-hidden="true" />{' '}
                    {percent(row.confidence)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Entities</h3>
          {nlu.entities.length === 0 ? (
            <p className="muted">None found.</p>
          ) : (
            <ul>
              {nlu.entities.map((entity, index) => (
                <li key={index}>
                  <code>{entity.name}</code> = {show(entity.value)} (“{entity.raw}”, {entity.begin}–
                  {entity.end}
                  {entity.extractor ? `, ${entity.extractor}` : ''}
                  {typeof entity.confidence === 'number' ? `, ${percent(entity.confidence)}` : ''})
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p className="muted">No NLU for this message (a forced intent or a slot answer).</p>
      )}
      <h3>Slots</h3>
      {Object.keys(parameters).length === 0 && missingParameters.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul>
          {Object.entries(parameters).map(([name, value]) => (
            <li key={name}>
              <code>{name}</code> = {show(value)}
            </li>
          ))}
          {missingParameters.map((name) => (
            <li key={name}>
              <code>{name}</code> <span className="badge warn">missing</span>
            </li>
          ))}
        </ul>
      )}
      {props.toolCall && (
        <>
          <h3>Tool call</h3>
          <p>
            <code>
              {props.toolCall.method} {props.toolCall.url}
            </code>{' '}
            →{' '}
            {props.toolCall.ok ? (
              <span className="badge ok">{props.toolCall.status}</span>
            ) : (
              <span className="badge danger">
                {props.toolCall.status ?? props.toolCall.code ?? 'failed'}
              </span>
            )}{' '}
            <span className="muted">{props.toolCall.durationMs} ms</span>
          </p>
          {props.toolCall.error && <p className="notice error">{props.toolCall.error}</p>}
        </>
      )}
      {props.error && (
        <p className="notice error">
          <strong>Error (not shown to the user):</strong> {props.error}
        </p>
      )}
    </div>
  );
}
