import { useEffect, useState } from 'react';

/**
 * `value`, one animation frame late: for work that follows a change but need not share its frame
 * (the compare view's analyses when its last column finishes, which already has that frame's work).
 */
export function useNextFrameValue<T>(value: T): T {
  const [late, setLate] = useState(value);
  useEffect(() => {
    if (Object.is(late, value)) return;
    const frame = requestAnimationFrame(() => setLate(value));
    return () => cancelAnimationFrame(frame);
  }, [value, late]);
  return late;
}
