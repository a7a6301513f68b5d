// Shapes of the Nomad Media answers the adapter reads, written from Nomad's official
// OpenAPI (Nomad-Media/openapi-spec; its licence forbids copies, so these are our own
// declarations of the fields we use, each named as the spec names it):
// - the asset model of GET /admin/asset/{id} (assetType and assetStatus are enum names);
// - the search result of POST /admin/search and GET /admin/asset/{id}/parent-folders,
//   inside the list envelope {items, totalItemCount};
// - {id} (IdModel), the answer of PATCH, DELETE, create-folder and the per-asset copy;
// - the batch result {items: [partial models], totalItemCount};
// - the share model of the portal's /share endpoints, whose permissions and users are
//   lookup records;
// - ProblemDetails, the error body of every operation.
import { z } from 'zod';

const text = z.string().nullish();

/** AssetTypes in the spec. */
export const nomadAssetType = z.enum(['Folder', 'File', 'Bucket']);
export type NomadAssetType = z.output<typeof nomadAssetType>;

export const nomadAsset = z.object({
  id: z.string(),
  parentId: text,
  displayName: text,
  displayDate: text,
  objectKey: text,
  // AssetStatuses in the spec: a name ("Available", "Moving", ...). Kept as a string so
  // a status Nomad adds later maps to UNKNOWN instead of failing the read.
  assetStatus: z.string(),
  assetType: nomadAssetType,
  /** The original file's URL (AssetModel.fullUrl). */
  fullUrl: text,
});
export type NomadAsset = z.output<typeof nomadAsset>;

/**
 * A search hit. `identifiers` is an open object in the spec; the fields the adapter asks
 * for in `searchResultFields` are expected there (assumption, docs/vendors.md), and a hit
 * without them is read again through GET /admin/asset/{id}.
 */
export const nomadSearchResult = z.object({
  id: z.string(),
  title: text,
  createdDate: text,
  lastModifiedDate: text,
  identifiers: z.record(z.string(), z.unknown()).nullish(),
});
export type NomadSearchResult = z.output<typeof nomadSearchResult>;

export const nomadSearchList = z.object({ items: z.array(nomadSearchResult).nullish(), totalItemCount: z.number().nullish() });

/** The fields of `identifiers` the adapter reads, when present. */
export const nomadIdentifiers = z.object({
  assetType: nomadAssetType.optional(),
  assetStatus: z.string().optional(),
  parentId: z.string().nullish(),
  objectKey: z.string().nullish(),
  /** The asset's collections (lookups), as AssetDetailModel names them: assumption M10. */
  collections: z.array(z.object({ id: z.string() })).nullish(),
});

export const nomadIdModel = z.object({ id: z.string() });

/** AssetPartUploadModel: one part of a multipart upload, with its pre-signed URL and byte range. */
export const nomadUploadPart = z.object({
  id: z.string(),
  url: text,
  partNumber: z.number(),
  startingPosition: z.number(),
  endingPosition: z.number(),
  isCompleted: z.boolean().nullish(),
});

/** AssetUploadModel: the upload, the asset it becomes, and its parts. */
export const nomadUpload = z.object({ id: z.string(), assetId: z.string(), contentLength: z.number().nullish(), parts: z.array(nomadUploadPart).nullish() });
export type NomadUpload = z.output<typeof nomadUpload>;

/** CollectionModel (GET /admin/collection/{id}): a flat, named set of content. */
export const nomadCollection = z.object({ id: z.string(), name: text });
export type NomadCollection = z.output<typeof nomadCollection>;

/** BatchResultModel: partial models of the assets the action was applied to. */
export const nomadBatchResult = z.object({
  items: z.array(z.object({ id: z.string(), assetStatus: z.string().nullish() })).nullish(),
  totalItemCount: z.number().nullish(),
});

const lookup = z.object({ id: z.string(), description: text, name: text });

/** AssetReferenceModel: a file Nomad made of the asset (proxy, audio, screenshot). */
const nomadReference = z.object({
  id: z.string().nullish(),
  url: text,
  fullUrl: text,
  title: text,
  format: text,
  contentLength: z.number().nullish(),
  mediaTypeDisplay: text,
});
export type NomadReference = z.output<typeof nomadReference>;

/**
 * AssetDetailModel (GET /admin/asset/{id}/detail). `properties` and `customAttributes` are
 * open objects in the spec; the media keys read from `properties` are an assumption (M9).
 */
export const nomadAssetDetail = z.object({
  properties: z.record(z.string(), z.unknown()).nullish(),
  customAttributes: z.record(z.string(), z.unknown()).nullish(),
  audioTracks: z.array(z.object({ format: text, bitRate: z.number().nullish() })).nullish(),
  relatedVideos: z.array(nomadReference).nullish(),
  relatedAudio: z.array(nomadReference).nullish(),
  relatedImages: z.array(nomadReference).nullish(),
  screenshots: z.array(nomadReference).nullish(),
  tags: z.array(lookup).nullish(),
  collections: z.array(lookup).nullish(),
  /** The shares the asset is included in (lookups: id and name). */
  shares: z.array(lookup).nullish(),
  /**
   * "The list of parent folder assets that contain this asset" (AssetModel each). Each is
   * checked on its own (NOMAD_ANSWER_PARTS.asset), so a parent of another shape costs that
   * folder's own read, never the detail (docs/vendors.md M12).
   */
  parents: z.array(z.unknown()).nullish(),
});
export type NomadAssetDetail = z.output<typeof nomadAssetDetail>;

export const nomadShare = z.object({
  id: z.string(),
  name: text,
  sharedContents: z.array(z.string()).nullish(),
  sharedPermissions: z.array(lookup).nullish(),
  sharedLink: text,
  expirationDate: text,
  assetId: text,
  nomadUsers: z.array(lookup).nullish(),
});
export type NomadShare = z.output<typeof nomadShare>;

/** ProblemDetails (RFC 9457): `detail` says what went wrong, `title` the status. */
const nomadProblem = z.object({ title: text, detail: text });

export function nomadErrorMessage(_status: number, body: unknown): string | undefined {
  // Built once, not per error (zod compiles an object schema on its first parse).
  const parsed = nomadProblem.safeParse(body);
  if (!parsed.success) return undefined;
  const message = parsed.data.detail ?? parsed.data.title;
  return message ? message.slice(0, 300) : undefined;
}
