import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One glob, so no test file can sit outside the runner (see STYLE.md §10).
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
