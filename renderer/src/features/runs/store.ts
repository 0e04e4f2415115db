import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { HistoryRun } from '@shared/contracts/history';
import type { RequestPreview, RunError } from '@shared/contracts/runs';
import { applyRunEvents, createRun, failedToStart, withNewRun, withRequest, type NewRun } from './runReducer';
import { restoredRun } from './restoreRun';
import { appendPackedRunTokens, appendRunTokens, createRunTokens, keepRunTokens } from './runTokens';
import type { ChoiceState, RunEvent, RunState } from './runTypes';

/** How many runs are kept (the current one plus a few previous). */
export const KEPT_RUNS = 6;

interface RunsState {
  runs: Readonly<Record<string, RunState>>;
  /** Newest first. */
  order: readonly string[];
  /** Runs kept outside `order` (the compare view's columns) until released. */
  pinned: readonly string[];
  runStarted(run: NewRun): void;
  /** A run for the compare view: kept while pinned, never the main view's current run. */
  pinnedRunStarted(run: NewRun): void;
  /** Forgets pinned runs (a new compare replaces them). */
  pinnedRunsReleased(runIds: readonly string[]): void;
  /** A saved run reopened from the history becomes the current run (finished, tokens included). */
  runRestored(saved: HistoryRun): void;
  runAccepted(runId: string, request: RequestPreview): void;
  runNotStarted(runId: string, error: RunError): void;
  stopRequested(runId: string): void;
  /** One frame's worth of events from main: a single store write. */
  eventsReceived(events: readonly RunEvent[]): void;
  /** The transport went away: nothing more will arrive for active runs. */
  connectionLost(error: RunError): void;
}

function updateRun(
  state: Pick<RunsState, 'runs'>,
  runId: string,
  update: (run: RunState) => RunState,
): Partial<RunsState> {
  const run = state.runs[runId];
  if (!run) return {};
  const next = update(run);
  return next === run ? {} : { runs: { ...state.runs, [runId]: next } };
}

/** `run` becomes the main view's current run; old main runs go, pinned ones stay. */
function withMainRun(state: Pick<RunsState, 'runs' | 'order' | 'pinned'>, run: RunState): Partial<RunsState> {
  const next = withNewRun(state, run, KEPT_RUNS);
  for (const runId of state.pinned) {
    const pinned = state.runs[runId];
    if (pinned && !(runId in next.runs)) next.runs[runId] = pinned;
  }
  keepRunTokens([...next.order, ...state.pinned]);
  return next;
}

const useRunsStore = create<RunsState>()((set) => ({
  runs: {},
  order: [],
  pinned: [],
  pinnedRunStarted: (input) =>
    set((state) => {
      createRunTokens(input.runId, input.params.echo === true);
      return {
        runs: { ...state.runs, [input.runId]: createRun(input) },
        pinned: [...state.pinned.filter((runId) => runId !== input.runId), input.runId],
      };
    }),
  pinnedRunsReleased: (released) =>
    set((state) => {
      const pinned = state.pinned.filter((runId) => !released.includes(runId));
      if (pinned.length === state.pinned.length) return {};
      const runs: Record<string, RunState> = {};
      for (const runId of [...state.order, ...pinned]) {
        const run = state.runs[runId];
        if (run) runs[runId] = run;
      }
      keepRunTokens([...state.order, ...pinned]);
      return { runs, pinned };
    }),
  runStarted: (input) =>
    set((state) => {
      createRunTokens(input.runId, input.params.echo === true);
      return withMainRun(state, createRun(input));
    }),
  runRestored: (saved) =>
    set((state) => {
      // The same run still streaming here keeps its live state.
      if (state.runs[saved.entry.id]?.status === 'running') return {};
      const run = restoredRun(saved);
      createRunTokens(run.runId, saved.params.echo === true);
      for (const choice of saved.choices) if (choice.tokens) appendRunTokens(run.runId, choice.tokens);
      return withMainRun(state, run);
    }),
  runAccepted: (runId, request) =>
    set((state) => updateRun(state, runId, (run) => withRequest(run, request))),
  runNotStarted: (runId, error) =>
    set((state) => updateRun(state, runId, (run) => failedToStart(run, error))),
  stopRequested: (runId) =>
    set((state) =>
      updateRun(state, runId, (run) => (run.stopRequested ? run : { ...run, stopRequested: true })),
    ),
  eventsReceived: (events) =>
    set((state) => {
      const runs = applyRunEvents(state.runs, events, appendPackedRunTokens);
      return runs === state.runs ? {} : { runs };
    }),
  connectionLost: (error) =>
    set((state) => {
      let runs = state.runs;
      for (const runId of [...state.order, ...state.pinned]) {
        const run = runs[runId];
        if (run?.status === 'running') runs = { ...runs, [runId]: failedToStart(run, error) };
      }
      return runs === state.runs ? {} : { runs };
    }),
}));

