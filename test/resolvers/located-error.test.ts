// A GatewayError a field resolver throws reaches the client located (message, path,
// locations, extensions) whether graphql-js wraps it or the resolver hands it over already
// located without GraphQLError's constructor (src/resolvers/located-error.ts): the cheap
// form must stay what graphql-js's own `locatedError` makes.
import { GraphQLError, Kind, locatedError, parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, GatewayError, unsupported } from '../../src/errors.js';
import { encodeGlobalId } from '../../src/ids.js';
import { locatedGatewayError } from '../../src/resolvers/located-error.js';
import { formatError } from '../../src/normalize-error.js';
import { startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';

const document = parse(`query {\n  nodes(ids: []) {\n    ... on Asset { shares { totalCount } also: shares { totalCount } }\n  }\n}`);
const operation = document.definitions[0] as OperationDefinitionNode;
const nodesField = operation.selectionSet.selections[0] as FieldNode;
const fragment = nodesField.selectionSet?.selections[0];
const sharesFields = (fragment?.kind === Kind.INLINE_FRAGMENT ? fragment.selectionSet.selections : []) as FieldNode[];
const path = { prev: { prev: { prev: undefined, key: 'nodes', typename: 'Query' }, key: 3, typename: undefined }, key: 'shares', typename: 'Asset' };

describe('a located GatewayError', () => {
  it.each([
    ['one field node', sharesFields.slice(0, 1)],
    ['two field nodes (a field selected twice)', sharesFields],
  ])('is what graphql-js locatedError makes, for %s', (_name, fieldNodes) => {
    const error = unsupported({ source: 'icareus-demo', vendor: 'ICAREUS' }, 'listing the shares of an asset');
    const expected = locatedError(error, fieldNodes, ['nodes', 3, 'shares']);
    const actual = locatedGatewayError(error, { fieldNodes, path });

    expect(actual).toBeInstanceOf(GraphQLError);
    expect(actual.toJSON()).toEqual(expected.toJSON());
    expect(actual.toJSON()).toEqual({ message: error.message, path: ['nodes', 3, 'shares'], locations: expected.locations });
    expect(actual.locations).toEqual(fieldNodes.length === 1 ? [{ line: 3, column: 20 }] : [{ line: 3, column: 20 }, { line: 3, column: 42 }]);
    expect(Object.keys(actual)).toEqual(Object.keys(expected));
    for (const key of ['name', 'message', 'path', 'locations', 'extensions', 'nodes', 'source', 'positions', 'originalError', 'stack'] as const) {
      expect(actual[key], key).toEqual(expected[key]);
    }
    expect(String(actual)).toBe(String(expected));
    expect(formatError(actual.toJSON(), actual)).toEqual(formatError(expected.toJSON(), expected));
  });
});

describe('UNSUPPORTED per asset over HTTP', () => {
  let h: DemoHarness;
  beforeAll(async () => {
    h = await startDemoHarness();
  });
  afterAll(async () => h.stop());

  it('answers each unsupported field null, with its own located error and no stack', async () => {
    const ids = [...h.demo.icareus.state.assets.values()].filter((a) => a.organizationId === 2631609).slice(0, 2);
    const res = await h.gql(
      `query($ids: [ID!]!) {\n  nodes(ids: $ids) { ... on Asset { title shares { edges { cursor } } } }\n}`,
      { ids: ids.map((a) => encodeGlobalId('Asset', 'icareus-demo', String(a.id))) },
    );
    expect(res.body.data?.['nodes']).toEqual(ids.map((a) => ({ title: a.name['en_US'] ?? Object.values(a.name)[0], shares: null })));
    const expected = (index: number) => ({
      message: 'Source "icareus-demo" (ICAREUS) does not support listing the shares of an asset.',
      locations: [{ line: 2, column: 43 }],
      path: ['nodes', index, 'shares'],
      extensions: { code: 'UNSUPPORTED', source: 'icareus-demo', vendor: 'ICAREUS' },
    });
    expect(res.body.errors).toEqual([expected(0), expected(1)]);
    expect(JSON.stringify(res.body)).not.toMatch(/stack|at .*\.js/);
    expect(new GatewayError(ErrorCode.UNSUPPORTED, 'x').stack).toBe('GatewayError: x');
  });
});
