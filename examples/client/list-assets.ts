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

export const PlayableRenditionsQuery = graphql(`
  query PlayableRenditions($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Asset {
        title
        media { width height videoCodec }
        renditions { kind format url urlExpiresAt }
      }
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

/**
 * Where to play each asset: its first proxy (else the original), with the picture size, and
 * when the signed URL stops working. A source without renditions answers null for them
 * (with UNSUPPORTED in `errors`): the asset is then left out.
 */
export async function playableUrls(url: string, ids: string[]): Promise<Array<{ title: string; url: string; size: string | null; expiresAt: Date | null }>> {
  const data = await request(url, PlayableRenditionsQuery, { ids });
  return data.nodes.flatMap((node) => {
    if (!node || !('renditions' in node) || !node.renditions) return [];
    const playable = node.renditions.find((r) => r.kind === 'PROXY' && r.url) ?? node.renditions.find((r) => r.kind === 'ORIGINAL' && r.url);
    if (!playable?.url) return [];
    const size = node.media?.width && node.media.height ? `${node.media.width}x${node.media.height}` : null;
    return [{ title: node.title ?? '(untitled)', url: playable.url, size, expiresAt: playable.urlExpiresAt ? new Date(playable.urlExpiresAt) : null }];
  });
}
