import { useParams } from 'react-router';
import { useIntegrations } from '../../api/queries';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { MessengerChannel } from './MessengerChannel';
import { RestChannel } from './RestChannel';
import { WidgetChannel } from './WidgetChannel';

export default function ChannelsPage() {
  const { botId = '' } = useParams();
  const integrations = useIntegrations(botId);
  return (
    <>
      <div className="page-head">
        <h1>Channels</h1>
      </div>
      {integrations.isPending && <Loading what="Loading channels" />}
      <ErrorNotice error={integrations.error} title="Could not load the channels" />
      {integrations.data && (
        <>
          <RestChannel botId={botId} />
          <WidgetChannel botId={botId} />
          <MessengerChannel botId={botId} />
        </>
      )}
    </>
  );
}