/** Actions, for event handlers and the event subscription (stable references). */
export const runsActions = {
  runStarted: (run: NewRun) => useRunsStore.getState().runStarted(run),
  pinnedRunStarted: (run: NewRun) => useRunsStore.getState().pinnedRunStarted(run),
  pinnedRunsReleased: (runIds: readonly string[]) => useRunsStore.getState().pinnedRunsReleased(runIds),
  runRestored: (saved: HistoryRun) => useRunsStore.getState().runRestored(saved),
  runAccepted: (runId: string, request: RequestPreview) =>
    useRunsStore.getState().runAccepted(runId, request),
  runNotStarted: (runId: string, error: RunError) => useRunsStore.getState().runNotStarted(runId, error),
  stopRequested: (runId: string) => useRunsStore.getState().stopRequested(runId),
  eventsReceived: (events: readonly RunEvent[]) => useRunsStore.getState().eventsReceived(events),
  connectionLost: (error: RunError) => useRunsStore.getState().connectionLost(error),
};

export function getRun(runId: string): RunState | undefined {
  return useRunsStore.getState().runs[runId];
}

/** Resolves once the run is no longer running (at once if it is not, or is unknown). */
export function whenRunEnds(runId: string): Promise<void> {
  return new Promise((resolve) => {
    const ended = (state: RunsState) => state.runs[runId]?.status !== 'running';
    if (ended(useRunsStore.getState())) return resolve();
    const unsubscribe = useRunsStore.subscribe((state) => {
      if (!ended(state)) return;
      unsubscribe();
      resolve();
    });
  });
}

export function getCurrentRun(): RunState | undefined {
  const { runs, order } = useRunsStore.getState();
  return order[0] === undefined ? undefined : runs[order[0]];
}

// ---- selectors ----

export const useCurrentRunId = (): string | null => useRunsStore((state) => state.order[0] ?? null);

export const usePreviousRunIds = (): readonly string[] =>
  useRunsStore(useShallow((state) => state.order.slice(1)));

export function useRunField<T>(runId: string, select: (run: RunState) => T): T | undefined {
  return useRunsStore((state) => {
    const run = state.runs[runId];
    return run ? select(run) : undefined;
  });
}

/** The status of each run (undefined for a run the store does not hold). */
export const useRunStatuses = (runIds: readonly string[]): ReadonlyArray<RunState['status'] | undefined> =>
  useRunsStore(useShallow((state) => runIds.map((runId) => state.runs[runId]?.status)));

export const useIsRunActive = (): boolean =>
  useRunsStore((state) => {
    const current = state.order[0];
    return current !== undefined && state.runs[current]?.status === 'running';
  });

export const useChoiceIndexes = (runId: string): readonly number[] =>
  useRunsStore(useShallow((state) => state.runs[runId]?.choices.map((choice) => choice.index) ?? []));

export function useChoice(runId: string, index: number): ChoiceState | undefined {
  return useRunsStore((state) => state.runs[runId]?.choices.find((choice) => choice.index === index));
}

const noChunks: readonly string[] = [];

export const useChoiceChunks = (runId: string, index: number): readonly string[] =>
  useRunsStore(
    (state) => state.runs[runId]?.choices.find((choice) => choice.index === index)?.chunks ?? noChunks,
  );

export const useChoiceTail = (runId: string, index: number): string =>
  useRunsStore((state) => state.runs[runId]?.choices.find((choice) => choice.index === index)?.tail ?? '');

const runHeaderKeys = [
  'runId',
  'status',
  'stopRequested',
  'params',
  'startedAt',
  'summary',
  'routing',
  'httpStatus',
  'request',
  'error',
] as const satisfies ReadonlyArray<keyof RunState>;

/**
 * What a run's header shows: everything except the choices and what grows every frame (token count,
 * chunk arrivals: their own small components read those), so streaming does not re-render it.
 */
export type RunHeaderState = Pick<RunState, (typeof runHeaderKeys)[number]> & {
  /** Whether any logprob token has arrived. */
  hasTokens: boolean;
  /** Whether any chunk arrival has been recorded. */
  hasArrivals: boolean;
};

export const useRunHeader = (runId: string): RunHeaderState | null =>
  useRunsStore(
    useShallow((state) => {
      const run = state.runs[runId];
      if (!run) return null;
      return {
        ...(Object.fromEntries(runHeaderKeys.map((key) => [key, run[key]])) as Pick<
          RunState,
          (typeof runHeaderKeys)[number]
        >),
        hasTokens: run.tokenCount > 0,
        hasArrivals: run.arrivalBatches.length > 0,
      };
    }),
  );
