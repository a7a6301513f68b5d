/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What happened to an asset. */
export type AssetChangeKind =
  /** The asset was created (for example by a copy or an upload). */
  | 'CREATED'
  /** It was deleted (to its source's recycle bin, or for good). */
  | 'DELETED'
  /** Its status, fields or metadata changed. */
  | 'UPDATED';

/** An order for `Query.assets`. */
export type AssetOrder = {
  /** The direction; default DESC (newest first). */
  direction?: OrderDirection;
  /** The key. */
  field: AssetOrderField;
};

/** What `Query.assets` can be ordered by. */
export type AssetOrderField =
  /** When the asset was created at the vendor. */
  | 'CREATED_AT'
  /** The title, in the vendor's collation (case-insensitive when merging sources). */
  | 'TITLE'
  /** When the asset was last changed at the vendor. */
  | 'UPDATED_AT';

/**
 * Where an asset is in its lifecycle, unified across vendors. The raw vendor value is kept in
 * `Asset.vendorStatus`. Each value below lists the vendor values that map to it (the mapping
 * tables in src/vendors/<vendor>/mapping.ts; a test keeps these lists and the tables equal).
 */
export type AssetStatus =
  /** The asset's media is in archive (cold) storage; restore it with `restoreArchivedAssets` before use. iconik: archive_status ARCHIVED. Nomad: Archived. */
  | 'ARCHIVED'
  /** The asset's media is being moved to archive (cold) storage. iconik: archive_status ARCHIVING. Nomad: Archiving, PendingArchive. */
  | 'ARCHIVING'
  /** Usable now: playable, downloadable, shareable. iconik: status ACTIVE. Icareus: transcodingStatus 1 and publish-ready. NCP: every listed asset. Nomad: Available, Restored. */
  | 'AVAILABLE'
  /** A copy is being made in the background. Icareus: a copy whose files are not there yet. Nomad: Copying. */
  | 'COPYING'
  /** The asset is in its source's recycle bin and can still be recovered with `recoverDeletedAssets`. iconik: status DELETED (the delete queue). Icareus: in the recycle bin. */
  | 'DELETED'
  /** The vendor is deleting the asset. Nomad: Deleting. */
  | 'DELETING'
  /** The vendor reports a failure for this asset (for example a failed archive); see `vendorStatus`. iconik: archive_status FAILED_TO_ARCHIVE. Icareus: transcodingStatus 2. Nomad: Error. */
  | 'ERROR'
  /** The asset is being moved to another collection in the background. Nomad: Moving. */
  | 'MOVING'
  /** A placeholder without media yet (for example a planned asset). iconik: type PLACEHOLDER. Nomad: SlugReplaced, Placeholder. */
  | 'PLACEHOLDER'
  /** The vendor is transcoding, analysing or otherwise processing the media. Icareus: transcodingStatus 0, or 1 while not publish-ready. Nomad: Renaming, Registering, Updating, Assembling, Clipping, Creating, Replacing. */
  | 'PROCESSING'
  /** The asset's media is being restored from archive storage. Nomad: Restoring, PendingRestore. */
  | 'RESTORING'
  /** The vendor reported a status the gateway does not know yet; see `vendorStatus`. */
  | 'UNKNOWN'
  /** Media is still being uploaded to the vendor. Nomad: Uploading. */
  | 'UPLOADING';

/** How the gateway learnt about a change. */
export type ChangeCause =
  /** The gateway read the asset again while it was in a transient status (COPYING, ARCHIVING, ...). */
  | 'POLL'
  /** A vendor webhook received at `/webhooks/<source>` (iconik). */
  | 'WEBHOOK'
  /** A mutation sent through a gateway instance (any instance, when they share Redis). */
  | 'WRITE';

/**
 * Why something failed, as a closed set a client can switch on. The same codes appear in
 * `extensions.code` of top-level errors, in `userErrors` and in per-item mutation results.
 */
