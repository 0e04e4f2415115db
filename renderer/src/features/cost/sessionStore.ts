import { create } from 'zustand';
import { emptySessionCost, withRunCost, type SessionCost } from './sessionCost';

const useSessionCostStore = create<SessionCost>()(() => emptySessionCost);

export const sessionCostActions = {
  runFinished: (runId: string, usd: number | null) =>
    useSessionCostStore.setState((state) => withRunCost(state, runId, usd), true),
};

export const useSessionCost = (): SessionCost => useSessionCostStore((state) => state);
