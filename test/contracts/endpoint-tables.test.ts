// The adapters' endpoint tables (src/vendors/<vendor>/endpoints.ts) and the contracts read
// the same ground: every described call must be an operation of its vendor's reference, and
// only reads (or calls the reference documents as idempotent) may be declared safe to repeat.
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../src/vendors/endpoint.js';
import { ICAREUS_ENDPOINTS } from '../../src/vendors/icareus/endpoints.js';
import { ICONIK_ENDPOINTS } from '../../src/vendors/iconik/endpoints.js';
import { NCP_ENDPOINTS } from '../../src/vendors/ncp/endpoints.js';
import { NOMAD_ENDPOINTS } from '../../src/vendors/nomad/endpoints.js';
import { endpointOf, type EndpointContract } from './contract-kit.js';
import { ICAREUS_CONTRACT } from './icareus.contract.js';
import { findOperation } from './iconik-openapi.js';
import { NCP_CONTRACT } from './ncp.contract.js';
import { NOMAD_CONTRACT } from './nomad.contract.js';

/** A concrete path of a template, each {param} filled with a sample segment. */
const sample = (endpoint: Endpoint) => endpoint.path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'action' ? 'delete' : name === 'objectType' ? 'assets' : 'x1'));
const exchangeOf = (endpoint: Endpoint) => ({
  method: endpoint.method,
  path: sample(endpoint),
  rawUrl: sample(endpoint),
  query: new URLSearchParams(endpoint.fixedQuery ?? {}),
  headers: {},
  body: undefined,
  status: 200,
  response: undefined,
});

/** Reads sent as POST that the reference shows to be searches. */
const SAFE_POSTS = new Set(['iconik asset search', 'iconik collection search', 'nomad search']);

const TABLES: ReadonlyArray<readonly [string, Readonly<Record<string, Endpoint>>, readonly EndpointContract[] | null]> = [
  ['iconik', ICONIK_ENDPOINTS, null],
  ['nomad', NOMAD_ENDPOINTS, NOMAD_CONTRACT],
  ['ncp', NCP_ENDPOINTS, NCP_CONTRACT],
  ['icareus', ICAREUS_ENDPOINTS, ICAREUS_CONTRACT],
];

describe.each(TABLES)('%s endpoint table', (vendor, table, contract) => {
  it('describes only operations of the vendor reference', () => {
    const unknown = Object.values(table).filter((endpoint) =>
      contract ? !endpointOf(contract, exchangeOf(endpoint)) : !findOperation(endpoint.method, sample(endpoint)),
    );
    expect(unknown.map((endpoint) => `${endpoint.method} ${endpoint.path}`)).toEqual([]);
  });

  it('declares retry safety for reads only', () => {
    const wrong = Object.entries(table)
      .filter(([, endpoint]) => endpoint.safeToRepeat && endpoint.method !== 'GET' && !SAFE_POSTS.has(`${vendor} ${endpoint.name}`))
      .map(([key]) => key);
    expect(wrong).toEqual([]);
    // Icareus writes are GETs: their description, not the verb, keeps them from repeating.
    if (vendor === 'icareus') {
      const writes = ['deleteAsset', 'copyAsset', 'moveAsset', 'recoverAsset', 'purgeAsset', 'emptyRecycleBin'];
      expect(writes.filter((key) => table[key]?.safeToRepeat !== false)).toEqual([]);
    }
  });
});
