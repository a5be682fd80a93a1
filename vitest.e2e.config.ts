import { defineConfig } from 'vitest/config'

// Real Chromium against the built renderer; one file at a time keeps two cores calm.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'test-results/e2e.json' }]],
  },
})
