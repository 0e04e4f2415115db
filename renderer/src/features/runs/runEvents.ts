import type { AppApi } from '@shared/contracts/api';
import { createFrameBuffer, scheduleAnimationFrame, type ScheduleFrame } from './frameBuffer';
import { isTerminalEvent, type RunEvent } from './runTypes';

/**
 * Runs streaming at once whose events one frame applies (the others wait a frame, taking turns).
 * Each run that changes costs its view a React commit and Chromium a restyle, relayout and repaint
 * of its growing heatmap whatever the number of tokens, so four compare columns streaming together
 * take turns two by two (each updates every other frame, with twice the tokens) instead of all
 * four re-rendering every frame. One or two runs (the single view, n choices in one run) are not
 * affected.
 */
export const RUNS_PER_FRAME = 2;

/**
 * Subscribes to every run event once and hands them to `apply` at most once per frame (terminal
 * events at once), staggered by run (see RUNS_PER_FRAME). Returns the unsubscribe function.
 */
export function subscribeRunEvents(
  api: Pick<AppApi, 'on'>,
  apply: (events: RunEvent[]) => void,
  schedule: ScheduleFrame = scheduleAnimationFrame,
): () => void {
  const buffer = createFrameBuffer<RunEvent>({
    schedule,
    apply,
    isUrgent: isTerminalEvent,
    stagger: { keyOf: (event) => event.payload.runId, maxKeysPerFrame: RUNS_PER_FRAME },
  });
  const unsubscribers = [
    api.on('run.responded', (payload) => buffer.push({ name: 'run.responded', payload })),
    api.on('run.batch', (payload) => buffer.push({ name: 'run.batch', payload })),
    api.on('run.completed', (payload) => buffer.push({ name: 'run.completed', payload })),
    api.on('run.failed', (payload) => buffer.push({ name: 'run.failed', payload })),
    api.on('run.aborted', (payload) => buffer.push({ name: 'run.aborted', payload })),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    buffer.dispose();
  };
}
