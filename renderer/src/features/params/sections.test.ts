import { describe, expect, it } from 'vitest';
import { initialParamsForm } from './formState';
import { sectionBadge } from './sections';

describe('sectionBadge', () => {
  it('counts the fields of a section that will be sent', () => {
    const form = {
      ...initialParamsForm,
      numbers: { ...initialParamsForm.numbers, temperature: '0.2', seed: '7', max_tokens: 'x' },
      stop: ['\n'],
    };
    expect(sectionBadge(form, 'Sampling')).toBe('2 set');
    expect(sectionBadge(form, 'Length & stopping')).toBe('1 set');
    expect(sectionBadge(form, 'Bifrost')).toBeUndefined();
  });
});
