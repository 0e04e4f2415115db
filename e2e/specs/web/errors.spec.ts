import { expect, test } from '../../fixtures/web';
import { fillPrompt, runButton, setModel } from '../../pages/playground';

/** Each failure the gateway can produce, and the specific title the app must show for it. */
const failures: Array<{ model: string; title: RegExp; detail?: RegExp; stream?: boolean; raw?: boolean }> = [
  { model: 'fail/401', title: /rejected the key/i, detail: /401/ },
  { model: 'fail/403', title: /access denied/i },
  { model: 'fail/404', title: /model or endpoint not found/i },
  { model: 'fail/400', title: /bad request: temperature/i },
  { model: 'fail/402', title: /payment required/i },
  { model: 'fail/429', title: /rate limited/i, detail: /7\s?s/ },
  { model: 'fail/500', title: /server error \(500\)/i },
  { model: 'fail/503', title: /service unavailable/i },
  { model: 'fail/html', title: /bad gateway/i, detail: /HTML/i },
  { model: 'fail/non-json', title: /not a completion/i, stream: false },
  { model: 'fail/midstream', title: /stream failed after it started/i, detail: /upstream connection reset/ },
  { model: 'fail/event-error', title: /error event/i, detail: /stream interceptor failed/ },
  { model: 'fail/truncated', title: /stream ended early/i, raw: false },
  { model: 'fail/drop', title: /stream ended early|connection/i, raw: false },
];

test.describe('every failure gets a specific message, and the app keeps working', () => {
  for (const failure of failures) {
    test(`${failure.model}`, async ({ app }) => {
      const { page } = app;
      await app.open();
      if (failure.stream === false) await page.getByLabel('Stream (stream)').uncheck({ force: true });
      await setModel(page, failure.model);
      await fillPrompt(page, 'Trigger a failure');
      await runButton(page).click();
      const alert = page.getByRole('alert').filter({ hasText: failure.title });
      await expect(alert).toBeVisible();
      if (failure.detail) await expect(alert).toContainText(failure.detail);
      await expect(page.getByTestId('run-status')).toHaveText(/failed|truncated/i);

      // The raw response is one click away (a stream cut short has none to show).
      if (failure.raw !== false) {
        await alert.getByRole('button', { name: 'Show raw response' }).click();
        await expect(alert.getByTestId('raw-response')).not.toBeEmpty();
      }

      // And the next run works.
      await setModel(page, 'openai/gpt-3.5-turbo-instruct');
      await runButton(page).click();
      await expect(page.getByTestId('run-status')).toHaveText(/completed/i);
    });
  }

  test('partial output stays visible when the stream fails midway', async ({ app }) => {
    const { page } = app;
    await app.open();
    await setModel(page, 'fail/midstream');
    await fillPrompt(page, 'Keep what arrived');
    await runButton(page).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByTestId('choice-0')).not.toBeEmpty();
  });

  test('no gateway listening: says where it looked', async ({ app }) => {
    const { page } = app;
    await app.open();
    await page.getByLabel('Provider profile').selectOption({ label: 'Nowhere' });
    await setModel(page, 'gpt-3.5-turbo-instruct');
    await fillPrompt(page, 'Anyone there?');
    await runButton(page).click();
    await expect(page.getByRole('alert')).toContainText(/No gateway at http:\/\/127\.0\.0\.1:\d+/);
    await expect(page.getByRole('alert')).toContainText(/Is Bifrost \(or your server\) running\?/);
  });

  test('an invalid parameter is caught inline before anything is sent', async ({ app, gateway }) => {
    const { page } = app;
    await app.open();
    await setModel(page, 'openai/gpt-3.5-turbo-instruct');
    await fillPrompt(page, 'Too hot');
    const before = gateway.requests.length;
    await page.getByRole('textbox', { name: 'Temperature (temperature)' }).fill('3');
    await page.getByRole('textbox', { name: 'Temperature (temperature)' }).press('Tab');
    await runButton(page).click();
    await expect(page.getByText('Must be between 0 and 2')).toBeVisible();
    expect(gateway.requests.filter((r) => r.method === 'POST').length).toBe(
      gateway.requests.slice(0, before).filter((r) => r.method === 'POST').length,
    );
  });
});

test.describe('timeouts and connection failures', () => {
  test.use({
    profiles: async ({ gateway }, use) => {
      const port = new URL(gateway.url).port;
      await use([
        {
          id: 'impatient',
          name: 'Impatient',
          kind: 'bifrost',
          baseUrl: gateway.url,
          firstByteTimeoutMs: 600,
          stallTimeoutMs: 600,
          default: true,
        },
        { id: 'tls', name: 'TLS to plain HTTP', kind: 'bifrost', baseUrl: `https://127.0.0.1:${port}` },
        { id: 'dns', name: 'Unknown host', kind: 'bifrost', baseUrl: 'http://no-such-host.invalid:8080' },
      ]);
    },
  });

  const cases: Array<{ name: string; profile?: string; model: string; title: RegExp; partial?: boolean }> = [
    { name: 'no first byte in time', model: 'fail/no-first-byte', title: /no response from the server/i },
    { name: 'a stall between chunks', model: 'fail/stall', title: /the stream stalled/i, partial: true },
    {
      name: 'TLS to a plain HTTP server',
      profile: 'TLS to plain HTTP',
      model: 'openai/x',
      title: /secure connection/i,
    },
    {
      name: 'a host that does not resolve',
      profile: 'Unknown host',
      model: 'openai/x',
      title: /cannot resolve/i,
    },
  ];

  for (const failure of cases) {
    test(failure.name, async ({ app }) => {
      const { page } = app;
      await app.open();
      if (failure.profile) await page.getByLabel('Provider profile').selectOption({ label: failure.profile });
      await setModel(page, failure.model);
      await fillPrompt(page, 'Wait for it');
      await runButton(page).click();
      await expect(page.getByRole('alert').filter({ hasText: failure.title })).toBeVisible();
      await expect(page.getByTestId('run-status')).toHaveText(/failed/i);
      if (failure.partial) await expect(page.getByTestId('choice-0-text')).not.toBeEmpty();
    });
  }
});
