import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../lib/routeError';

export interface CopyStatus {
  tone: 'ok' | 'error';
  text: string;
}

const SHOWN_MS = 4000;

/**
 * Copies text to the clipboard and says how it went ("Copied", or why not) for a few seconds.
 * `copy` takes a producer so that building the text (which may ask main) fails the same way.
 */
export function useCopyStatus() {
  const [status, setStatus] = useState<CopyStatus | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const show = useCallback((next: CopyStatus) => {
    clearTimeout(timer.current);
    setStatus(next);
    timer.current = setTimeout(() => setStatus(null), SHOWN_MS);
  }, []);

  const copy = useCallback(
    async (produce: () => Promise<{ text: string; done?: string }>): Promise<void> => {
      try {
        const { text, done } = await produce();
        await navigator.clipboard.writeText(text);
        show({ tone: 'ok', text: done ?? 'Copied' });
      } catch (error) {
        show({ tone: 'error', text: `Not copied: ${errorMessage(error)}` });
      }
    },
    [show],
  );

  /** For a copy main makes itself (the export with the real key): says what main answered. */
  const copyInMain = useCallback(
    async (ask: () => Promise<{ copied: boolean; message: string }>): Promise<void> => {
      try {
        const { copied, message } = await ask();
        show({ tone: copied ? 'ok' : 'error', text: copied ? message : `Not copied: ${message}` });
      } catch (error) {
        show({ tone: 'error', text: `Not copied: ${errorMessage(error)}` });
      }
    },
    [show],
  );

  return { status, copy, copyInMain };
}
