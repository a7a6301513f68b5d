// Vendor answers are checked by JSON Schema validators compiled ahead of time from the zod
// response schemas (src/vendors/parse-response.ts, src/generated/response-validators/).
// These tests hold the two descriptions together: every schema converts, none changes a
// value (what passes is returned as it came), every answer has its compiled validator, and
// the validator accepts and refuses what zod does on the same bodies. `npm test` also fails
// when the compiled validators are stale (scripts/check-codegen.mjs).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Endpoint } from '../../src/vendors/endpoint.js';
import { ICAREUS_ENDPOINTS } from '../../src/vendors/icareus/endpoints.js';
import { ICONIK_ANSWER_PARTS, ICONIK_ENDPOINTS } from '../../src/vendors/iconik/endpoints.js';
import { NCP_ENDPOINTS } from '../../src/vendors/ncp/endpoints.js';
import { NOMAD_ANSWER_PARTS, NOMAD_ENDPOINTS } from '../../src/vendors/nomad/endpoints.js';
import { hasCompiledValidator, matchesSchema, parseResponse } from '../../src/vendors/parse-response.js';
import { GatewayError } from '../../src/errors.js';

const ENDPOINTS: ReadonlyArray<readonly [string, Endpoint]> = [ICONIK_ENDPOINTS, ICAREUS_ENDPOINTS, NCP_ENDPOINTS, NOMAD_ENDPOINTS].flatMap((table) =>
  Object.entries(table).map(([key, endpoint]) => [key, endpoint as Endpoint] as const),
);
const origin = { source: 'test-source', vendor: 'ICONIK' as const };

/** A JSON Schema without `additionalProperties: false`, which zod sets on every object's output (unknown keys stripped). */
const withoutClosedObjects = (schema: unknown): unknown =>
  JSON.parse(JSON.stringify(schema), (key, value: unknown) => (key === 'additionalProperties' && value === false ? undefined : value));

describe('vendor response validation', () => {
  it('describes every answer in JSON Schema, without transforms or defaults, except empty answers', () => {
    const problems = ENDPOINTS.flatMap(([key, endpoint]) => {
      if (endpoint.response.safeParse(undefined).success) return []; // a 204: parsed with zod
      try {
        const input = z.toJSONSchema(endpoint.response, { io: 'input', unrepresentable: 'throw' });
        const output = z.toJSONSchema(endpoint.response, { io: 'output', unrepresentable: 'throw' });
        // Same shape in and out: the validated body is the schema's output as it came.
        return JSON.stringify(withoutClosedObjects(input)) === JSON.stringify(withoutClosedObjects(output)) ? [] : [`${key}: output differs from input`];
      } catch (error) {
        return [`${key}: ${error instanceof Error ? error.message : String(error)}`];
      }
    });
    expect(problems).toEqual([]);
    expect(ENDPOINTS.length).toBeGreaterThan(60);
  });

  it('checks every answer and answer part with a validator compiled ahead of time', () => {
    const parts = [...Object.entries(ICONIK_ANSWER_PARTS), ...Object.entries(NOMAD_ANSWER_PARTS)];
    const missing = [
      ...ENDPOINTS.filter(([, endpoint]) => !endpoint.response.safeParse(undefined).success && !hasCompiledValidator(endpoint.response)).map(([key]) => key),
      ...parts.filter(([, schema]) => !hasCompiledValidator(schema)).map(([name]) => `part ${name}`),
    ];
    expect(missing).toEqual([]);
    // An answer part is checked by its own validator: a wrong shape refused, unknown fields kept.
    expect(matchesSchema(NOMAD_ANSWER_PARTS.identifiers, { assetType: 'File', collections: [{ id: 'c1' }], more: true })).toBe(true);
    expect(matchesSchema(NOMAD_ANSWER_PARTS.identifiers, { collections: [{ name: 'no id' }] })).toBe(false);
    expect(matchesSchema(ICONIK_ANSWER_PARTS.fieldValues, { field_values: [{ value: 'x' }] })).toBe(true);
    expect(matchesSchema(ICONIK_ANSWER_PARTS.fieldValues, { field_values: 'x' })).toBe(false);
  });

  it('accepts and refuses what zod does, and returns the body as it came', () => {
    const search = ICONIK_ENDPOINTS.assetSearch;
    const body = { objects: [{ id: 'a1', title: 'Clip', status: 'ACTIVE', vendor_field: { added: 'later' } }], page: 1, pages: 1, total: 1 };
    expect(search.response.safeParse(body).success).toBe(true);
    const parsed = parseResponse(search.response, body, origin, search.name);
    expect(parsed).toBe(body); // no copy: unknown fields stay, nothing is rebuilt
    const wrong = [
      { objects: [{ title: 'no id' }] },
      { objects: 'not a list' },
      { objects: [{ id: 42 }] },
      { objects: [{ id: 'a1', in_collections: 'c1' }] },
      null,
      'text',
    ];
    for (const candidate of wrong) {
      expect(search.response.safeParse(candidate).success).toBe(false);
      expect(() => parseResponse(search.response, candidate, origin, search.name)).toThrow(GatewayError);
    }
    try {
      parseResponse(search.response, wrong[0], origin, search.name);
    } catch (error) {
      expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', message: 'ICONIK source "test-source" sent an unexpected asset search response.' });
    }
  });

  it('reads an empty answer where the vendor documents none, and refuses a body there', () => {
    const emptyAnswer = ENDPOINTS.find(([, endpoint]) => endpoint.response.safeParse(undefined).success)?.[1];
    expect(emptyAnswer).toBeDefined();
    if (!emptyAnswer) return;
    expect(parseResponse(emptyAnswer.response, undefined, origin, emptyAnswer.name)).toBeUndefined();
    expect(() => parseResponse(emptyAnswer.response, { unexpected: true }, origin, emptyAnswer.name)).toThrow(GatewayError);
  });
});
