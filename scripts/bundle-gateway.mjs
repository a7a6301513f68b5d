// The production build's last step: bundles the compiled entries (dist/src/main.js and
// dist/src/worker.js, from `tsc -b tsconfig.build.json`) with the dependencies they load
// into dist/gateway/, minified, with source maps beside them.
//
// Why (issue 17): a running process keeps the source text of every module it loaded, and
// the gateway's module graph is hundreds of files. One minified bundle cut the heap V8 must
// keep live, and every load's peak RSS with it: idle RSS 71 against 91-96 MB one second
// after start, and a bench-like sequence peaked 138-140 MB against 147-150 (two
// interleaved pairs each, 2026-11-28; bundling alone, not minified, 142-145).
//
// Left out of the bundle, loaded from node_modules when used:
// - bullmq and ioredis: loaded only with REDIS_URL (bullmq reads its Lua scripts next to
//   its own files);
// - what the code itself loads with createRequire (undici's two files in
//   src/vendors/undici-core.ts, the explorer's browser assets).
//
// Replaced in the bundle: @apollo/utils.createhash by Node's own createHash
// (scripts/bundle-node-createhash.mjs says why).
//
// Stack traces point into the bundle; `node --enable-source-maps dist/gateway/main.js`
// maps them back to src/.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const BUNDLE_DIR = 'dist/gateway';

rmSync(BUNDLE_DIR, { recursive: true, force: true });
await build({
  input: { main: 'dist/src/main.js', worker: 'dist/src/worker.js' },
  platform: 'node',
  external: [/^node:/, 'bullmq', 'ioredis'],
  resolve: { alias: { '@apollo/utils.createhash': fileURLToPath(new URL('./bundle-node-createhash.mjs', import.meta.url)) } },
  logLevel: 'warn',
  output: {
    dir: BUNDLE_DIR,
    format: 'esm',
    minify: true,
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
});
