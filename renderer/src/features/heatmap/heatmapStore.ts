import { create } from 'zustand';
import type { HeatmapMode } from '@shared/logprobs/heatmapScale';

interface HeatmapState {
  mode: HeatmapMode;
  /** The one heatmap (`runId:choice`) whose token inspector is open: one popover at a time. */
  inspectorOwner: string | null;
  /** Order choice panels best first by mean logprob. */
  rankByMean: boolean;
}

const useHeatmapStore = create<HeatmapState>()(() => ({
  mode: 'probability',
  inspectorOwner: null,
  rankByMean: false,
}));

export const heatmapActions = {
  modeChanged: (mode: HeatmapMode) => useHeatmapStore.setState({ mode }),
  inspectorOpened: (owner: string) => useHeatmapStore.setState({ inspectorOwner: owner }),
  inspectorClosed: (owner: string) =>
    useHeatmapStore.setState((state) => (state.inspectorOwner === owner ? { inspectorOwner: null } : {})),
  rankByMeanToggled: (rankByMean: boolean) => useHeatmapStore.setState({ rankByMean }),
};

export const useHeatmapMode = (): HeatmapMode => useHeatmapStore((state) => state.mode);
export const useOwnsInspector = (owner: string): boolean =>
  useHeatmapStore((state) => state.inspectorOwner === owner);
export const useRankByMean = (): boolean => useHeatmapStore((state) => state.rankByMean);
