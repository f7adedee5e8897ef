import { Link } from 'react-router';
import { useModelStatus } from '../../api/queries';

/** "Model out of date — train" whenever the bot's data changed since its active model. */
export function ModelStatusBadge({ botId }: { botId: string }) {
  const status = useModelStatus(botId);
  if (!status.data) return null;
  if (status.data.upToDate) return <span className="badge ok">Model up to date</span>;
  return (
    <Link to={`/bots/${botId}/models`} className="badge warn">
      {status.data.activeModelId ? 'Model out of date — train' : 'Not trained yet — train'}
    </Link>
  );
}
