import type { AppApi } from '@shared/contracts/api';
import { createFrameBuffer, scheduleAnimationFrame, type ScheduleFrame } from './frameBuffer';
import { isTerminalEvent, type RunEvent } from './runTypes';

/**
 * Subscribes to every run event once and hands them to `apply` at most once per frame (terminal
 * events at once). Returns the unsubscribe function.
 */
export function subscribeRunEvents(
  api: Pick<AppApi, 'on'>,
  apply: (events: RunEvent[]) => void,
  schedule: ScheduleFrame = scheduleAnimationFrame,
): () => void {
  const buffer = createFrameBuffer<RunEvent>({ schedule, apply, isUrgent: isTerminalEvent });
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
