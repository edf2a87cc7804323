import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Output must not depend on the developer's terminal or locale.
    env: { NO_COLOR: '1', LANG: 'C', TZ: 'UTC' },
    testTimeout: 20_000,
  },
});
