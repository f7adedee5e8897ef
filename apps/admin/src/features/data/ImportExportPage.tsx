import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { enc } from '../../api/queries';
import { usePermissions } from '../../auth/session';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { WriteButton } from '../../ui/WriteButton';

interface Changes {
  created: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
}

interface Preview {
  ok: boolean;
  format: 'parley' | 'acf' | null;
  intents: Changes | null;
  entities: Changes | null;
  settingsChanged: boolean;
  problems: Array<{ path: string; message: string }>;
  warnings: Array<{ path: string; message: string }>;
}

function ChangeList({ title, changes }: { title: string; changes: Changes }) {
  return (
    <div>
      <h3>{title}</h3>
      <ul>
        <li>
          Created ({changes.created.length}): {changes.created.join(', ') || '—'}
        </li>
        <li>
          Changed ({changes.changed.length}): {changes.changed.join(', ') || '—'}
        </li>
        <li>
          Removed ({changes.removed.length}): {changes.removed.join(', ') || '—'}
        </li>
        <li>Unchanged: {changes.unchanged}</li>
      </ul>
    </div>
  );
}

export default function ImportExportPage() {
  const { botId = '' } = useParams();
  const api = useApi();
  const queryClient = useQueryClient();
  const { canWrite } = usePermissions();
  const [fileName, setFileName] = useState('');
  const [content, setContent] = useState<unknown>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [train, setTrain] = useState(true);

  const preview = useMutation({
    mutationFn: (body: unknown) =>
      api.post<Preview>(`/admin/bots/${enc(botId)}/import/preview`, body),
  });
  const run = useMutation({
    mutationFn: () =>
      api.post<{ intents: number; entities: number; trainingJobId: string | null }>(
        `/admin/bots/${enc(botId)}/import`,
        content,
        { query: { train: train ? 'true' : 'false' } },
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['bots', botId] });
    },
  });
  const exportFile = useMutation({
    mutationFn: async (format: 'parley' | 'acf') => {
      const file = await api.get<unknown>(`/admin/bots/${enc(botId)}/export`, {
        query: { format },
      });
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = `${botId}.${format}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
  });

  const readFile = async (file: File) => {
    setFileName(file.name);
    setReadError(null);
    preview.reset();
    run.reset();
    try {
      const parsed = JSON.parse(await file.text()) as unknown;
      setContent(parsed);
      preview.mutate(parsed);
    } catch (error) {
      setContent(null);
      setReadError(`${file.name} is not JSON: ${(error as Error).message}`);
    }
  };

  return (
    <>
      <div className="page-head">
        <h1>Import & export</h1>
      </div>
      <section className="card" aria-labelledby="import-title">
        <h2 id="import-title" style={{ marginTop: 0 }}>
          Import
        </h2>
        <p className="small muted">
          A Parley file or an ai-chatbot-framework export. Importing replaces this bot’s intents and
          entities; first you see what would change, and nothing is written until you confirm.
        </p>
        <div className="field">
          <label htmlFor="import-file">Bot file (JSON)</label>
          <input
            id="import-file"
            type="file"
            accept="application/json,.json"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void readFile(file);
            }}
          />
        </div>
        {readError && (
          <p className="notice error" role="alert">
            {readError}
          </p>
        )}
        <ErrorNotice error={preview.error} title="The file could not be checked" />
        {preview.isPending && <p role="status">Checking {fileName}…</p>}
        {preview.data && !preview.data.ok && (
          <div className="notice error" role="alert">
            <strong>
              {fileName} cannot be imported: {preview.data.problems.length} problem(s). Nothing was
              changed.
            </strong>
            <ul>
              {preview.data.problems.map((problem, index) => (
                <li key={index}>
                  <code>{problem.path || '(file)'}</code>: {problem.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {preview.data?.ok && (
          <div className="stack" role="status">
            <p>
              {fileName}:{' '}
              {preview.data.format === 'acf' ? 'ai-chatbot-framework export' : 'Parley file'}.
              Importing it would:
            </p>
            <div className="columns">
              {preview.data.intents && (
                <ChangeList title="Intents" changes={preview.data.intents} />
              )}
              {preview.data.entities && (
                <ChangeList title="Entities" changes={preview.data.entities} />
              )}
            </div>
            {preview.data.settingsChanged && <p>…and replace the bot’s settings from the file.</p>}
            {preview.data.warnings.length > 0 && (
              <div className="notice warn">
                <strong>Worth a look after importing:</strong>
                <ul>
                  {preview.data.warnings.map((warning, index) => (
                    <li key={index}>
                      <code>{warning.path}</code>: {warning.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <label className="checkbox">
              <input
                type="checkbox"
                checked={train}
                disabled={!canWrite}
                onChange={(event) => setTrain(event.target.checked)}
              />
              Train once imported
            </label>
            <WriteButton
              type="button"
              className="primary"
              disabled={run.isPending || run.isSuccess}
              onClick={() => run.mutate()}
            >
              Import {fileName}
            </WriteButton>
          </div>
        )}
        <ErrorNotice error={run.error} title="The import failed; nothing was changed" />
        {run.data && (
          <p className="notice ok" role="status">
            Imported {run.data.intents} intents and {run.data.entities} entities.{' '}
            {run.data.trainingJobId ? (
              <Link to={`/bots/${botId}/models`}>Follow the training</Link>
            ) : (
              <Link to={`/bots/${botId}/intents`}>See the intents</Link>
            )}
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="export-title">
        <h2 id="export-title" style={{ marginTop: 0 }}>
          Export
        </h2>
        <div className="row">
          <button type="button" onClick={() => exportFile.mutate('parley')}>
            Download Parley file
          </button>
          <button type="button" onClick={() => exportFile.mutate('acf')}>
            Download ai-chatbot-framework file
          </button>
        </div>
        <ErrorNotice error={exportFile.error} title="The export failed" />
      </section>
    </>
  );
}
