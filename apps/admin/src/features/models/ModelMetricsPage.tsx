import { Link, useParams } from 'react-router';
import { useModels } from '../../api/queries';
import type { ModelMetrics } from '../../api/types';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { formatDate, percent } from '../../ui/format';

export default function ModelMetricsPage() {
  const { botId = '', modelId = '' } = useParams();
  const models = useModels(botId);
  if (models.isPending) return <Loading what="Loading the model" />;
  if (models.error) return <ErrorNotice error={models.error} />;
  const model = models.data.models.find((m) => m.id === modelId);
  if (!model) return <p className="notice error">There is no model version {modelId}.</p>;
  const metrics = model.metrics;
  return (
    <>
      <div className="page-head">
        <h1>Model version {model.version}</h1>
        {model.id === models.data.activeModelId && <span className="badge ok">active</span>}
        <div className="actions">
          <Link to={`/bots/${botId}/models`}>All versions</Link>
        </div>
      </div>
      <p className="muted">Trained {formatDate(model.finishedAt)}.</p>
      {!metrics ? (
        <p className="notice info">
          This version has no cross-validation report: every intent needs at least two examples for
          it.
        </p>
      ) : (
        <Metrics botId={botId} metrics={metrics} />
      )}
    </>
  );
}

function Metrics({ botId, metrics }: { botId: string; metrics: ModelMetrics }) {
  const intents = Object.keys(metrics.perIntent).sort();
  return (
    <>
      <div className="row">
        <div className="card">
          <div className="muted small">Intent accuracy ({metrics.folds}-fold)</div>
          <div style={{ fontSize: '1.6rem', fontWeight: 700 }}>
            {percent(metrics.intentAccuracy)}
          </div>
        </div>
        <div className="card">
          <div className="muted small">Macro-F1</div>
          <div style={{ fontSize: '1.6rem', fontWeight: 700 }}>{percent(metrics.macroF1)}</div>
        </div>
        <div className="card">
          <div className="muted small">Entity F1</div>
          <div style={{ fontSize: '1.6rem', fontWeight: 700 }}>{percent(metrics.entityF1)}</div>
        </div>
        {typeof metrics.calibrationError === 'number' && (
          <div className="card" style={{ maxWidth: '17rem' }}>
            <div className="muted small">Confidence calibration error</div>
            <div style={{ fontSize: '1.6rem', fontWeight: 700 }}>
              {percent(metrics.calibrationError)}
            </div>
            <div className="muted small">
              How far a confidence of, say, 80 % is from being right 80 % of the time; lower is
              better.
            </div>
          </div>
        )}
      </div>
      <h2>Per intent</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Intent</th>
            <th scope="col" className="num">
              Precision
            </th>
            <th scope="col" className="num">
              Recall
            </th>
            <th scope="col" className="num">
              F1
            </th>
            <th scope="col" className="num">
              Support
            </th>
          </tr>
        </thead>
        <tbody>
          {intents.map((name) => {
            const row = metrics.perIntent[name]!;
            return (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td className="num">{percent(row.precision)}</td>
                <td className="num">{percent(row.recall)}</td>
                <td className="num">{percent(row.f1)}</td>
                <td className="num">{row.support}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2 id="confusion-title">Confusion matrix</h2>
      <p className="muted small" id="confusion-help">
        Rows are the intent an example belongs to, columns what the model answered in
        cross-validation. Off the diagonal are mistakes (outlined).
      </p>
      <ConfusionMatrix confusion={metrics.confusion} />
      <h2 id="misclassified-title">Misclassified examples</h2>
      {!metrics.misclassified || metrics.misclassified.length === 0 ? (
        <p>None: every held-out example was recognised.</p>
      ) : (
        <table aria-labelledby="misclassified-title">
          <thead>
            <tr>
              <th scope="col">Example</th>
              <th scope="col">Belongs to</th>
              <th scope="col">Model said</th>
              <th scope="col" className="num">
                Confidence
              </th>
            </tr>
          </thead>
          <tbody>
            {metrics.misclassified.map((item, index) => (
              <tr key={index}>
                <td>
                  <Link
                    to={`/bots/${botId}/intents/${item.expected}/examples?filter=${encodeURIComponent(item.text)}`}
                  >
                    {item.text}
                  </Link>
                </td>
                <td>{item.expected}</td>
                <td>{item.predicted}</td>
                <td className="num">{percent(item.confidence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** An accessible heat map: a real table with row and column headers, counts in the cells. */
export function ConfusionMatrix({
  confusion,
}: {
  confusion: Record<string, Record<string, number>>;
}) {
  const labels = [
    ...new Set([
      ...Object.keys(confusion),
      ...Object.values(confusion).flatMap((row) => Object.keys(row)),
    ]),
  ].sort();
  const max = Math.max(1, ...Object.values(confusion).flatMap((row) => Object.values(row)));
  return (
    <div style={{ overflowX: 'auto' }}>
      <table
        className="heatmap"
        aria-labelledby="confusion-title"
        aria-describedby="confusion-help"
      >
        <thead>
          <tr>
            <th scope="col">Actual \ predicted</th>
            {labels.map((label) => (
              <th scope="col" key={label}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((actual) => (
            <tr key={actual}>
              <th scope="row">{actual}</th>
              {labels.map((predicted) => {
                const count = confusion[actual]?.[predicted] ?? 0;
                const level = count === 0 ? 0 : Math.max(1, Math.ceil((count / max) * 5));
                const miss = count > 0 && actual !== predicted;
                return (
                  <td key={predicted} className={`heat-${level}${miss ? ' heat-miss' : ''}`}>
                    {count}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
