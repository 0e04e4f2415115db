import type { Page } from '@playwright/test';

/** What the in-page probe saw between the click on Run and the run's end on screen. */
export interface ProbeResult {
  /** performance.now() in the page at the click on Run. */
  clickAt: number;
  /** ms from the click on Run to the frame in which the run showed as ended with all its text (no longer growing). */
  doneMs: number;
  /** ms from the click to the frame after that one (the content has been painted). */
  paintedMs: number;
  status: string;
  /** textContent length of each choice's text panel at done. */
  textLengths: number[];
  /** `[data-testid="token"]` spans in the page at done. */
  tokenSpans: number;
  longestFrameMs: number;
  /** When the longest frame ended, in ms since the click. */
  longestFrameAtMs: number;
  framesOver50: number;
  frames: number;
  longestTaskMs: number;
  tasksOver50: number;
}

export interface ProbeOptions {
  choices: number;
  /** How many runs must end (compare columns: one status each). Default 1. */
  runs?: number;
  /** Also wait for at least one heatmap token span, and end at that first paint (else: when the text stops growing). */
  waitForSpans: boolean;
  timeoutMs: number;
}

/**
 * The few page globals the probe uses, typed here: the node tsconfig (rightly) has no DOM library.
 * The probe function runs in the page, where these are the real DOM objects.
 */
interface ProbeElement {
  textContent: string | null;
  setAttribute(name: string, value: string): void;
}
interface ProbeDocument {
  querySelector(selector: string): ProbeElement | null;
  querySelectorAll(selector: string): ArrayLike<ProbeElement>;
  addEventListener(type: 'click', listener: () => void, options: { capture: boolean }): void;
  removeEventListener(type: 'click', listener: () => void, options: { capture: boolean }): void;
}
interface ProbeObserver {
  observe(options: { type: string }): void;
  disconnect(): void;
}
interface ProbeGlobal {
  document: ProbeDocument;
  requestAnimationFrame(callback: (now: number) => void): number;
  PerformanceObserver?: {
    new (callback: (list: { getEntries(): Array<{ duration: number }> }) => void): ProbeObserver;
    supportedEntryTypes: readonly string[];
  };
  __benchProbe?: Promise<ProbeResult>;
}

/**
 * Installs the probe: it starts timing at the next click (capture phase), records every frame delta
 * (requestAnimationFrame) and long task until the NEW run's status reads completed/failed/aborted
 * (the previous status element is marked first: each run's view is mounted afresh).
 */
