import { expect, type Locator, type Page } from '@playwright/test';
import type { RecordedRequest } from '../fake-gateway/server';

/** Locators shared by the specs: by role and accessible name, as people find things. */
export const runButton = (page: Page): Locator => page.getByRole('button', { name: 'Run', exact: true });
export const stopButton = (page: Page): Locator => page.getByRole('button', { name: 'Stop', exact: true });

export async function setModel(page: Page, model: string): Promise<void> {
  const field = page.getByLabel('Model (model)');
  await field.fill(model);
  await field.press('Tab');
}

export async function fillPrompt(page: Page, prompt: string): Promise<void> {
  await page.getByLabel('Prompt (prompt)').fill(prompt);
}

/** A number parameter's text box (its slider, where there is one, is a separate control). */
export const numberInput = (page: Page, label: string): Locator =>
  page.getByRole('textbox', { name: label, exact: true });

/** Types a number parameter (empty text = unset). */
export async function setNumber(page: Page, label: string, value: string): Promise<void> {
  await numberInput(page, label).fill(value);
}

/** A switch by its exact name. */
export const switchControl = (page: Page, name: string): Locator =>
  page.getByRole('switch', { name, exact: true });

/**
 * Turns a switch on or off with the keyboard (Space), as its input is visually hidden (a pointer
 * click could land on a neighbour), and checks that it took.
 */
export async function setSwitch(page: Page, name: string, on: boolean): Promise<void> {
  const control = switchControl(page, name);
  if ((await control.isChecked()) !== on) await control.press('Space');
  if (on) await expect(control).toBeChecked();
  else await expect(control).not.toBeChecked();
}

/** The tags of a tag list (stop sequences, fallbacks), as their visible text without the × button. */
export async function expectTags(list: Locator, texts: readonly string[]): Promise<void> {
  await expect(list.getByRole('row')).toHaveText(
    texts.map((text) => new RegExp(`^${escapeRegExp(text)}×?$`)),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Adds a stop sequence as typed (`\n` typed as backslash-n means a newline). */
export async function addStopSequence(page: Page, typed: string): Promise<void> {
  const entry = page.getByRole('textbox', { name: 'Stop sequences (stop)', exact: true });
  await entry.fill(typed);
  await entry.press('Enter');
}

export async function addFallback(page: Page, fallback: string): Promise<void> {
  const entry = page.getByRole('textbox', { name: 'Fallbacks (fallbacks)', exact: true });
  await entry.fill(fallback);
  await entry.press('Enter');
}

/** Turns on several prompts and fills them in order (adding rows as needed). */
export async function fillPrompts(page: Page, prompts: readonly string[]): Promise<void> {
  await fillPrompt(page, prompts[0] ?? '');
  await setSwitch(page, 'Several prompts', true);
  for (const [index, prompt] of prompts.entries()) {
    const field = page.getByRole('textbox', { name: `Prompt ${index + 1} (prompt)`, exact: true });
    if ((await field.count()) === 0) await page.getByRole('button', { name: 'Add prompt' }).click();
    await field.fill(prompt);
  }
}

/** Adds logit bias rows (rows mode). */
export async function addLogitBiasRows(page: Page, rows: ReadonlyArray<[string, string]>): Promise<void> {
  for (const [index, [token, bias]] of rows.entries()) {
    await page.getByRole('button', { name: 'Add token bias' }).click();
    await page.getByRole('textbox', { name: `Token id ${index + 1}`, exact: true }).fill(token);
    await page.getByRole('textbox', { name: `Bias ${index + 1}`, exact: true }).fill(bias);
  }
}

/**
 * Presses Run and waits for THIS run to finish as `completed`. The previous run's status is marked
 * first: each run's view is mounted afresh, so the mark tells the old status from the new one.
 */
export async function runToCompletion(page: Page): Promise<void> {
  const status = page.getByTestId('run-status');
  if ((await status.count()) > 0) await status.evaluate((node) => node.setAttribute('data-e2e-previous', ''));
  await runButton(page).click();
  await expect(page.locator('[data-testid="run-status"]:not([data-e2e-previous])')).toHaveText(/completed/i, {
    timeout: 15_000,
  });
}

export const profileSelect = (page: Page): Locator => page.getByLabel('Provider profile');

/** Opens the profile editor and returns the dialog. */
export async function openProfilesDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Edit profiles' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit profiles' });
  await expect(dialog).toBeVisible();
  return dialog;
}

export async function closeProfilesDialog(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Edit profiles' });
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Marks where a test starts reading a (shared, worker-scoped) gateway's request log. */
export function requestLog(gateway: { requests: RecordedRequest[] }) {
  const start = gateway.requests.length;
  /** Completion POSTs received since the mark. */
  const posts = () => gateway.requests.slice(start).filter((request) => request.method === 'POST');
  /** The last completion POST since the mark (fails the test when there is none). */
  const lastPost = (): RecordedRequest => {
    const last = posts().at(-1);
    if (!last) throw new Error('The gateway received no POST');
    return last;
  };
  /** The last POST's body, parsed. */
  const lastBody = (): Record<string, unknown> => JSON.parse(lastPost().body) as Record<string, unknown>;
  return { posts, lastPost, lastBody };
}

// ---- heatmap ----

/** The token spans of a choice's heatmap. */
export const heatmapTokens = (page: Page, choice = 0): Locator =>
  page.getByTestId(`choice-${choice}-text`).getByTestId('token');

export const scorePromptButton = (page: Page): Locator =>
  page.getByRole('button', { name: 'Score prompt', exact: true });

/** The token inspector, hovering (tooltip) or pinned (dialog). */
export const tokenInspector = (page: Page): Locator => page.getByTestId('token-inspector');

/** Every `data-logprob` of the choice's token spans, in order ("" for a token without one). */
export async function tokenLogprobs(page: Page, choice = 0): Promise<string[]> {
  return heatmapTokens(page, choice).evaluateAll((nodes) =>
    nodes.map((node) => node.getAttribute('data-logprob') ?? 'missing'),
  );
}

/** Every class list of the choice's token spans, in order. */
export async function tokenClasses(page: Page, choice = 0): Promise<string[]> {
  return heatmapTokens(page, choice).evaluateAll((nodes) => nodes.map((node) => node.className));
}

/** Waits for the current run to finish as completed (after it was started some other way than Run). */
export async function expectNewRunCompleted(page: Page, previousRequestCount: () => number, count: number) {
  await expect.poll(previousRequestCount).toBeGreaterThan(count);
  await expect(page.getByTestId('run-status')).toHaveText(/completed/i, { timeout: 15_000 });
}
