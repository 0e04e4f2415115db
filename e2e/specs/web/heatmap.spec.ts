import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures/web';
import {
  fillPrompt,
  heatmapTokens,
  requestLog,
  runToCompletion,
  scorePromptButton,
  setModel,
  setNumber,
  tokenClasses,
  tokenInspector,
  tokenLogprobs,
} from '../../pages/playground';

interface LegacyLogprobs {
  tokens: string[];
  token_logprobs: Array<number | null>;
  top_logprobs: Array<Record<string, number> | null>;
}

/** The same request, not streamed, straight to the (deterministic for a seed) gateway. */
async function expectedResponse(
  gatewayUrl: string,
  body: Record<string, unknown>,
): Promise<{ text: string; logprobs: LegacyLogprobs }> {
  const { stream_options: _ignored, ...rest } = body;
  const response = await fetch(`${gatewayUrl}/v1/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...rest, stream: false }),
  });
  const json = (await response.json()) as { choices: Array<{ text: string; logprobs: LegacyLogprobs }> };
  const choice = json.choices[0];
  if (!choice) throw new Error('no choice');
  return choice;
}

const hasNonAscii = (text: string): boolean => [...text].some((char) => (char.codePointAt(0) ?? 0) > 0x7f);

async function runWithLogprobs(page: Page, model: string, prompt: string, k = '3'): Promise<void> {
  await setModel(page, model);
  await fillPrompt(page, prompt);
  await setNumber(page, 'Logprobs (logprobs)', k);
  await setNumber(page, 'Seed (seed)', '11');
  await runToCompletion(page);
}

test.describe('logprob heatmap', () => {
  test('one span per token with its logprob, text kept exactly, modes recolour', async ({ app, gateway }) => {
    const { page } = app;
    await app.open();
    const log = requestLog(gateway);
    await runWithLogprobs(page, 'openai/gpt-3.5-turbo-instruct', 'Tell me a story');
    const expected = await expectedResponse(gateway.url, log.lastBody());

    const tokens = heatmapTokens(page);
    await expect(tokens).toHaveCount(expected.logprobs.tokens.length);
    await expect(page.getByTestId('run-logprob-tokens')).toContainText(
      String(expected.logprobs.tokens.length),
    );
    await expect(page.getByTestId('choice-0-text')).toHaveText(expected.text, { useInnerText: false });
    expect(await page.getByTestId('choice-0-text').textContent()).toBe(expected.text);
    expect(hasNonAscii(expected.text)).toBe(true);
    expect(expected.text).not.toContain('\ufffd');
    const logprobs = (await tokenLogprobs(page)).map(Number);
    logprobs.forEach((value, index) => {
      expect(value).toBeLessThanOrEqual(0);
      expect(value).toBeCloseTo(expected.logprobs.token_logprobs[index] ?? NaN, 5);
    });

    await expect(page.getByRole('img', { name: /Probability: .*Underlined/ })).toBeVisible();
    const mode = page.getByLabel('Heatmap mode');
    let previous = await tokenClasses(page);
    for (const next of ['rank', 'surprisal', 'entropy'] as const) {
      await mode.selectOption(next);
      await expect.poll(() => tokenClasses(page)).not.toEqual(previous);
      previous = await tokenClasses(page);
    }
    await expect(page.getByRole('img', { name: /^Entropy:/ })).toBeVisible();
    await expect(page.getByTestId('choice-0-stats')).toContainText(/Mean logprob\s*-\d/);
    await expect(page.getByTestId('choice-0-stats-perplexity')).toHaveText(/^\d+\.\d\d$/);
    await expect(page.getByTestId('choice-0-stats-below-half')).toHaveText(/^\d+ of \d+$/);
  });

  test('the inspector lists the alternatives the gateway sent; keyboard moves, pins and closes', async ({
    app,
    gateway,
  }) => {
    const { page } = app;
    await app.open();
    const log = requestLog(gateway);
    await runWithLogprobs(page, 'openai/gpt-3.5-turbo-instruct', 'Inspect this');
    const expected = await expectedResponse(gateway.url, log.lastBody());
    const top = (index: number) => Object.keys(expected.logprobs.top_logprobs[index] ?? {});

    await heatmapTokens(page).nth(1).hover();
    const inspector = tokenInspector(page);
    await expect(inspector).toBeVisible();
    await expect(page.getByRole('tooltip', { name: 'Token inspector' })).toBeVisible();
    const alternatives = inspector.getByTestId('alternative');
    await expect(alternatives).toHaveCount(top(1).length);
    expect(
      await alternatives.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-token'))),
    ).toEqual(top(1));
    await expect(inspector).toContainText(/% of probability covered by the top 3/);

    // Click pins (a dialog); arrows move; Esc closes; Enter pins again.
    await heatmapTokens(page).nth(0).click();
    const dialog = page.getByRole('dialog', { name: 'Token inspector' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(heatmapTokens(page).nth(2)).toHaveClass(/is-active/);
    await expect(dialog.getByTestId('alternative')).toHaveCount(top(2).length);
    await page.keyboard.press('Escape');
    await expect(inspector).toBeHidden();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(inspector).toBeHidden();
    // Esc closed the inspector only: the run was not touched, the heatmap keeps focus.
    await expect(page.getByTestId('choice-0-text').getByRole('group')).toBeFocused();
  });

  test('Continue from here runs prompt + output so far + the picked alternative', async ({
    app,
    gateway,
  }) => {
    const { page } = app;
    await app.open();
    const log = requestLog(gateway);
    const prompt = 'Continue it';
    await runWithLogprobs(page, 'openai/gpt-3.5-turbo-instruct', prompt);
    const expected = await expectedResponse(gateway.url, log.lastBody());
    const at = 3;
    const alternative = Object.keys(expected.logprobs.top_logprobs[at] ?? {})[1];
    if (alternative === undefined) throw new Error('no second alternative');

    await heatmapTokens(page).nth(at).click();
    const dialog = page.getByRole('dialog', { name: 'Token inspector' });
    const posts = log.posts().length;
    await dialog
      .getByTestId('alternative')
      .nth(1)
      .getByRole('button', { name: /^Continue with/ })
      .click();
    await expect.poll(() => log.posts().length).toBe(posts + 1);
    await expect(page.getByTestId('run-status')).toHaveText(/completed/i);
    const wanted = prompt + expected.logprobs.tokens.slice(0, at).join('') + alternative;
    expect(log.lastBody()).toMatchObject({ prompt: wanted, logprobs: 3, seed: 11 });
    await expect(page.getByLabel('Prompt (prompt)')).toHaveValue(wanted);
  });

  test('Score prompt sends echo, logprobs and max_tokens 0 and shows the prompt heatmap', async ({
    app,
    gateway,
  }) => {
    const { page } = app;
    await app.open();
    const log = requestLog(gateway);
    await setModel(page, 'openai/gpt-3.5-turbo-instruct');
    await fillPrompt(page, 'The café is open\nevery day');
    await scorePromptButton(page).click();
    await expect(page.getByTestId('run-status')).toHaveText(/completed/i);
    expect(log.lastBody()).toMatchObject({ echo: true, logprobs: 1, max_tokens: 0, stream: false });
    await expect(page.getByTestId('prompt-perplexity')).toHaveText(/^\d+\.\d\d$/);
    expect(await page.getByTestId('choice-0-text').textContent()).toBe('The café is open\nevery day');
    const logprobs = await tokenLogprobs(page);
    expect(logprobs[0]).toBe('');
    expect(logprobs.slice(1).every((value) => value !== '' && Number(value) <= 0)).toBe(true);
    await expect(heatmapTokens(page).first()).toHaveClass(/\bhn\b/);
  });

  for (const model of ['openai/gpt-content-logprobs', 'openai/gpt-log-probs-key']) {
    test(`renders the heatmap for ${model}`, async ({ app, gateway }) => {
      const { page } = app;
      await app.open();
      const log = requestLog(gateway);
      await runWithLogprobs(page, model, 'Shapes differ', '2');
      const body = log.lastBody();
      expect(body).toMatchObject({ logprobs: 2 });
      const count = await heatmapTokens(page).count();
      expect(count).toBeGreaterThan(3);
      const text = (await page.getByTestId('choice-0-text').textContent()) ?? '';
      expect(text).not.toContain('\ufffd');
      expect(hasNonAscii(text)).toBe(true);
      expect((await tokenLogprobs(page)).every((value) => Number(value) <= 0 && value !== '')).toBe(true);
      await heatmapTokens(page).nth(1).hover();
      await expect(tokenInspector(page).getByTestId('alternative')).toHaveCount(2);
    });
  }

  test('n = 2: each choice has its heatmap, figures and a rank by mean logprob', async ({ app }) => {
    const { page } = app;
    await app.open();
    await setNumber(page, 'N (n)', '2');
    await runWithLogprobs(page, 'openai/gpt-3.5-turbo-instruct', 'Two ways');
    await expect(heatmapTokens(page, 1).first()).toBeVisible();
    const ranks = [
      await page.getByTestId('choice-0-rank').textContent(),
      await page.getByTestId('choice-1-rank').textContent(),
    ].sort();
    expect(ranks).toEqual(['#1 by mean logprob', '#2 by mean logprob']);
    await page.getByLabel('Rank by mean logprob').check();
    const first = page.locator('.choices > article').first();
    await expect(first.getByText('#1 by mean logprob')).toBeVisible();
  });

  test('the probability chart selects the clicked token', async ({ app }) => {
    const { page } = app;
    await app.open();
    await runWithLogprobs(page, 'openai/gpt-3.5-turbo-instruct', 'Chart it');
    await page.getByText('Probability chart').click();
    const over = page.getByTestId('choice-0-chart').locator('.u-over');
    await expect(over).toBeVisible();
    // The click goes to coordinates: bring the whole chart on screen (above the status bar) first.
    await over.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    const box = await over.boundingBox();
    if (!box) throw new Error('no chart');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.getByRole('dialog', { name: 'Token inspector' })).toBeVisible();
    await expect(page.getByTestId('choice-0-text').locator('.tok.is-active')).toHaveCount(1);
  });

  test('tokens are coloured while they stream in', async ({ app, gateway }) => {
    const { page } = app;
    await app.open();
    gateway.setTokensPerSecond(25);
    try {
      await setModel(page, 'openai/gpt-3.5-turbo-instruct');
      await fillPrompt(page, 'Slowly');
      await setNumber(page, 'Max tokens (max_tokens)', '40');
      await setNumber(page, 'Logprobs (logprobs)', '2');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(heatmapTokens(page).first()).toBeVisible();
      await expect(page.getByTestId('run-status')).toHaveText(/running|streaming/i);
      expect(await heatmapTokens(page).count()).toBeLessThan(40);
      await expect(page.getByTestId('run-status')).toHaveText(/completed/i, { timeout: 15_000 });
      await expect(heatmapTokens(page)).toHaveCount(40);
    } finally {
      gateway.setTokensPerSecond(0);
    }
  });

  test('without logprobs there is no heatmap', async ({ app }) => {
    const { page } = app;
    await app.open();
    await setModel(page, 'openai/gpt-3.5-turbo-instruct');
    await fillPrompt(page, 'Plain');
    await runToCompletion(page);
    await expect(page.getByTestId('choice-0-text')).not.toBeEmpty();
    await expect(heatmapTokens(page)).toHaveCount(0);
    await expect(page.getByLabel('Heatmap mode')).toHaveCount(0);
  });
});
