import { useState } from 'react';
import { Button } from 'react-aria-components';

/** Problems the host found at start-up (e.g. a damaged profiles file set aside), until dismissed. */
export function StartupWarnings({ warnings }: { warnings: readonly string[] }) {
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || warnings.length === 0) return null;
  return (
    <div className="startup-warnings" role="status" data-testid="startup-warnings">
      <ul>
        {warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
      <Button className="button button-small" onPress={() => setDismissed(true)}>
        Dismiss
      </Button>
    </div>
  );
}
