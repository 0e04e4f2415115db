import type { HistoryEntry, HistoryRun } from '@shared/contracts/history';
import type { RunSummary } from '@shared/contracts/runs';

/** Test data for the history tests (not a shipped code path). */
export function makeEntry(id: string, createdAt: number, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id,
    createdAt,
    status: 'completed',
    profileId: 'local-bifrost',
    profileName: 'Local Bifrost',
    profileKind: 'bifrost',
    model: 'openai/gpt-3.5-turbo-instruct',
    promptPreview: `Prompt of ${id}`,
    choiceCount: 1,
    usage: { promptTokens: 3, completionTokens: 5, totalTokens: 8 },
    ...extra,
  };
}

export function makeSummary(extra: Partial<RunSummary> = {}): RunSummary {
  return {
    choices: [{ index: 0, finishReason: 'length' }],
    usage: { promptTokens: 3, completionTokens: 5, totalTokens: 8 },
    timing: { ttfbMs: 10, ttftMs: 12, totalMs: 40, tokensPerSecond: 178 },
    routing: { headers: {} },
    streamed: true,
    ...extra,
  };
}

export function makeRun(id: string, createdAt: number, extra: Partial<HistoryEntry> = {}): HistoryRun {
  const entry = makeEntry(id, createdAt, extra);
  return {
    entry,
    params: { model: entry.model, prompt: entry.promptPreview, stream: true },
    request: {
      method: 'POST',
      url: 'http://localhost:8080/v1/completions',
      headers: { 'content-type': 'application/json', 'x-bf-vk': '<key>' },
      body: JSON.stringify({ model: entry.model, prompt: entry.promptPreview, stream: true }),
      notes: [],
    },
    choices: [{ index: 0, text: ` text of ${id}`, finishReason: 'length' }],
    summary: entry.status === 'running' ? null : makeSummary(),
    error: null,
    arrivals: [12, 20, 31],
  };
}
