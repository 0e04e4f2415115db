import { expect, test } from '../../fixtures/web';
import {
  addFallback,
  addLogitBiasRows,
  addStopSequence,
  expectTags,
  fillPrompt,
  fillPrompts,
  numberInput,
  requestLog,
  runButton,
  runToCompletion,
  setModel,
  setNumber,
  setSwitch,
  switchControl,
} from '../../pages/playground';

const MODEL = 'openai/gpt-3.5-turbo-instruct';
const PROMPTS = ['Once upon a time', 'The weather today'];

test.describe('every parameter reaches the gateway exactly as set', () => {
  test('streaming: all parameters set through the form, one panel per prompt × n', async ({
    app,
    gateway,
  }) => {
    const { page } = app;
    await app.open();
    const log = requestLog(gateway);

    await setModel(page, MODEL);
    await fillPrompts(page, PROMPTS);
    await page.getByRole('textbox', { name: 'Suffix (suffix)', exact: true }).fill(' The end.');
    await setNumber(page, 'Max tokens (max_tokens)', '12');
    await setNumber(page, 'Temperature (temperature)', '0.7');
    await setNumber(page, 'Top P (top_p)', '0.9');
    await setNumber(page, 'Frequency penalty (frequency_penalty)', '0.5');
    await setNumber(page, 'Presence penalty (presence_penalty)', '-0.5');
    // best_of > 1 cannot be streamed (the request builder turns streaming off), so a streamed run with
    // best_of set has best_of = n = 1; n > 1 with several prompts is covered below and when not streaming.
    await setNumber(page, 'N (n)', '1');
    await setNumber(page, 'Best of (best_of)', '1');
    await addStopSequence(page, '\\n');
    await addStopSequence(page, 'END');
    await expectTags(page.getByRole('grid', { name: 'Current stop sequences' }), ['↵', 'END']);
    await setNumber(page, 'Logprobs (logprobs)', '3');
    await setSwitch(page, 'Echo (echo)', true);
    await setNumber(page, 'Seed (seed)', '42');
    await page.getByRole('textbox', { name: 'User (user)', exact: true }).fill('e2e-user');
    await addLogitBiasRows(page, [
      ['50256', '-100'],
      ['198', '5.5'],
    ]);
    await expect(switchControl(page, 'Stream (stream)')).toBeChecked();
    await expect(switchControl(page, 'Include usage (stream_options.include_usage)')).toBeChecked();
    await addFallback(page, 'openai/davinci-002');
    await expect(page.getByRole('grid', { name: 'Current fallbacks' })).toContainText('openai/davinci-002');

    await runToCompletion(page);

    expect(log.posts()).toHaveLength(1);
    const sent = log.lastPost();
    expect(sent.path).toBe('/v1/completions');
    expect(sent.headers['accept']).toBe('text/event-stream');
    expect(log.lastBody()).toEqual({
      model: MODEL,
      prompt: PROMPTS,
      suffix: ' The end.',
      max_tokens: 12,
      temperature: 0.7,
      top_p: 0.9,
      n: 1,
      stream: true,
      stream_options: { include_usage: true },
      logprobs: 3,
      echo: true,
      stop: ['\n', 'END'],
      presence_penalty: -0.5,
      frequency_penalty: 0.5,
      best_of: 1,
      logit_bias: { '50256': -100, '198': 5.5 },
      user: 'e2e-user',
      seed: 42,
      fallbacks: ['openai/davinci-002'],
    });
    // On the wire: a real newline (JSON "\n"), not a backslash and an n; token ids as string keys.
    expect(sent.body).toContain('"stop":["\\n","END"]');
    expect(sent.body).not.toContain('\\\\n');
    expect(sent.body).toMatch(/"logit_bias":\{("198":5\.5,"50256":-100|"50256":-100,"198":5\.5)\}/);

    // 2 prompts × n 1: two panels, each with text (echo puts its prompt first).
    await expect(page.getByTestId(/^choice-\d+$/)).toHaveCount(2);
    await expect(page.getByTestId('choice-0-text')).toContainText(PROMPTS[0]!);
    await expect(page.getByTestId('choice-1-text')).toContainText(PROMPTS[1]!);
    await expect(page.getByTestId('stream-off-note')).toHaveCount(0);
    await expect(page.getByTestId('run-usage')).toHaveText(/\d/);
  });

  test('streaming: several prompts × n 2 gives four labelled panels', async ({ app, gateway }) => {
    const { page } = app;
    await app.open();
    const log = requestLog(gateway);
    await setModel(page, MODEL);
    await fillPrompts(page, PROMPTS);
    await setNumber(page, 'N (n)', '2');
    await setNumber(page, 'Seed (seed)', '7');
    await runToCompletion(page);

    expect(log.lastBody()).toEqual({
      model: MODEL,
      prompt: PROMPTS,
      n: 2,
      stream: true,
      stream_options: { include_usage: true },
      seed: 7,
    });
    await expect(page.getByTestId(/^choice-\d+$/)).toHaveCount(4);
    for (const [index, promptNumber] of [1, 1, 2, 2].entries()) {
      const panel = page.getByTestId(`choice-${index}`);
      await expect(panel).toContainText(`prompt ${promptNumber}`);
      await expect(page.getByTestId(`choice-${index}-text`)).not.toBeEmpty();
      await expect(page.getByTestId(`choice-${index}-finish`)).toHaveText(/^(length|stop)$/);
    }
  });

  test('best_of > n with Stream on: streaming is turned off, and the app says why', async ({
    app,
    gateway,
  }) => {
    const { page } = app;
    await app.open();
    const log = requestLog(gateway);
    await setModel(page, MODEL);
    await fillPrompt(page, 'Pick the best');
    await setNumber(page, 'N (n)', '2');
    await setNumber(page, 'Best of (best_of)', '3');
    await expect(switchControl(page, 'Stream (stream)')).toBeChecked();
    await expect(page.getByTestId('stream-off-note')).toBeVisible();
    await expect(page.getByTestId('stream-off-note')).toContainText(/best_of > 1 cannot be streamed/);

    await runToCompletion(page);

    const sent = log.lastPost();
    expect(sent.headers['accept']).toBe('application/json');
    // stream_options only goes with a streamed request.
    expect(log.lastBody()).toEqual({
      model: MODEL,
      prompt: 'Pick the best',
      n: 2,
      stream: false,
      best_of: 3,
    });
    await expect(page.getByTestId('run-notes')).toContainText(
      /Streaming is off: best_of > 1 cannot be streamed/,
    );
    await expect(page.getByTestId(/^choice-\d+$/)).toHaveCount(2);
    await expect(page.getByTestId('choice-0-text')).not.toBeEmpty();
    await expect(page.getByTestId('choice-1-text')).not.toBeEmpty();
  });

  test('Stream switched off: no stream field, no stream_options, the run completes', async ({
    app,
    gateway,
  }) => {
    const { page } = app;
    await app.open();
    const log = requestLog(gateway);
    await setModel(page, MODEL);
    await fillPrompts(page, PROMPTS);
    await setNumber(page, 'N (n)', '2');
    await setNumber(page, 'Best of (best_of)', '3');
    await setSwitch(page, 'Stream (stream)', false);
    await expect(switchControl(page, 'Include usage (stream_options.include_usage)')).toBeDisabled();
    await expect(
      switchControl(page, 'Include usage (stream_options.include_usage)'),
    ).toHaveAccessibleDescription(/Only with streaming: not sent now/);

    await runToCompletion(page);

    expect(log.lastPost().headers['accept']).toBe('application/json');
    expect(log.lastBody()).toEqual({ model: MODEL, prompt: PROMPTS, n: 2, best_of: 3 });
    await expect(page.getByTestId(/^choice-\d+$/)).toHaveCount(4);
    for (const index of [0, 1, 2, 3]) await expect(page.getByTestId(`choice-${index}-text`)).not.toBeEmpty();
    await expect(page.getByTestId('run-usage')).toHaveText(/\d/);
  });
});

