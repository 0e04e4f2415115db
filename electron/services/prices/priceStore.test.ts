import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPriceStore } from './priceStore';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prices-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createPriceStore', () => {
  it('starts empty, persists what is set, and removes with null', async () => {
    const file = join(dir, 'prices.json');
    const store = createPriceStore(file);
    expect(await store.get()).toEqual({});
    await store.set('openai/gpt-3.5-turbo-instruct', { inputPerMillion: 1.5, outputPerMillion: 2 });
    await store.set('my/model', { inputPerMillion: 0.1, outputPerMillion: 0.2 });
    await store.set('my/model', null);
    const reopened = createPriceStore(file);
    expect(await reopened.get()).toEqual({
      'openai/gpt-3.5-turbo-instruct': { inputPerMillion: 1.5, outputPerMillion: 2 },
    });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1 });
  });

  it('treats a damaged file as no overrides and drops invalid entries', async () => {
    const damaged = join(dir, 'damaged.json');
    await writeFile(damaged, '{not json');
    expect(await createPriceStore(damaged).get()).toEqual({});
    const mixed = join(dir, 'mixed.json');
    await writeFile(
      mixed,
      JSON.stringify({
        version: 1,
        prices: { ok: { inputPerMillion: 1, outputPerMillion: 1 }, bad: { inputPerMillion: -1 } },
      }),
    );
    expect(await createPriceStore(mixed).get()).toEqual({ ok: { inputPerMillion: 1, outputPerMillion: 1 } });
  });
});
