import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // One graphql-js for everything, as under plain Node: Vite would hand the project's own
  // imports graphql's ESM build (its `module` field) while packages loaded by Node
  // (@graphql-tools/schema, graphql-ws) get the CommonJS one, and graphql-js refuses a
  // schema made by the other copy ("from another module or realm").
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    env: { LOG_LEVEL: 'silent' },
  },
});