test.describe('unset fields are not sent', () => {
  test('a fresh form sends only model, prompt and the streaming defaults; Unset removes a field', async ({
    app,
    gateway,
  }) => {
    const { page } = app;
    await app.open();
    const log = requestLog(gateway);
    await setModel(page, MODEL);
    await fillPrompt(page, 'Nothing else');
    await runToCompletion(page);
    expect(log.lastBody()).toEqual({
      model: MODEL,
      prompt: 'Nothing else',
      stream: true,
      stream_options: { include_usage: true },
    });

    await setNumber(page, 'Temperature (temperature)', '0.3');
    await setNumber(page, 'Max tokens (max_tokens)', '8');
    await page.getByRole('textbox', { name: 'User (user)', exact: true }).fill('someone');
    await page.getByRole('textbox', { name: 'Suffix (suffix)', exact: true }).fill('!');
    await runToCompletion(page);
    expect(log.lastBody()).toEqual({
      model: MODEL,
      prompt: 'Nothing else',
      suffix: '!',
      max_tokens: 8,
      temperature: 0.3,
      stream: true,
      stream_options: { include_usage: true },
      user: 'someone',
    });

    for (const field of ['temperature', 'user', 'suffix']) {
      await page.getByRole('button', { name: `Unset ${field}`, exact: true }).click();
    }
    await expect(numberInput(page, 'Temperature (temperature)')).toHaveValue('');
    await expect(page.getByRole('textbox', { name: 'User (user)', exact: true })).toHaveValue('');
    await runToCompletion(page);
    expect(log.posts()).toHaveLength(3);
    expect(log.lastBody()).toEqual({
      model: MODEL,
      prompt: 'Nothing else',
      max_tokens: 8,
      stream: true,
      stream_options: { include_usage: true },
    });
  });
});

