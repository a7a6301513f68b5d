/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AssetsBySource($sources: [String!], $first: Int) {\n    assets(first: $first, filter: { sources: $sources }) {\n      edges {\n        node {\n          id\n          title\n          status\n          durationMs\n          source { name vendor }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.AssetsBySourceDocument,
    "\n  query NewestAssets($first: Int, $order: AssetOrder) {\n    assets(first: $first, orderBy: $order) {\n      edges { node { id title createdAt source { name } } }\n      sourceErrors { source { name } code }\n    }\n  }\n": typeof types.NewestAssetsDocument,
    "\n  query PlayableRenditions($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Asset {\n        title\n        media { width height videoCodec }\n        renditions { kind format url urlExpiresAt }\n      }\n    }\n  }\n": typeof types.PlayableRenditionsDocument,
    "\n  mutation DeleteSomeAssets($ids: [ID!]!) {\n    deleteAssets(input: { ids: $ids }) {\n      results { id ok error { code message source } }\n    }\n  }\n": typeof types.DeleteSomeAssetsDocument,
    "\n  subscription AssetChanges($ids: [ID!]!) {\n    assetChanged(ids: $ids) {\n      assetId\n      kind\n      status\n      cause\n      at\n      asset { title status }\n    }\n  }\n": typeof types.AssetChangesDocument,
};
const documents: Documents = {
    "\n  query AssetsBySource($sources: [String!], $first: Int) {\n    assets(first: $first, filter: { sources: $sources }) {\n      edges {\n        node {\n          id\n          title\n          status\n          durationMs\n          source { name vendor }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.AssetsBySourceDocument,
    "\n  query NewestAssets($first: Int, $order: AssetOrder) {\n    assets(first: $first, orderBy: $order) {\n      edges { node { id title createdAt source { name } } }\n      sourceErrors { source { name } code }\n    }\n  }\n": types.NewestAssetsDocument,
    "\n  query PlayableRenditions($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Asset {\n        title\n        media { width height videoCodec }\n        renditions { kind format url urlExpiresAt }\n      }\n    }\n  }\n": types.PlayableRenditionsDocument,
    "\n  mutation DeleteSomeAssets($ids: [ID!]!) {\n    deleteAssets(input: { ids: $ids }) {\n      results { id ok error { code message source } }\n    }\n  }\n": types.DeleteSomeAssetsDocument,
    "\n  subscription AssetChanges($ids: [ID!]!) {\n    assetChanged(ids: $ids) {\n      assetId\n      kind\n      status\n      cause\n      at\n      asset { title status }\n    }\n  }\n": types.AssetChangesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssetsBySource($sources: [String!], $first: Int) {\n    assets(first: $first, filter: { sources: $sources }) {\n      edges {\n        node {\n          id\n          title\n          status\n          durationMs\n          source { name vendor }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query AssetsBySource($sources: [String!], $first: Int) {\n    assets(first: $first, filter: { sources: $sources }) {\n      edges {\n        node {\n          id\n          title\n          status\n          durationMs\n          source { name vendor }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewestAssets($first: Int, $order: AssetOrder) {\n    assets(first: $first, orderBy: $order) {\n      edges { node { id title createdAt source { name } } }\n      sourceErrors { source { name } code }\n    }\n  }\n"): (typeof documents)["\n  query NewestAssets($first: Int, $order: AssetOrder) {\n    assets(first: $first, orderBy: $order) {\n      edges { node { id title createdAt source { name } } }\n      sourceErrors { source { name } code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlayableRenditions($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Asset {\n        title\n        media { width height videoCodec }\n        renditions { kind format url urlExpiresAt }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlayableRenditions($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Asset {\n        title\n        media { width height videoCodec }\n        renditions { kind format url urlExpiresAt }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSomeAssets($ids: [ID!]!) {\n    deleteAssets(input: { ids: $ids }) {\n      results { id ok error { code message source } }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteSomeAssets($ids: [ID!]!) {\n    deleteAssets(input: { ids: $ids }) {\n      results { id ok error { code message source } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AssetChanges($ids: [ID!]!) {\n    assetChanged(ids: $ids) {\n      assetId\n      kind\n      status\n      cause\n      at\n      asset { title status }\n    }\n  }\n"): (typeof documents)["\n  subscription AssetChanges($ids: [ID!]!) {\n    assetChanged(ids: $ids) {\n      assetId\n      kind\n      status\n      cause\n      at\n      asset { title status }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;