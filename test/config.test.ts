import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFile, parseConfig } from '../src/config.js';

const yaml = `
sources:
  - name: iconik-main
    vendor: ICONIK
    baseUrl: https://app.iconik.io/API/
    credentials:
      appId: \${ICONIK_APP_ID}
      authToken: \${ICONIK_AUTH_TOKEN}
    timeoutMs: 5000
`;

describe('configuration', () => {
  it('reads YAML, fills ${ENV} references and applies defaults', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gw-config-'));
    const file = join(dir, 'gateway.yaml');
    await writeFile(file, yaml);
    const config = await loadConfigFile(file, { ICONIK_APP_ID: 'app', ICONIK_AUTH_TOKEN: 'tok' });
    expect(config.sources[0]).toMatchObject({
      name: 'iconik-main',
      vendor: 'ICONIK',
      timeoutMs: 5000,
      maxConnections: 64,
      credentials: { appId: 'app', authToken: 'tok' },
    });
  });

  it('reads the same configuration written as JSON, and YAML that opens with a brace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gw-config-'));
    const source = { name: 'iconik-main', vendor: 'ICONIK', baseUrl: 'https://app.iconik.io/API/', credentials: { appId: '${ICONIK_APP_ID}', authToken: 'tok' } };
    const json = join(dir, 'gateway.json');
    await writeFile(json, JSON.stringify({ sources: [source] }, null, 2));
    expect((await loadConfigFile(json, { ICONIK_APP_ID: 'app' })).sources[0]).toMatchObject({ name: 'iconik-main', credentials: { appId: 'app' } });
    // A YAML flow mapping (unquoted keys) is not JSON: the YAML parser reads it.
    const flow = join(dir, 'gateway.yaml');
    await writeFile(flow, `{ sources: [ { name: iconik-main, vendor: ICONIK, baseUrl: "https://app.iconik.io/API/", credentials: { appId: app, authToken: tok } } ] }\n`);
    expect((await loadConfigFile(flow, {})).sources[0]).toMatchObject({ name: 'iconik-main', credentials: { appId: 'app' } });
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{ "sources": [ { "name": ');
    await expect(loadConfigFile(broken, {})).rejects.toThrow(/is not valid YAML or JSON/);
  });

  it('names the field and the missing variable, never a value', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gw-config-'));
    const file = join(dir, 'gateway.yaml');
    await writeFile(file, yaml);
    await expect(loadConfigFile(file, { ICONIK_APP_ID: 'app' })).rejects.toThrow(
      /sources\.0\.credentials\.authToken: environment variable ICONIK_AUTH_TOKEN is not set/,
    );
  });

  it('names every unset variable at once, not only the first', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gw-config-'));
    const file = join(dir, 'gateway.yaml');
    await writeFile(file, yaml);
    const failure = await loadConfigFile(file, {}).then(
      () => null,
      (error: unknown) => (error instanceof Error ? error.message : ''),
    );
    expect(failure).toMatch(/sources\.0\.credentials\.appId: environment variable ICONIK_APP_ID is not set/);
    expect(failure).toMatch(/sources\.0\.credentials\.authToken: environment variable ICONIK_AUTH_TOKEN is not set/);
  });

  it('lists every mistake with its path', () => {
    const attempt = () =>
      parseConfig({
        sources: [
          { name: 'a', vendor: 'ICONIK', baseUrl: 'not a url', credentials: { appId: 'x', authToken: 'y' } },
          { name: 'a', vendor: 'ICONIK', baseUrl: 'https://x.example/', credentials: { appId: 'x' }, timeoutMs: -1 },
          { name: 'b', vendor: 'ACME', baseUrl: 'https://x.example/' },
        ],
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('sources.0.baseUrl');
      expect(message).toContain('sources.1.timeoutMs');
      expect(message).toContain('sources.2.vendor');
    }
  });

  it('requires each credential to be configured or to come from a named request header', () => {
    const source = { name: 'a', vendor: 'ICONIK', baseUrl: 'https://x.example/', credentials: { appId: 'x' } };
    expect(() => parseConfig({ sources: [source] })).toThrow(
      /sources\.0\.credentials\.authToken: required: configure it, or name a request header for it in credentialHeaders\.authToken/,
    );
    const perRequest = parseConfig({ sources: [{ ...source, credentialHeaders: { authToken: 'x-iconik-auth-token' } }] });
    expect(perRequest.sources[0]?.credentialHeaders).toEqual({ authToken: 'x-iconik-auth-token' });
    expect(() => parseConfig({ sources: [{ ...source, credentialHeaders: { authToken: 'x-a', password: 'x-b' } }] })).toThrow(
      /credentialHeaders\.password: ICONIK has no credential "password"/,
    );
  });

  it('rejects duplicate source names', () => {
    const source = { name: 'same', vendor: 'ICONIK', baseUrl: 'https://x.example/', credentials: { appId: 'x', authToken: 'y' } };
    expect(() => parseConfig({ sources: [source, source] })).toThrow(/sources\.1\.name: duplicate source name "same"/);
  });
});
