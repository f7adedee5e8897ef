import { Link } from 'react-router';
import { WriteButton } from '../../ui/WriteButton';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTraining } from './useTraining';

function eta(seconds: number | undefined): string {
  if (seconds === undefined) return '';
  if (seconds < 60) return `about ${seconds} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

/** The Train button with the job's live progress (phase, percent, ETA) and its outcome. */
export function TrainPanel({ botId }: { botId: string }) {
  const { job, finished, train, dismiss, starting } = useTraining(botId);
  const busy = Boolean(job) || starting || train.isPending;
  const percent = job?.progress.percent ?? 0;
  return (
    <section className="card" aria-labelledby="train-title">
      <h2 id="train-title" style={{ marginTop: 0 }}>
        Train
      </h2>
      <div className="row">
        <WriteButton
          type="button"
          className="primary"
          onClick={() => train.mutate(false)}
          disabled={busy}
        >
          {busy ? 'Training…' : 'Train'}
        </WriteButton>
        <WriteButton
          type="button"
          onClick={() => train.mutate(true)}
          disabled={busy}
          title="Train again even if the data has not changed"
        >
          Retrain anyway
        </WriteButton>
      </div>
      <ErrorNotice error={train.error} title="Training could not start" />
      {job && (
        <div className="stack" style={{ marginTop: 12 }}>
          <label htmlFor="train-progress">
            Version {job.version}: {job.progress.phase} — {percent} %{' '}
            <span className="muted">{eta(job.progress.etaSeconds)}</span>
          </label>
          <progress id="train-progress" max={100} value={percent}>
            {percent} %
          </progress>
        </div>
      )}
      <div aria-live="polite">
        {finished?.status === 'ready' && (
          <div className="stack" style={{ marginTop: 12 }}>
            <label htmlFor="train-done">Version {finished.version}: done — 100 %</label>
            <progress id="train-done" max={100} value={100}>
              100 %
            </progress>
          </div>
        )}
        {finished?.status === 'ready' && (
          <p className="notice ok">
            Version {finished.version} is trained and active
            {typeof finished.metrics?.intentAccuracy === 'number' &&
              ` (cross-validated accuracy ${(finished.metrics.intentAccuracy * 100).toFixed(1)} %)`}
            . <Link to={`/bots/${botId}/models/${finished.id}`}>See its metrics</Link>.{' '}
            <button type="button" className="link" onClick={dismiss}>
              Dismiss
            </button>
          </p>
        )}
        {finished?.status === 'failed' && (
          <div className="notice error" role="alert">
            <strong>Training version {finished.version} failed.</strong>
            <div>{finished.error}</div>
          </div>
        )}
      </div>
    </section>
  );
}
