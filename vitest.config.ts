import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@shared': resolve(import.meta.dirname, 'shared') };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'shared', include: ['shared/**/*.test.ts'], environment: 'node' } },
      {
        resolve: { alias },
        test: {
          name: 'electron',
          include: ['electron/**/*.test.ts', 'e2e/fake-gateway/**/*.test.ts', 'e2e/bench/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20000,
        },
      },
      {
        resolve: { alias },
        test: { name: 'renderer', include: ['renderer/**/*.test.ts'], environment: 'node' },
      },
    ],
  },
});
