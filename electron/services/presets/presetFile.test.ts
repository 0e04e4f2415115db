import { describe, expect, it } from 'vitest';
import { PRESETS_EXPORT_FORMAT, PRESETS_EXPORT_VERSION, type Preset } from '@shared/contracts/presets';
import { parsePresetsImport, sameParams, sortPresets, uniqueName } from './presetFile';

const preset = (id: string, name: string, temperature: number): Preset => ({
  id,
  name,
  params: { temperature, max_tokens: 32 },
  updatedAt: 1,
});
const file = (presets: unknown[]): string =>
  JSON.stringify({ format: PRESETS_EXPORT_FORMAT, version: PRESETS_EXPORT_VERSION, presets });

describe('uniqueName', () => {
  it('numbers a taken name (case aside) and keeps a free one', () => {
    expect(uniqueName('Focused', new Set())).toBe('Focused');
    expect(uniqueName('Focused', new Set(['focused']))).toBe('Focused (2)');
    expect(uniqueName('Focused', new Set(['focused', 'focused (2)']))).toBe('Focused (3)');
    expect(uniqueName('x'.repeat(80), new Set(['x'.repeat(80)]))).toHaveLength(80);
  });
});

describe('sameParams / sortPresets', () => {
  it('compares parameters whatever their key order', () => {
    expect(sameParams({ temperature: 1, stop: ['a'] }, { stop: ['a'], temperature: 1 })).toBe(true);
    expect(sameParams({ temperature: 1 }, { temperature: 1, n: 2 })).toBe(false);
    expect(sameParams({ logit_bias: { '1': 2, '3': 4 } }, { logit_bias: { '3': 4, '1': 2 } })).toBe(true);
  });

  it('sorts by name without case', () => {
    const sorted = sortPresets([preset('a', 'zeta', 1), preset('b', 'Alpha', 1), preset('c', 'beta', 1)]);
    expect(sorted.map((p) => p.name)).toEqual(['Alpha', 'beta', 'zeta']);
  });
});

describe('parsePresetsImport', () => {
  const existing = [preset('p1', 'Focused', 0.2)];
  let counter = 0;
  const newId = () => `new-${++counter}`;

  it('adds new presets, skips equal ones, renames clashing names and reports invalid ones', () => {
    counter = 0;
    const result = parsePresetsImport(
      file([
        { id: 'p1', name: 'focused', params: { max_tokens: 32, temperature: 0.2 } },
        { id: 'p1', name: 'Focused', params: { temperature: 0.9 } },
        { id: 'p9', name: 'Creative', params: { temperature: 1.5, stop: ['\n'] } },
        { name: 'Broken', params: { temperature: 7 } },
        { name: '', params: {} },
      ]),
      existing,
      newId,
      1000,
    );
    expect(result.skipped).toBe(1);
    expect(result.added).toEqual([
      { id: 'new-1', name: 'Focused (2)', params: { temperature: 0.9 }, updatedAt: 1000 },
      { id: 'p9', name: 'Creative', params: { temperature: 1.5, stop: ['\n'] }, updatedAt: 1000 },
    ]);
    expect(result.problems).toEqual([
      '“Focused” already exists with other parameters: imported as “Focused (2)”.',
      'Preset 4: params.temperature: Must be between 0 and 2',
      'Preset 5: name: Name the preset',
    ]);
  });

  it('refuses a file that is not a presets export, with words for the user', () => {
    expect(() => parsePresetsImport('{', existing, newId, 0)).toThrow(/not valid JSON/);
    expect(() => parsePresetsImport('{"format":"other"}', existing, newId, 0)).toThrow(
      'This file is not a Completions Playground presets export.',
    );
    expect(() =>
      parsePresetsImport(
        JSON.stringify({ format: PRESETS_EXPORT_FORMAT, version: 2, presets: [] }),
        [],
        newId,
        0,
      ),
    ).toThrow(/version 2/);
    expect(() =>
      parsePresetsImport(JSON.stringify({ format: PRESETS_EXPORT_FORMAT, version: 1 }), [], newId, 0),
    ).toThrow(/no list of presets/);
  });
});
