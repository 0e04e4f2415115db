import { useSyncExternalStore } from 'react';

interface PersistedStore {
  persist: { hasHydrated(): boolean; onFinishHydration(listener: () => void): () => void };
}

/** Whether a persisted zustand store has loaded its saved state (loading is asynchronous). */
export function useHydrated(store: PersistedStore): boolean {
  return useSyncExternalStore(store.persist.onFinishHydration, store.persist.hasHydrated);
}
