import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { RequestPreview, RunError } from '@shared/contracts/runs';
import { applyRunEvents, createRun, failedToStart, withNewRun, withRequest, type NewRun } from './runReducer';
import { appendRunTokens, createRunTokens, keepRunTokens } from './runTokens';
import type { ChoiceState, RunEvent, RunState } from './runTypes';

/** How many runs are kept (the current one plus a few previous). */
export const KEPT_RUNS = 6;

interface RunsState {
  runs: Readonly<Record<string, RunState>>;
  /** Newest first. */
  order: readonly string[];
  runStarted(run: NewRun): void;
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

const useRunsStore = create<RunsState>()((set) => ({
  runs: {},
  order: [],
  runStarted: (input) =>
    set((state) => {
      createRunTokens(input.runId, input.params.echo === true);
      const next = withNewRun(state, createRun(input), KEPT_RUNS);
      keepRunTokens(next.order);
      return next;
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
      const runs = applyRunEvents(state.runs, events, appendRunTokens);
      return runs === state.runs ? {} : { runs };
    }),
  connectionLost: (error) =>
    set((state) => {
      let runs = state.runs;
      for (const runId of state.order) {
        const run = runs[runId];
        if (run?.status === 'running') runs = { ...runs, [runId]: failedToStart(run, error) };
      }
      return runs === state.runs ? {} : { runs };
    }),
}));

/** Actions, for event handlers and the event subscription (stable references). */
export const runsActions = {
  runStarted: (run: NewRun) => useRunsStore.getState().runStarted(run),
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
  'tokenCount',
  'arrivalBatches',
] as const satisfies ReadonlyArray<keyof RunState>;

/** What a run's header shows: everything except the choices, so text streaming does not touch it. */
export type RunHeaderState = Pick<RunState, (typeof runHeaderKeys)[number]>;

export const useRunHeader = (runId: string): RunHeaderState | null =>
  useRunsStore(
    useShallow((state) => {
      const run = state.runs[runId];
      if (!run) return null;
      return Object.fromEntries(runHeaderKeys.map((key) => [key, run[key]])) as RunHeaderState;
    }),
  );
