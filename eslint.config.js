import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const nodeOnly = ['node:*', 'electron', 'fs', 'path', 'http', 'https', 'net', 'child_process', 'ws'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // shared/: pure logic, no environment at all.
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeOnly, 'react', 'react-dom', 'zustand', '@tanstack/*'],
              message: 'shared/ stays environment-free.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  // Tests of shared/ may read fixtures from disk and start loopback servers.
  {
    files: ['shared/**/*.test.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
  // Services and the browser-mode host: Node, never Electron.
  {
    files: ['electron/services/**/*.ts', 'electron/web-host/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Services are Electron-free: inject what they need.' }] },
      ],
    },
  },
  {
    files: [
      'electron/main/**/*.ts',
      'electron/launcher/**/*',
      'electron/security/**/*',
      'electron/packaging/**/*.mjs',
      'electron/services/local/testing/*.mjs',
      'e2e/**/*.ts',
      'bench/**/*',
      '*.config.*',
    ],
    languageOptions: { globals: globals.node },
  },
  // Preload: only electron's renderer-side modules and shared/.
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'ws', 'react'], message: 'The preload is sandboxed.' },
          ],
        },
      ],
    },
  },
  // Renderer: DOM and React, never Node or Electron.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: nodeOnly, message: 'The renderer talks to main only through lib/api.ts.' }] },
      ],
    },
  },
  prettier,
);
