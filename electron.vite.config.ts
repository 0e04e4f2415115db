import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const sharedAlias = { '@shared': resolve(import.meta.dirname, 'shared') };

export default defineConfig({
  main: {
    resolve: { alias: sharedAlias },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          // The Electron app, and the browser-mode host (plain Node, no Electron).
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          web: resolve(import.meta.dirname, 'electron/web-host/cli.ts'),
          // The built-in engine's host: a utility process (Electron) or a worker thread (browser mode).
          localEngineHost: resolve(import.meta.dirname, 'electron/services/local/localEngineHost.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: sharedAlias },
    build: {
      outDir: 'out/preload',
      // One self-contained CommonJS file: a sandboxed preload cannot require node_modules.
      isolatedEntries: true,
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    resolve: { alias: sharedAlias },
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // PLAYGROUND_NO_MINIFY=1 keeps names readable in CPU profiles.
      minify: process.env.PLAYGROUND_NO_MINIFY !== '1',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
