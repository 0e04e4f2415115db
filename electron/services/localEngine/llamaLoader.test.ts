import { describe, expect, it } from 'vitest';
import { llamaGpuFor } from './llamaLoader';

describe('llamaGpuFor', () => {
  it('asks for the CPU build, except on Apple Silicon where only the Metal build is prebuilt', () => {
    expect(llamaGpuFor('linux', 'x64')).toBe(false);
    expect(llamaGpuFor('linux', 'arm64')).toBe(false);
    expect(llamaGpuFor('win32', 'x64')).toBe(false);
    expect(llamaGpuFor('darwin', 'x64')).toBe(false);
    expect(llamaGpuFor('darwin', 'arm64')).toBe('metal');
  });
});
