import { resolve } from 'node:path'

import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          // Import, export and checks run in worker threads started from this file.
          'job-worker': resolve(import.meta.dirname, 'electron/services/jobs/job-worker.ts'),
          // The command line, run by bin/caogao.js as plain JavaScript (Node will not strip
          // types under node_modules, and the bundle starts faster than the sources).
          cli: resolve(import.meta.dirname, 'electron/cli/main.ts'),
          // The page layout the command line's PDF export runs in a headless browser.
          'page-layout': resolve(import.meta.dirname, 'renderer/src/pages/page-layout-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    build: {
      minify: true,
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
    plugins: [react()],
  },
})
