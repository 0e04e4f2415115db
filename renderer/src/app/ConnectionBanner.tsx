import { useSyncExternalStore } from 'react';
import { Button } from 'react-aria-components';
import { connection } from '../lib/api';

/** Browser mode: says so plainly when the socket to the host is gone. */
export function ConnectionBanner() {
  const status = useSyncExternalStore(connection.subscribe, connection.getStatus);
  if (status !== 'closed') return null;
  return (
    <div className="connection-banner" role="alert" data-testid="connection-lost">
      <strong>Lost connection to the playground host.</strong>
      <span>Nothing can run until it is back: restart it (npm run web) and open the URL it prints.</span>
      <Button className="button" onPress={() => window.location.reload()}>
        Reload
      </Button>
    </div>
  );
}
