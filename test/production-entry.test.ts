// The production entry serves configured vendors only: without GATEWAY_CONFIG it refuses to
// start (before, it silently served simulated vendors, even with NODE_ENV=production), and
// nothing under src/ imports the simulators, so the production build (tsconfig.build.json:
// src only) does not contain them. The build as shipped (`npm run build`: compiled, then
// bundled into dist/gateway/) starts and answers across the four vendors.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDemoSimulators, type DemoSimulators } from '../simulators/index.js';
import { postJson } from './support/gateway-harness.js';
import { buildForProcesses, startBuiltGateway } from './support/production-build.js';
import { ConfigError, configPathFrom } from '../src/config.js';
import { encodeGlobalId } from '../src/ids.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('production entry', () => {
  it('refuses to start without GATEWAY_CONFIG, saying how to give one', () => {
    expect(() => configPathFrom({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => configPathFrom({})).toThrow(/GATEWAY_CONFIG is not set.*npm start/s);
    expect(configPathFrom({ GATEWAY_CONFIG: '/etc/gateway.yaml' })).toBe('/etc/gateway.yaml');
  });

  it('does not import the simulators from anything under src/', () => {
    const importing = sourceFiles('src').filter((file) => /from '(\.\.\/)+simulators\//.test(readFileSync(file, 'utf8')));
    expect(importing).toEqual([]);
  });

  describe('the bundled build (dist/gateway/main.js)', () => {
    let demo: DemoSimulators | undefined;
    let child: ChildProcess | undefined;
    afterAll(async () => {
      child?.kill('SIGTERM');
      await demo?.close();
    });

    it('refuses to start without GATEWAY_CONFIG, with the same message', async () => {
      await buildForProcesses();
      const run = spawnSync(process.execPath, ['dist/gateway/main.js'], { env: { PATH: process.env.PATH }, encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/^GATEWAY_CONFIG is not set/);
    }, 180_000);

    it("hashes query text with Node's crypto: no JavaScript SHA-256 (sha.js) in the bundle", async () => {
      await buildForProcesses();
      const chunks = ['dist/gateway/main.js', ...readdirSync('dist/gateway/chunks').filter((name) => name.endsWith('.js')).map((name) => join('dist/gateway/chunks', name))];
      // sha.js's factory throws this for an unknown algorithm; @apollo/utils.createhash falls back to it when bundled (scripts/bundle-node-createhash.mjs).
      expect(chunks.filter((file) => readFileSync(file, 'utf8').includes('is not supported (we accept pull requests)'))).toEqual([]);
    }, 180_000);

    it('serves a configured source of each vendor: an asset of each read by id', async () => {
      await buildForProcesses();
      demo = await startDemoSimulators();
      const configFile = join(mkdtempSync(join(tmpdir(), 'mam-bundle-')), 'gateway.json');
      writeFileSync(configFile, JSON.stringify({ sources: demo.config.sources }));
      const started = startBuiltGateway({ ...process.env, GATEWAY_CONFIG: configFile, PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'production' });
      child = started.child;
      const url = await started.ready;
      const first = <T>(values: Iterable<T>) => [...values][0];
      const ids = [
        encodeGlobalId('Asset', 'iconik-demo', first(demo.iconik.state.assets.keys()) ?? ''),
        encodeGlobalId('Asset', 'icareus-demo', String(first(demo.icareus.state.assets.keys()) ?? '')),
        encodeGlobalId('Asset', 'ncp-demo', `${first(demo.ncp.state.assets.values())?.projectId}/${first(demo.ncp.state.assets.values())?.assetId}`),
        encodeGlobalId('Asset', 'nomad-demo', [...demo.nomad.state.assets.values()].find((asset) => asset.assetType === 'File')?.id ?? ''),
      ];
      const res = await postJson(url, { query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Asset { title source { vendor } } } }', variables: { ids } });
      expect(res.body.errors).toBeUndefined();
      const nodes = (res.body.data as { nodes: Array<{ title: string; source: { vendor: string } }> }).nodes;
      expect(nodes.map((node) => node.source.vendor)).toEqual(['ICONIK', 'ICAREUS', 'NCP_MEDIA_INTELLIGENCE', 'NOMAD']);
      expect(nodes.every((node) => node.title.length > 0)).toBe(true);
    }, 180_000);
  });
});
