import { describe, expect, it } from 'vitest';
import { createRouter, type Handlers } from './router';
import { recordingClient } from './testing/runHarness';

describe('createRouter', () => {
  it('refuses a record with a symbol key with a message, instead of rejecting', async () => {
    let called = false;
    const router = createRouter({
      'settings.set': () => {
        called = true;
        return {};
      },
    } as unknown as Handlers);
    const input = { key: 'form', value: null, [Symbol('odd')]: 1 };
    // A symbol key inside a record (profiles.save headers) puts a symbol in the issue path.
    const profile = {
      id: 'p',
      name: 'P',
      kind: 'openai',
      baseUrl: 'http://h.test',
      headers: { [Symbol('h')]: 1 },
    };
    await expect(router.dispatch('settings.set', input, recordingClient())).resolves.toMatchObject({
      ok: true,
    });
    expect(called).toBe(true);
    const reply = await router.dispatch('profiles.save', profile, recordingClient());
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.message).toMatch(
      /^Invalid input for profiles\.save: .*headers\.Symbol\(h\)/,
    );
  });

  it('refuses route names that are not strings by their type, even objects that cannot be printed', async () => {
    const router = createRouter({} as Handlers);
    for (const [name, shown] of [
      [{ toString: 0 }, '(object)'],
      [Object.create(null), '(object)'],
      [Symbol('x'), '(symbol)'],
      [null, '(null)'],
      [42, '(number)'],
    ] as const) {
      await expect(router.dispatch(name, {}, recordingClient())).resolves.toEqual({
        ok: false,
        error: { message: `Unknown route: ${shown}` },
      });
    }
    await expect(router.dispatch('x'.repeat(500), {}, recordingClient())).resolves.toEqual({
      ok: false,
      error: { message: `Unknown route: ${'x'.repeat(80)}` },
    });
  });
});
