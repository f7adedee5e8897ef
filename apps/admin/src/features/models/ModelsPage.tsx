import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { enc, keys, switching, useModels } from '../../api/queries';
import type { ModelVersion } from '../../api/types';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { WriteButton } from '../../ui/WriteButton';
import { formatBytes, formatDate, formatDuration, percent } from '../../ui/format';
import { ModelStatusBadge } from './ModelStatusBadge';
import { TrainPanel } from './TrainPanel';

export default function ModelsPage() {
  const { botId = '' } = useParams();
  const api = useApi();
  const queryClient = useQueryClient();
  const models = useModels(botId);
  const [message, setMessage] = useState('');
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: keys.models(botId) });
    void queryClient.invalidateQueries({ queryKey: keys.bot(botId) });
    void queryClient.invalidateQueries({ queryKey: keys.modelStatus(botId) });
  };
  const activate = useMutation({
    mutationFn: (model: ModelVersion) =>
      api.post(`/admin/bots/${enc(botId)}/models/${enc(model.id)}/activate`),
    onSuccess: (_r, model) => {
      setMessage(`Version ${model.version} is now active.`);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (model: ModelVersion) =>
      api.delete(`/admin/bots/${enc(botId)}/models/${enc(model.id)}`),
    onSuccess: (_r, model) => {
      setMessage(`Version ${model.version} was deleted.`);
      refresh();
    },
  });

  return (
    <>
      <div className="page-head">
        <h1>Train & models</h1>
        <ModelStatusBadge botId={botId} />
      </div>
      <TrainPanel botId={botId} />
      <h2>Model versions</h2>
      <ErrorNotice error={activate.error} title="Could not activate" />
      <ErrorNotice error={remove.error} title="Could not delete" />
      {message && (
        <p className="notice ok" role="status">
          {message}
        </p>
      )}
      {models.data?.runtime?.state === 'failed' && (
        <div className="notice error" role="alert">
          <strong>
            The active model could not be loaded; the bot answers with entities and the fallback
            only.
          </strong>
          {models.data.runtime.error && <div>{models.data.runtime.error}</div>}
        </div>
      )}
      {models.data && (
        <p role="status" className="muted">
          {switching(models.data)
            ? 'Switching to the new active version…'
            : models.data.runtime?.state === 'loaded'
              ? `This server answers with version ${models.data.models.find((m) => m.id === models.data.runtime?.activeModelId)?.version ?? '?'}.`
              : ''}
        </p>
      )}
      {models.isPending && <Loading what="Loading models" />}
      <ErrorNotice error={models.error} />
      {models.data && models.data.models.length === 0 && <p>No model trained yet.</p>}
      {models.data && models.data.models.length > 0 && (
        <table>
          <caption className="visually-hidden">Model versions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col">Trained</th>
              <th scope="col" className="num">
                Duration
              </th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col" className="num">
                Accuracy
              </th>
              <th scope="col" className="num">
                Macro-F1
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {models.data.models.map((model) => {
              const active = model.id === models.data.activeModelId;
              return (
                <tr key={model.id}>
                  <td>
                    {model.status === 'ready' ? (
                      <Link to={`/bots/${botId}/models/${model.id}`}>v{model.version}</Link>
                    ) : (
                      `v${model.version}`
                    )}{' '}
                    {active && <span className="badge ok">active</span>}
                  </td>
                  <td>
                    {model.status}
                    {model.error && <div className="small">{model.error}</div>}
                  </td>
                  <td>{formatDate(model.finishedAt ?? model.createdAt)}</td>
                  <td className="num">{formatDuration(model.durationMs)}</td>
                  <td className="num">{formatBytes(model.sizeBytes)}</td>
                  <td className="num">{percent(model.metrics?.intentAccuracy)}</td>
                  <td className="num">{percent(model.metrics?.macroF1)}</td>
                  <td>
                    <div className="row">
                      {model.status === 'ready' && !active && (
                        <WriteButton
                          type="button"
                          onClick={() => activate.mutate(model)}
                          aria-label={`Activate version ${model.version}`}
                        >
                          Activate
                        </WriteButton>
                      )}
                      {!active && model.status !== 'queued' && model.status !== 'training' && (
                        <WriteButton
                          type="button"
                          onClick={() => remove.mutate(model)}
                          aria-label={`Delete version ${model.version}`}
                        >
                          Delete
                        </WriteButton>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
