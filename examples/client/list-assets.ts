// A small typed client of the gateway, as an app team would write it: operations are
// written with `graphql()` and typed by graphql-codegen's client preset from schema/
// (`npm run codegen` regenerates ./gql). No client library needed: fetch + the typed
// document's printed text.
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { graphql } from './gql/index.js';

export const AssetsBySourceQuery = graphql(`
  query AssetsBySource($sources: [String!], $first: Int) {
    assets(first: $first, filter: { sources: $sources }) {
      edges {
        node {
          id
          title
          status
          durationMs
          source { name vendor }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** The newest assets of every source, merged by creation time (orderBy). */
export const NewestAssetsQuery = graphql(`
  query NewestAssets($first: Int, $order: AssetOrder) {
    assets(first: $first, orderBy: $order) {
      edges { node { id title createdAt source { name } } }
      sourceErrors { source { name } code }
    }
  }
`);

export const DeleteAssetsMutation = graphql(`
  mutation DeleteSomeAssets($ids: [ID!]!) {
    deleteAssets(input: { ids: $ids }) {
      results { id ok error { code message source } }
    }
  }
`);

/** Sends a typed operation; the result's type follows the operation's selection. */
export async function request<Result, Variables>(
  url: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await res.json()) as { data?: Result; errors?: Array<{ message: string }> };
  if (!body.data) throw new Error(body.errors?.map((error) => error.message).join('; ') ?? `HTTP ${res.status}`);
  return body.data;
}

/** Titles and durations (in seconds) of one source's first assets. */
export async function listAssets(url: string, source: string): Promise<Array<{ title: string; seconds: number | null }>> {
  const data = await request(url, AssetsBySourceQuery, { sources: [source], first: 5 });
  return data.assets.edges.flatMap(({ node }) =>
    node ? [{ title: node.title ?? '(untitled)', seconds: node.durationMs === null || node.durationMs === undefined ? null : node.durationMs / 1000 }] : [],
  );
}

/** The newest assets across all sources, with creation times as dates (DateTime arrives as an ISO string). */
export async function newestAssets(url: string, first: number): Promise<Array<{ title: string; source: string; createdAt: Date | null }>> {
  const data = await request(url, NewestAssetsQuery, { first, order: { field: 'CREATED_AT', direction: 'DESC' } });
  return data.assets.edges.flatMap(({ node }) =>
    node ? [{ title: node.title ?? '(untitled)', source: node.source.name, createdAt: node.createdAt ? new Date(node.createdAt) : null }] : [],
  );
}
