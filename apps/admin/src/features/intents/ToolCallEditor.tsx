import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { enc } from '../../api/queries';
import type { ToolCall } from '../../api/types';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { usePermissions } from '../../auth/session';

export interface TryCallResult {
  request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body: string | null;
  } | null;
  response: {
    status: number | null;
    ok: boolean;
    durationMs: number;
    headers?: Record<string, string>;
    body?: string;
    error?: string;
    code?: string;
  } | null;
  error?: string;
}

const NEW_CALL: ToolCall = {
  method: 'GET',
  url: 'https://',
  headers: [],
  bodyType: 'none',
  body: '',
  timeoutMs: 5000,
};

/** The intent's HTTP tool call (Handlebars in URL, headers and body), and "try this call". */
export function ToolCallEditor({
  botId,
  toolCall,
  onChange,
  sample,
  disabled,
  errorFor,
}: {
  botId: string;
  toolCall: ToolCall | null;
  onChange: (toolCall: ToolCall | null) => void;
  sample: Record<string, string>;
  disabled: boolean;
  errorFor: (path: string) => string | undefined;
}) {
  const api = useApi();
  const { canWrite, reason } = usePermissions();
  const tryIt = useMutation({
    mutationFn: (call: ToolCall) =>
      api.post<TryCallResult>(`/admin/bots/${enc(botId)}/tool-calls/try`, {
        toolCall: call,
        parameters: sample,
      }),
  });
  if (!toolCall) {
    return (
      <fieldset>
        <legend>HTTP tool call</legend>
        <p className="muted small">
          Call an HTTP API once the parameters are collected; responses can use its answer as{' '}
          <code>{'{{result.…}}'}</code>.
        </p>
        <button type="button" disabled={disabled} onClick={() => onChange(NEW_CALL)}>
          Add a tool call
        </button>
      </fieldset>
    );
  }
  const set = (patch: Partial<ToolCall>) => onChange({ ...toolCall, ...patch });
  return (
    <fieldset>
      <legend>HTTP tool call</legend>
      <div className="row">
        <div className="field">
          <label htmlFor="tool-method">Method</label>
          <select
            id="tool-method"
            value={toolCall.method}
            disabled={disabled}
            onChange={(event) => set({ method: event.target.value as ToolCall['method'] })}
          >
            {['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </div>
        <div className="field" style={{ flex: 1 }}>
          <label htmlFor="tool-url">URL</label>
          <input
            id="tool-url"
            className="mono"
            value={toolCall.url}
            disabled={disabled}
            onChange={(event) => set({ url: event.target.value })}
            aria-invalid={Boolean(errorFor('toolCall.url'))}
          />
          <span className="error-text">{errorFor('toolCall.url')}</span>
        </div>
        <div className="field">
          <label htmlFor="tool-timeout">Timeout (ms)</label>
          <input
            id="tool-timeout"
            type="number"
            min={100}
            max={60000}
            value={toolCall.timeoutMs}
            disabled={disabled}
            onChange={(event) => set({ timeoutMs: Number(event.target.value) || 5000 })}
            style={{ width: '7em' }}
          />
        </div>
      </div>
      <div className="field">
        <span className="label" id="tool-headers">
          Headers
        </span>
        {toolCall.headers.map((header, index) => (
          <div className="row" key={index} role="group" aria-labelledby="tool-headers">
            <input
              aria-label={`Header ${index + 1} name`}
              value={header.name}
              disabled={disabled}
              onChange={(event) =>
                set({
                  headers: toolCall.headers.map((h, i) =>
                    i === index ? { ...h, name: event.target.value } : h,
                  ),
                })
              }
            />
            <input
              aria-label={`Header ${index + 1} value`}
              className="mono"
              style={{ flex: 1 }}
              value={header.value}
              disabled={disabled}
              onChange={(event) =>
                set({
                  headers: toolCall.headers.map((h, i) =>
                    i === index ? { ...h, value: event.target.value } : h,
                  ),
                })
              }
            />
            <button
              type="button"
              disabled={disabled}
              aria-label={`Remove header ${header.name || index + 1}`}
              onClick={() => set({ headers: toolCall.headers.filter((_h, i) => i !== index) })}
            >
              Remove
            </button>
          </div>
        ))}
        <div>
          <button
            type="button"
            disabled={disabled}
            onClick={() => set({ headers: [...toolCall.headers, { name: '', value: '' }] })}
          >
            Add header
          </button>
        </div>
      </div>
      {toolCall.method !== 'GET' && (
        <>
          <div className="field">
            <label htmlFor="tool-body-type">Body</label>
            <select
              id="tool-body-type"
              value={toolCall.bodyType}
              disabled={disabled}
              onChange={(event) => set({ bodyType: event.target.value as ToolCall['bodyType'] })}
            >
              <option value="none">No body</option>
              <option value="json">JSON</option>
              <option value="form">Form (a=b&amp;c=d)</option>
            </select>
          </div>
          {toolCall.bodyType !== 'none' && (
            <div className="field">
              <label htmlFor="tool-body">Body template</label>
              <textarea
                id="tool-body"
                rows={5}
                value={toolCall.body}
                disabled={disabled}
                onChange={(event) => set({ body: event.target.value })}
                aria-invalid={Boolean(errorFor('toolCall.body'))}
              />
              <span className="error-text">{errorFor('toolCall.body')}</span>
            </div>
          )}
        </>
      )}
      <div className="row">
        <button
          type="button"
          onClick={() => tryIt.mutate(toolCall)}
          disabled={!canWrite || tryIt.isPending}
          title={canWrite ? 'Performs the request now with the sample values' : reason}
        >
          {tryIt.isPending ? 'Calling…' : 'Try this call'}
        </button>
        <button type="button" disabled={disabled} onClick={() => onChange(null)}>
          Remove tool call
        </button>
      </div>
      <ErrorNotice error={tryIt.error} title="The call could not be tried" />
      {tryIt.data && <TryResult result={tryIt.data} />}
    </fieldset>
  );
}

function TryResult({ result }: { result: TryCallResult }) {
  return (
    <div className="columns" aria-live="polite">
      <div>
        <h3>Request</h3>
        {result.request ? (
          <pre>
            {`${result.request.method} ${result.request.url}\n`}
            {Object.entries(result.request.headers)
              .map(([name, value]) => `${name}: ${value}`)
              .join('\n')}
            {result.request.body ? `\n\n${result.request.body}` : ''}
          </pre>
        ) : (
          <p className="notice error">{result.error}</p>
        )}
      </div>
      <div>
        <h3>Response</h3>
        {result.response ? (
          <>
            <p>
              {result.response.ok ? (
                <span className="badge ok">{result.response.status}</span>
              ) : (
                <span className="badge danger">
                  {result.response.status ?? result.response.code ?? 'failed'}
                </span>
              )}{' '}
              <span className="muted">{result.response.durationMs} ms</span>
            </p>
            {result.response.error && <p className="notice error">{result.response.error}</p>}
            {result.response.body !== undefined && <pre>{result.response.body}</pre>}
          </>
        ) : (
          <p className="muted">No request was sent.</p>
        )}
      </div>
    </div>
  );
}
