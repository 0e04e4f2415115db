import { useEffect, useState } from 'react';
import { formatDuration } from '../format';

/** Time since `startedAt`, ticking while the run is active (only this element re-renders). */
export function ElapsedTime({ startedAt }: { startedAt: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, []);
  return <>{formatDuration(now - startedAt)}</>;
}
