import { expect, test, slowProfiles } from '../../fixtures/web';
import { fillPrompt, runButton, setModel, stopButton } from '../../pages/playground';

test.describe('running a completion', () => {
  test('streams the text in and shows usage, timing and who answered', async ({ app, gateway }) => {
    const { page } = app;
    await app.open();
    await setModel(page, 'openai/gpt-3.5-turbo-instruct');
    await fillPrompt(page, 'Once upon a time');
    await runButton(page).click();

    const choice = page.getByTestId('choice-0-text');
    await expect(choice).not.toBeEmpty();
    await expect(page.getByTestId('run-status')).toHaveText(/completed/i);

    const sent = gateway.requests.at(-1);
    expect(sent?.path).toBe('/v1/completions');
    const body = JSON.parse(sent?.body ?? '{}') as Record<string, unknown>;
    expect(body).toMatchObject({
      model: 'openai/gpt-3.5-turbo-instruct',
      prompt: 'Once upon a time',
      stream: true,
    });

    await expect(page.getByTestId('run-usage')).toHaveText(/\d+.*\d+.*\d+/);
    await expect(page.getByTestId('run-ttft')).toHaveText(/\d+(\.\d+)?\s?(ms|s)/);
    await expect(page.getByTestId('run-total-time')).toHaveText(/\d+(\.\d+)?\s?(ms|s)/);
    await expect(page.getByTestId('run-tps')).toHaveText(/\d/);
    await expect(page.getByTestId('run-served-by')).toContainText('openai');
    await expect(page.getByTestId('run-served-by')).toContainText('gpt-3.5-turbo-instruct');
    await expect(page.getByTestId('run-request-id')).not.toHaveText('—');
    await expect(page.getByTestId('choice-0-finish')).toHaveText(/length|stop/);
  });

  test('a failing primary is served by its fallback, and the app says so', async ({ app, gateway }) => {
    const { page } = app;
    await app.open();
    await setModel(page, 'fail/503');
    await fillPrompt(page, 'Fallback please');
    const fallbacks = page.getByLabel('Fallbacks (fallbacks)');
    await fallbacks.fill('openai/davinci-002');
    await fallbacks.press('Enter');
    await expect(page.getByRole('grid', { name: 'Current fallbacks' })).toContainText('openai/davinci-002');
    await runButton(page).click();
    await expect(page.getByTestId('run-status')).toHaveText(/completed/i);
    await expect(page.getByTestId('run-served-by')).toContainText('davinci-002');
    await expect(page.getByTestId('run-fallback')).toContainText(/fallback #1/i);
    const body = JSON.parse(gateway.requests.at(-1)?.body ?? '{}') as Record<string, unknown>;
    expect(body['fallbacks']).toEqual(['openai/davinci-002']);
  });
});

test.describe('a slow gateway', () => {
  test.use({ profiles: slowProfiles(20) });

  test('Stop keeps what already arrived, and nothing arrives after', async ({ app }) => {
    const { page } = app;
    await app.open();
    await setModel(page, 'openai/gpt-3.5-turbo-instruct');
    await fillPrompt(page, 'A slow story');
    await page.getByLabel('Max tokens (max_tokens)').fill('400');
    await runButton(page).click();
    const choice = page.getByTestId('choice-0-text');
    await expect(choice).not.toBeEmpty();
    await stopButton(page).click();
    await expect(page.getByTestId('run-status')).toHaveText(/aborted|stopped/i);
    const kept = await choice.innerText();
    expect(kept.length).toBeGreaterThan(0);
    await page.waitForTimeout(400);
    expect(await choice.innerText()).toBe(kept);
    await expect(runButton(page)).toBeEnabled();
  });

  test('Ctrl+Enter runs and Escape stops', async ({ app }) => {
    const { page } = app;
    await app.open();
    await setModel(page, 'openai/gpt-3.5-turbo-instruct');
    await fillPrompt(page, 'Keyboard only');
    await page.getByLabel('Max tokens (max_tokens)').fill('400');
    await page.getByLabel('Prompt (prompt)').press('Control+Enter');
    await expect(page.getByTestId('choice-0-text')).not.toBeEmpty();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('run-status')).toHaveText(/aborted|stopped/i);
  });

  test('text streams in over time, not all at once', async ({ app }) => {
    const { page } = app;
    await app.open();
    await setModel(page, 'openai/gpt-3.5-turbo-instruct');
    await fillPrompt(page, 'Slowly');
    await page.getByLabel('Max tokens (max_tokens)').fill('30');
    await runButton(page).click();
    const choice = page.getByTestId('choice-0-text');
    await expect(choice).not.toBeEmpty();
    await expect(page.getByTestId('run-status')).toHaveText(/running|streaming/i);
    const early = (await choice.innerText()).length;
    await expect(page.getByTestId('run-status')).toHaveText(/completed/i, { timeout: 15_000 });
    expect((await choice.innerText()).length).toBeGreaterThan(early);
  });
});