test.describe('invalid values are caught inline, before anything is sent', () => {
  test('out-of-range numbers and best_of < n block the run', async ({ app, gateway }) => {
    const { page } = app;
    await app.open();
    const log = requestLog(gateway);
    await setModel(page, MODEL);
    await fillPrompt(page, 'Never sent');

    const cases: Array<[string, string, RegExp]> = [
      ['Top P (top_p)', '1.5', /Must be between 0 and 1/],
      ['N (n)', '0', /Must be 1 or more/],
      ['Logprobs (logprobs)', '-1', /Must be 0 or more/],
    ];
    for (const [label, value, message] of cases) {
      await setNumber(page, label, value);
      await expect(numberInput(page, label)).toHaveAttribute('aria-invalid', 'true');
      await expect(numberInput(page, label)).toHaveAccessibleDescription(message);
    }
    await runButton(page).click();
    await expect(page.getByTestId('run-bar-status')).toHaveText(/Fix the 3 marked problems before running/);

    // Fix those; best_of below n is a problem of its own.
    await setNumber(page, 'Top P (top_p)', '1');
    await setNumber(page, 'Logprobs (logprobs)', '2');
    await setNumber(page, 'N (n)', '3');
    await setNumber(page, 'Best of (best_of)', '2');
    await expect(numberInput(page, 'N (n)')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(numberInput(page, 'Best of (best_of)')).toHaveAccessibleDescription(
      /best_of must be at least n/,
    );
    await runButton(page).click();
    await expect(page.getByTestId('run-bar-status')).toHaveText(/Fix the marked problem before running/);
    await expect(page.getByTestId('run-status')).toHaveCount(0);
    expect(log.posts()).toHaveLength(0);

    // Once fixed, the same form runs.
    await page.getByRole('button', { name: 'Unset best_of', exact: true }).click();
    await runToCompletion(page);
    expect(log.lastBody()).toMatchObject({ top_p: 1, n: 3, logprobs: 2 });
  });

  test('a fifth stop sequence is refused and the four stay', async ({ app, gateway }) => {
    const { page } = app;
    await app.open();
    const log = requestLog(gateway);
    await setModel(page, MODEL);
    await fillPrompt(page, 'Stop, stop, stop');
    for (const stop of ['A', 'B', 'C', 'D']) await addStopSequence(page, stop);
    const grid = page.getByRole('grid', { name: 'Current stop sequences' });
    await expectTags(grid, ['A', 'B', 'C', 'D']);
    await addStopSequence(page, 'E');
    const entry = page.getByRole('textbox', { name: 'Stop sequences (stop)', exact: true });
    await expect(entry).toHaveAccessibleDescription(/At most 4 stop sequences/);
    await expect(entry).toHaveValue('E');
    await expect(grid.getByRole('row')).toHaveCount(4);
    await runToCompletion(page);
    expect(log.lastBody()['stop']).toEqual(['A', 'B', 'C', 'D']);
  });

  test('invalid logit bias JSON keeps the text, says why, and blocks the run', async ({ app, gateway }) => {
    const { page } = app;
    await app.open();
    const log = requestLog(gateway);
    await setModel(page, MODEL);
    await fillPrompt(page, 'Biased');
    await addLogitBiasRows(page, [['50256', '-100']]);
    await setSwitch(page, 'Edit as JSON', true);
    const json = page.getByRole('textbox', { name: 'Logit bias (logit_bias)', exact: true });
    await expect(json).toHaveValue(/"50256": -100/);
    const broken = '{"50256": -100, "198": }';
    await json.fill(broken);
    await expect(json).toHaveAccessibleDescription(/Not valid JSON/);

    // Switching back to rows is refused and nothing is lost.
    await switchControl(page, 'Edit as JSON').press('Space');
    await expect(switchControl(page, 'Edit as JSON')).toBeChecked();
    await expect(page.getByText('Fix the JSON to switch back to rows; nothing was changed.')).toBeVisible();
    await expect(json).toHaveValue(broken);

    await runButton(page).click();
    await expect(page.getByTestId('run-bar-status')).toHaveText(/Fix the .*marked problem/);
    expect(log.posts()).toHaveLength(0);

    await json.fill('{"50256": -100, "198": 2}');
    await runToCompletion(page);
    expect(log.lastBody()['logit_bias']).toEqual({ '50256': -100, '198': 2 });
  });
});

test('logprobs above 5 warns but runs', async ({ app, gateway }) => {
  const { page } = app;
  await app.open();
  const log = requestLog(gateway);
  await setModel(page, MODEL);
  await fillPrompt(page, 'Many alternatives');
  await setNumber(page, 'Logprobs (logprobs)', '8');
  const logprobs = numberInput(page, 'Logprobs (logprobs)');
  await expect(logprobs).toHaveAccessibleDescription(/OpenAI accepts at most 5/);
  await expect(logprobs).not.toHaveAttribute('aria-invalid', 'true');
  await runToCompletion(page);
  expect(log.lastBody()['logprobs']).toBe(8);
  await expect(page.getByTestId('choice-0-text')).not.toBeEmpty();
});

test('the form survives a page reload', async ({ app }) => {
  const { page } = app;
  await app.open();
  await setModel(page, MODEL);
  await fillPrompts(page, PROMPTS);
  await page.getByRole('textbox', { name: 'Suffix (suffix)', exact: true }).fill('tail');
  await setNumber(page, 'Temperature (temperature)', '0.25');
  await setNumber(page, 'Max tokens (max_tokens)', '33');
  await addStopSequence(page, '\\n');
  await addLogitBiasRows(page, [['42', '3']]);
  await setSwitch(page, 'Echo (echo)', true);
  await setSwitch(page, 'Stream (stream)', false);
  await page.getByRole('textbox', { name: 'User (user)', exact: true }).fill('reloader');
  await addFallback(page, 'openai/babbage-002');

  await page.reload();
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();

  await expect(page.getByLabel('Model (model)')).toHaveValue(MODEL);
  await expect(switchControl(page, 'Several prompts')).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Prompt 1 (prompt)', exact: true })).toHaveValue(
    PROMPTS[0]!,
  );
  await expect(page.getByRole('textbox', { name: 'Prompt 2 (prompt)', exact: true })).toHaveValue(
    PROMPTS[1]!,
  );
  await expect(page.getByRole('textbox', { name: 'Suffix (suffix)', exact: true })).toHaveValue('tail');
  await expect(numberInput(page, 'Temperature (temperature)')).toHaveValue('0.25');
  await expect(numberInput(page, 'Max tokens (max_tokens)')).toHaveValue('33');
  await expectTags(page.getByRole('grid', { name: 'Current stop sequences' }), ['↵']);
  await expect(page.getByRole('textbox', { name: 'Token id 1', exact: true })).toHaveValue('42');
  await expect(page.getByRole('textbox', { name: 'Bias 1', exact: true })).toHaveValue('3');
  await expect(switchControl(page, 'Echo (echo)')).toBeChecked();
  await expect(switchControl(page, 'Stream (stream)')).not.toBeChecked();
  await expect(page.getByRole('textbox', { name: 'User (user)', exact: true })).toHaveValue('reloader');
  await expect(page.getByRole('grid', { name: 'Current fallbacks' })).toContainText('openai/babbage-002');
});
