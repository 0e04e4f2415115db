import { create } from 'zustand';
import type { CompareTarget } from './compareTargets';
import type { ColumnFigures } from './compareMarks';
import type { SeedCheckResult } from './seedCheck';

export type ColumnWidth = 'normal' | 'wide' | 'collapsed';

/** The gateway fallback run's column id (not a target: it sends the form with its fallbacks). */
export const GATEWAY_COLUMN = 'gateway';

export interface SeedCheckState {
  targetId: string;
  seed: number;
  runIds: [string, string];
  result: SeedCheckResult | null;
  error: string | null;
}

interface CompareState {
  open: boolean;
  targets: readonly CompareTarget[];
  /** One column after another (local servers that serialise requests) instead of all at once. */
  sequential: boolean;
  syncScroll: boolean;
  /** Also send the form once to the gateway with its `fallbacks`. */
  gatewayRun: boolean;
  /** The run shown in each column (target id or GATEWAY_COLUMN → run id). */
  columnRuns: Readonly<Record<string, string>>;
  /** Why a column could not start (its overrides or the form are invalid). */
  columnProblems: Readonly<Record<string, string>>;
  widths: Readonly<Record<string, ColumnWidth>>;
  figures: Readonly<Record<string, ColumnFigures>>;
  /** The column the others are compared with. */
  referenceId: string | null;
  seedCheck: SeedCheckState | null;
}

const useCompareStore = create<CompareState>()(() => ({
  open: false,
  targets: [],
  sequential: false,
  syncScroll: true,
  gatewayRun: true,
  columnRuns: {},
  columnProblems: {},
  widths: {},
  figures: {},
  referenceId: null,
  seedCheck: null,
}));

const set = useCompareStore.setState;
const get = useCompareStore.getState;

export const compareActions = {
  opened: (targets: readonly CompareTarget[]) =>
    set((state) => ({ open: true, targets: state.targets.length > 0 ? state.targets : targets })),
  closed: () => set({ open: false }),
  targetsReset: (targets: readonly CompareTarget[]) =>
    set({ targets, columnRuns: {}, columnProblems: {}, figures: {}, referenceId: null }),
  targetAdded: (target: CompareTarget) => set((state) => ({ targets: [...state.targets, target] })),
  targetRemoved: (id: string) =>
    set((state) => {
      const { [id]: _run, ...columnRuns } = state.columnRuns;
      const { [id]: _figures, ...figures } = state.figures;
      return {
        targets: state.targets.filter((target) => target.id !== id),
        columnRuns,
        figures,
        referenceId: state.referenceId === id ? null : state.referenceId,
      };
    }),
  overridesChanged: (id: string, overridesText: string) =>
    set((state) => ({
      targets: state.targets.map((target) => (target.id === id ? { ...target, overridesText } : target)),
    })),
  sequentialToggled: (sequential: boolean) => set({ sequential }),
  syncScrollToggled: (syncScroll: boolean) => set({ syncScroll }),
  gatewayRunToggled: (gatewayRun: boolean) => set({ gatewayRun }),
  widthChanged: (id: string, width: ColumnWidth) =>
    set((state) => ({ widths: { ...state.widths, [id]: width } })),
  referenceChosen: (referenceId: string) => set({ referenceId }),
  runsStarted: (columnRuns: Record<string, string>, columnProblems: Record<string, string>) =>
    set({ columnRuns, columnProblems, figures: {} }),
  columnRunStarted: (id: string, runId: string) =>
    set((state) => ({ columnRuns: { ...state.columnRuns, [id]: runId } })),
  figuresReported: (figures: ColumnFigures) =>
    set((state) => {
      const previous = state.figures[figures.id];
      if (
        previous &&
        previous.totalMs === figures.totalMs &&
        previous.costUsd === figures.costUsd &&
        previous.meanLogprob === figures.meanLogprob
      )
        return {};
      return { figures: { ...state.figures, [figures.id]: figures } };
    }),
  seedCheckChanged: (seedCheck: SeedCheckState | null) => set({ seedCheck }),
};

export const getCompareState = get;

export function useCompare<T>(select: (state: CompareState) => T): T {
  return useCompareStore(select);
}