export type ErrorCode =
  /** The input is invalid: a malformed ID, an unknown source, a value out of range. */
  | 'BAD_USER_INPUT'
  /** The credentials are valid but lack the vendor permission this needs. */
  | 'FORBIDDEN'
  /** A fault in the gateway itself; details are in the gateway's log. */
  | 'INTERNAL_SERVER_ERROR'
  /** The vendor does not know the object (or no longer has it). */
  | 'NOT_FOUND'
  /** A write's answer was lost and its effect could not be read back: the vendor may or may not have made the change. Look at the object before retrying. */
  | 'OUTCOME_UNKNOWN'
  /** The vendor rejected the credentials the gateway used for this source. */
  | 'UNAUTHENTICATED'
  /** The source's vendor cannot do this; see `Source.capabilities`. */
  | 'UNSUPPORTED'
  /** The vendor refused the request as invalid; the message quotes the vendor's reason. */
  | 'UPSTREAM_REJECTED'
  /** The vendor did not answer in time. For a write, the change may or may not have happened: read the object before retrying. */
  | 'UPSTREAM_TIMEOUT'
  /** The vendor could not be reached, or answered with a server error or an unusable response. */
  | 'UPSTREAM_UNAVAILABLE';

/** Ascending or descending. */
export type OrderDirection =
  /** Smallest (oldest, A) first. */
  | 'ASC'
  /** Largest (newest, Z) first. */
  | 'DESC';

/** What a rendition is, relative to the asset's original media. */
export type RenditionKind =
  /** A still picture made from the media (keyframes, screenshots). */
  | 'IMAGE'
  /** The original (master) file as it was ingested. */
  | 'ORIGINAL'
  /** Anything else the vendor lists with the asset. */
  | 'OTHER'
  /** A smaller or web-friendly version made by the vendor for playback or preview (iconik proxies, Icareus presets, Nomad related videos and audio). */
  | 'PROXY';

/** The media-asset-management vendor behind a source. */
export type Vendor =
  /** Icareus Suite (Icareus Playout and Archive), organisation-based video platform. */
  | 'ICAREUS'
  /** iconik (Backlight), the cloud media asset management platform (`app.iconik.io`). */
  | 'ICONIK'
  /** NAVER Cloud Platform Media Intelligence: media assets grouped into projects inside a workspace. */
  | 'NCP_MEDIA_INTELLIGENCE'
  /** Nomad Media, whose MAM API models files, folders and buckets as assets. */
  | 'NOMAD';

export type AssetsBySourceQueryVariables = Exact<{
  sources?: Array<string> | string | null | undefined;
  first?: number | null | undefined;
}>;


export type AssetsBySourceQuery = { assets: { edges: Array<{ node: { id: string, title: string | null, status: AssetStatus, durationMs: number | null, source: { name: string, vendor: Vendor } } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type NewestAssetsQueryVariables = Exact<{
  first?: number | null | undefined;
  order?: AssetOrder | null | undefined;
}>;


export type NewestAssetsQuery = { assets: { edges: Array<{ node: { id: string, title: string | null, createdAt: string | null, source: { name: string } } | null }>, sourceErrors: Array<{ code: ErrorCode, source: { name: string } }> } };

export type PlayableRenditionsQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type PlayableRenditionsQuery = { nodes: Array<
    | { title: string | null, media: { width: number | null, height: number | null, videoCodec: string | null } | null, renditions: Array<{ kind: RenditionKind, format: string | null, url: string | null, urlExpiresAt: string | null }> | null }
    | Record<PropertyKey, never>
   | null> };

export type DeleteSomeAssetsMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type DeleteSomeAssetsMutation = { deleteAssets: { results: Array<{ id: string, ok: boolean, error: { code: ErrorCode, message: string, source: string | null } | null }> } };

export type AssetChangesSubscriptionVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type AssetChangesSubscription = { assetChanged: { assetId: string, kind: AssetChangeKind, status: AssetStatus | null, cause: ChangeCause, at: string, asset: { title: string | null, status: AssetStatus } | null } };


export const AssetsBySourceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssetsBySource"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sources"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"sources"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sources"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AssetsBySourceQuery, AssetsBySourceQueryVariables>;
export const NewestAssetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NewestAssets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"order"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AssetOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"order"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sourceErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<NewestAssetsQuery, NewestAssetsQueryVariables>;
export const PlayableRenditionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlayableRenditions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"videoCodec"}}]}},{"kind":"Field","name":{"kind":"Name","value":"renditions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"urlExpiresAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PlayableRenditionsQuery, PlayableRenditionsQueryVariables>;
export const DeleteSomeAssetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteSomeAssets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteAssets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DeleteSomeAssetsMutation, DeleteSomeAssetsMutationVariables>;
export const AssetChangesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AssetChanges"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<AssetChangesSubscription, AssetChangesSubscriptionVariables>;