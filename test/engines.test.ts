// `npm install` on the supported Node prints no EBADENGINE warning (issue 14): every
// package the lockfile installs accepts the oldest Node the project supports.
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { engines?: unknown; version?: string; optional?: boolean }> };

describe('Node engine', () => {
  it('every locked package accepts the oldest supported Node, and so does the running one', () => {
    const oldest = semver.minVersion(manifest.engines.node)?.version ?? '';
    expect(oldest).toMatch(/^20\./);
    const refusing = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const wanted = (entry.engines as { node?: unknown } | undefined)?.node;
      // Some old packages give engines as a list of strings; only a range string is checked by npm.
      if (typeof wanted !== 'string' || entry.optional) return [];
      return semver.satisfies(oldest, wanted) ? [] : [`${path}@${entry.version}: node ${wanted}`];
    });
    expect(refusing).toEqual([]);
    expect(semver.satisfies(process.versions.node, manifest.engines.node)).toBe(true);
  });
});
