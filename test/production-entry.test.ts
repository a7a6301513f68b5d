// The production entry serves configured vendors only: without GATEWAY_CONFIG it refuses to
// start (before, it silently served simulated vendors, even with NODE_ENV=production), and
// nothing under src/ imports the simulators, so the production build (tsconfig.build.json:
// src only) does not contain them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config.js';
import { configPathFrom } from '../src/main.js';

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
});
