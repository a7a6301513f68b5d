// iconik contract: every request the gateway sent during the scenario, and every answer
// the simulator gave, validated against iconik's OpenAPI (method, path, query parameters,
// request body, response body with $refs resolved); and every response field the
// adapter's parsers read is declared by the schema of the response it comes from, or
// listed with its reason in iconik-undeclared-fields.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { iconikAsset, iconikCollection, iconikFile, iconikFormat, iconikMetadataValues, iconikProxy, iconikShare, iconikShareUser, iconikWebhook } from '../../src/vendors/iconik/responses.js';
import type { Exchange } from '../../simulators/kit/simulator-server.js';
import { startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';
import { checkExchange, declaredFields, findOperation } from './iconik-openapi.js';
import { UNDECLARED_FIELDS_READ } from './iconik-undeclared-fields.js';
import { runScenario } from './scenario.js';

let h: DemoHarness;
let exchanges: Exchange[] = [];
beforeAll(async () => {
  // With webhooks, as `npm start` runs: the gateway registers its endpoint at start, and
  // the simulator's deliveries make the gateway read the assets they name.
  h = await startDemoHarness(undefined, { webhooks: true });
  const registration = [...h.demo.iconik.exchanges];
  h.clearRequests();
  await runScenario(h);
  exchanges = [...registration, ...h.demo.iconik.exchanges];
}, 30_000);
afterAll(async () => h.stop());

/** Each parser of the adapter, and the response schemas it parses. */
const PARSERS: ReadonlyArray<readonly [string, z.ZodObject, readonly string[]]> = [
  ['iconikAsset', iconikAsset, ['SearchDocumentSchema', 'AssetElasticSchema', 'AssetSchema']],
  ['iconikCollection', iconikCollection, ['SearchDocumentSchema', 'CollectionElasticSchema', 'CollectionSchema']],
  ['iconikShare', iconikShare, ['ShareSchema']],
  ['iconikShareUser', iconikShareUser, ['ShareUserSchema']],
  ['iconikFormat', iconikFormat, ['FormatSchema']],
  ['iconikFile', iconikFile, ['FileSchema']],
  ['iconikProxy', iconikProxy, ['ProxySchema']],
  ['iconikMetadataValues', iconikMetadataValues, ['MetadataValuesSchema']],
  ['iconikWebhook', iconikWebhook, ['WebhookSchema']],
];

describe('iconik requests and answers follow the OpenAPI', () => {
  it('the scenario reached every iconik operation the adapter uses', () => {
    const used = new Set(exchanges.map((e) => `${e.method} ${findOperation(e.method, e.path.replace(/^\/API/, ''))?.template}`));
    expect([...used].sort()).toEqual(
      [
        'DELETE /assets/v1/delete_queue/assets/',
        'DELETE /assets/v1/collections/{collection_id}/',
        'DELETE /assets/v1/collections/{collection_id}/contents/{object_type}/{object_id}/',
        'DELETE /assets/v1/{object_type}/{object_id}/shares/{share_id}/',
        'GET /assets/v1/assets/{asset_id}/',
        'GET /assets/v1/collections/',
        'GET /assets/v1/collections/{collection_id}/ancestors/',
        'GET /assets/v1/collections/{collection_id}/contents/',
        'GET /assets/v1/delete_queue/assets/',
        'GET /assets/v1/{object_type}/{object_id}/shares/',
        'GET /assets/v1/{object_type}/{object_id}/shares/{share_id}/',
        'GET /assets/v1/{object_type}/{object_id}/shares/{share_id}/users/',
        'GET /files/v1/assets/{asset_id}/files/',
        'GET /files/v1/assets/{asset_id}/files/{file_id}/',
        'GET /files/v1/assets/{asset_id}/formats/',
        'GET /files/v1/assets/{asset_id}/proxies/',
        'GET /notifications/v1/webhooks/',
        'GET /metadata/v1/{object_type}/{object_id}/',
        'PATCH /assets/v1/assets/{asset_id}/',
        'PATCH /files/v1/assets/{asset_id}/files/{file_id}/',
        'PATCH /assets/v1/collections/{collection_id}/',
        'POST /assets/v1/assets/',
        'POST /assets/v1/collections/',
        'POST /assets/v1/collections/{collection_id}/contents/',
        'POST /assets/v1/delete_queue/assets/',
        'POST /files/v1/assets/{asset_id}/file_sets/',
        'POST /files/v1/assets/{asset_id}/files/',
        'POST /files/v1/assets/{asset_id}/formats/',
        'POST /notifications/v1/webhooks/',
        'PUT /metadata/v1/{object_type}/{object_id}/',
        'POST /assets/v1/delete_queue/assets/purge/',
        'POST /assets/v1/delete_queue/assets/purge/all/',
        'POST /assets/v1/{object_type}/{object_id}/shares/',
        'PUT /assets/v1/{object_type}/{object_id}/shares/{share_id}/',
        'POST /search/v1/search/',
      ].sort(),
    );
  });

  it('every exchange matches its operation: query, body and answer', () => {
    const problems = exchanges.flatMap((e) => {
      const found = findOperation(e.method, e.path.replace(/^\/API/, ''));
      if (!found) return [`${e.method} ${e.path}: no such operation`];
      return checkExchange(found.operation, e.query, e.body, e.status, e.response).map((p) => `${e.method} ${found.template}: ${p}`);
    });
    expect([...new Set(problems)]).toEqual([]);
  });

  it('the adapter reads only declared fields, or fields on the allow-list with a reason', () => {
    const unexplained = PARSERS.flatMap(([name, parser, schemas]) =>
      schemas.flatMap((schema) => {
        const declared = declaredFields(schema);
        const allowed = UNDECLARED_FIELDS_READ[schema] ?? {};
        return Object.keys(parser.shape)
          .filter((field) => !declared.has(field) && !allowed[field])
          .map((field) => `${name}.${field} is not in ${schema}`);
      }),
    );
    expect(unexplained).toEqual([]);
  });
});
