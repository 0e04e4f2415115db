import type { QueryClient } from '@tanstack/react-query';
import type { AppApi } from '@shared/contracts/api';
import type { ConnectionMonitor } from '../lib/wsClient';
import { modelKeys } from '../features/models/queries';
import { profileKeys } from '../features/profiles/queries';
import { subscribeRunEvents } from '../features/runs/runEvents';
import { runsActions } from '../features/runs/store';

/**
 * The one place main → renderer events are handled, subscribed once at start: run events feed the
 * runs store once per frame, `profiles.changed` invalidates profile data, and a lost connection
 * ends the runs that can no longer hear back.
 */
export function subscribeAppEvents(deps: {
  api: AppApi;
  connection: ConnectionMonitor;
  queryClient: QueryClient;
}): () => void {
  const { api, connection, queryClient } = deps;
  const stopRunEvents = subscribeRunEvents(api, runsActions.eventsReceived);
  const stopProfileEvents = api.on('profiles.changed', () => {
    void queryClient.invalidateQueries({ queryKey: profileKeys.all });
    void queryClient.invalidateQueries({ queryKey: modelKeys.all });
  });
  const stopConnection = connection.subscribe(() => {
    if (connection.getStatus() !== 'closed') return;
    runsActions.connectionLost({
      kind: 'network',
      title: 'Lost connection to the playground host',
      message: 'The run’s result cannot arrive. Restart the host and reload the page.',
    });
  });
  return () => {
    stopRunEvents();
    stopProfileEvents();
    stopConnection();
  };
}
