import type { StateStorage } from 'zustand/middleware';
import { api } from './api';

const WRITE_DELAY_MS = 250;

/**
 * zustand storage kept by the main process (`settings.*`), so preferences survive restarts in both
 * modes: browser mode's origin (and so its localStorage) changes with the host's port. localStorage is
 * the first copy (always current: a reload right after typing finds the last keystroke); main's copy is
 * read when this origin has none, i.e. after the host restarted on another port.
 * Writes to main are debounced per key (typing does not send every keystroke) and flushed when the
 * page is hidden or unloaded.
 */
export function createMainStorage(): StateStorage {
  const pending = new Map<string, { timer: ReturnType<typeof setTimeout>; value: string | null }>();
  const send = (key: string, value: string | null): void => {
    api.invoke('settings.set', { key, value }).catch(() => {
      // The local copy still holds it; the next change tries again.
    });
  };
  const writeLater = (key: string, value: string | null): void => {
    clearTimeout(pending.get(key)?.timer);
    const timer = setTimeout(() => {
      pending.delete(key);
      send(key, value);
    }, WRITE_DELAY_MS);
    pending.set(key, { timer, value });
  };
  const flush = (): void => {
    for (const [key, { timer, value }] of pending) {
      clearTimeout(timer);
      send(key, value);
    }
    pending.clear();
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  return {
    async getItem(key) {
      const local = localStorage.getItem(key);
      if (local !== null) return local;
      try {
        return (await api.invoke('settings.get', { key })).value;
      } catch {
        return null;
      }
    },
    setItem(key, value) {
      localStorage.setItem(key, value);
      writeLater(key, value);
    },
    removeItem(key) {
      localStorage.removeItem(key);
      writeLater(key, null);
    },
  };
}

/** One instance for the app: both persisted stores share its timers. */
export const mainStorage = createMainStorage();