export async function installProbe(page: Page, options: ProbeOptions): Promise<void> {
  // tsx (esbuild keepNames) wraps the probe's inner functions in `__name(...)`, which the page lacks.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  await page.evaluate((opts) => {
    const win = globalThis as unknown as ProbeGlobal;
    const { document } = win;
    const requestAnimationFrame = win.requestAnimationFrame.bind(win);
    const Observer = win.PerformanceObserver;
    const previous = document.querySelector('[data-testid="run-status"]');
    previous?.setAttribute('data-bench-previous', '');
    win.__benchProbe = new Promise<ProbeResult>((resolve, reject) => {
      let clickAt: number | null = null;
      let lastFrame: number | null = null;
      let longestFrame = 0;
      let longestFrameAt = 0;
      /** The last frame's time and choice text lengths once the run had ended. */
      let previous: { at: number; lengths: number[] } | null = null;
      let over50 = 0;
      let frames = 0;
      let longestTask = 0;
      let tasksOver50 = 0;
      const observer =
        Observer && Observer.supportedEntryTypes.includes('longtask')
          ? new Observer((list) => {
              for (const entry of list.getEntries()) {
                longestTask = Math.max(longestTask, entry.duration);
                if (entry.duration > 50) tasksOver50 += 1;
              }
            })
          : null;
      const onClick = (): void => {
        if (clickAt !== null) return;
        clickAt = performance.now();
        observer?.observe({ type: 'longtask' });
        requestAnimationFrame(frame);
      };
      document.addEventListener('click', onClick, { capture: true });
      const timeout = setTimeout(() => reject(new Error('probe timed out')), opts.timeoutMs);
      const textLengths = (): number[] =>
        Array.from(
          { length: opts.choices },
          (_, index) =>
            document.querySelector(`[data-testid="choice-${index}-text"]`)?.textContent?.length ?? -1,
        );
      function frame(now: number): void {
        if (lastFrame !== null) {
          const delta = now - lastFrame;
          frames += 1;
          if (delta > longestFrame) {
            longestFrame = delta;
            longestFrameAt = now - (clickAt ?? now);
          }
          if (delta > 50) over50 += 1;
        }
        lastFrame = now;
        const statuses = Array.from(
          document.querySelectorAll('[data-testid="run-status"]:not([data-bench-previous])'),
          (status) => status.textContent?.trim().toLowerCase() ?? '',
        );
        const text = statuses.join(', ');
        const ended =
          statuses.length >= (opts.runs ?? 1) &&
          statuses.every((status) => /completed|failed|aborted|truncated/.test(status));
        const spans = ended ? document.querySelectorAll('[data-testid="token"]').length : 0;
        if (!ended || (opts.waitForSpans && spans === 0 && text.includes('completed'))) {
          requestAnimationFrame(frame);
          return;
        }
        // The heatmap fills its last blocks in time slices after the terminal event: without
        // waitForSpans (which measures the heatmap's first paint), done is the frame after which the
        // text stopped growing, seen one frame later (painted).
        const lengths = textLengths();
        if (!opts.waitForSpans && (previous === null || previous.lengths.join() !== lengths.join())) {
          previous = { at: now, lengths };
          requestAnimationFrame(frame);
          return;
        }
        if (opts.waitForSpans) requestAnimationFrame((paintedAt) => finish(now, paintedAt, lengths));
        else finish(previous?.at ?? now, now, lengths);
        function finish(doneAt: number, paintedAt: number, finalLengths: number[]): void {
          clearTimeout(timeout);
          observer?.disconnect();
          document.removeEventListener('click', onClick, { capture: true });
          const start = clickAt ?? doneAt;
          resolve({
            clickAt: start,
            doneMs: doneAt - start,
            paintedMs: paintedAt - start,
            status: text,
            textLengths: finalLengths,
            tokenSpans: spans,
            longestFrameMs: longestFrame,
            longestFrameAtMs: longestFrameAt,
            framesOver50: over50,
            frames,
            longestTaskMs: longestTask,
            tasksOver50,
          });
        }
      }
    });
    // Keep an unobserved rejection from surfacing before awaitProbe reads it.
    win.__benchProbe.catch(() => undefined);
  }, options);
}

export async function awaitProbe(page: Page): Promise<ProbeResult> {
  return page.evaluate(() => {
    const probe = (globalThis as unknown as ProbeGlobal).__benchProbe;
    if (!probe) throw new Error('probe not installed');
    return probe;
  });
}

/**
 * Page init script: every WebSocket gets a first message listener that notes when each large
 * message (≥ 64 KB, e.g. a whole non-streamed completion) arrived, before the app handles it.
 */
export const MESSAGE_TIMING_SCRIPT = `(() => {
  const Native = globalThis.WebSocket;
  if (!Native || globalThis.__benchMessages) return;
  globalThis.__benchMessages = [];
  globalThis.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        const size = typeof event.data === 'string' ? event.data.length : 0;
        if (size >= 65536) globalThis.__benchMessages.push({ at: performance.now(), size });
      });
    }
  };
})();`;

/** Arrival time (page clock) and size of the first large message received after `after`. */
export async function firstLargeMessageAfter(
  page: Page,
  after: number,
): Promise<{ at: number; size: number } | undefined> {
  return page.evaluate((since) => {
    const log = (globalThis as unknown as { __benchMessages?: Array<{ at: number; size: number }> })
      .__benchMessages;
    return log?.find((message) => message.at >= since);
  }, after);
}
