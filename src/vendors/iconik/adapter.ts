// iconik behind the VendorAdapter interface. Every iconik endpoint the gateway calls is in
// this file; paths, verbs and parameters follow iconik's OpenAPI (vendor-specs, copied to
// docs/vendors.md with the assumptions we made where it is silent).
//
// Batching: iconik has no "get assets by ids" endpoint, but its search
// (POST /search/v1/search/) filters on `id` with `value_in`, so any number of assets (or
// collections) of one source cost one call per ID_CHUNK. Search asks for exactly the
// fields the mapping reads (`include_fields`); the OpenAPI's SearchDocumentSchema declares
// few of them, so a hit that lacks one the status or collections depend on, and an id
// search does not return (deleted assets: search is not shown to find them), is read
// through the documented GET /assets/v1/assets/{id}/ instead of being guessed. Deleted
// assets are read back from the delete queue after writes. A share is addressed through
// its object (GET /assets/v1/{object_type}/{object_id}/shares/{share_id}/), so its native
// id carries both. Per-object lists have no multi-object form and run one call per object
// under the source's connection count (maxConnections).
import type { IconikSourceConfig } from './index.js';
import { ErrorCode, GatewayError, notFound, unsupported, type ErrorOrigin } from '../../errors.js';
import { fetchWindow, type FetchedPage, type PageRequest } from '../../pagination/page-window.js';
import type {
  UploadPort,
  WebhookPort,
  DownloadPort,
  AssetChanges,
  AssetListQuery,
  BatchResult,
  CollectionAdminPort,
  CollectionChanges,
  CollectionListQuery,
  DeletionPort,
  EditPort,
  MediaDetailsPort,
  MembershipPort,
  MetadataEditPort,
  MetadataPort,
  MovePort,
  NestingPort,
  RecycleBinPort,
  RenditionPort,
  ShareListingPort,
  ShareOptions,
  SharePort,
  ShareTargetRef,
  VendorAdapter,
  WriteResult,
} from '../adapter.js';
import type { RequestClient } from '../http.js';
import type { AssetModel, CollectionModel, ShareModel } from '../models.js';
import type { Page, Window } from '../../pagination/window.js';
import type { z } from 'zod';
import type { Endpoint, EndpointCall } from '../endpoint.js';
import { ICONIK_ENDPOINTS } from './endpoints.js';
import { IconikWebhooks } from './webhooks.js';
import { IconikMedia } from './media.js';
import { IconikUploads } from './upload.js';
import { batchById, readEach, settleEach, slotsById } from '../settle-each.js';
import { settleWrite } from '../settle-write.js';
import { parseShareNativeId, shareObjectType, toAsset, toCollection, toShare } from './mapping.js';
import {
  ASSET_FIELDS_FOR_STATUS,
  ASSET_SEARCH_FIELDS,
  COLLECTION_SEARCH_FIELDS,
  type IconikAsset,
  type IconikCollection,
} from './responses.js';

/** A hit's `_sort` as an opaque keyset key (JSON), or undefined when the hit has none. */
const sortKeyOf = (doc: IconikAsset): string | undefined => (doc._sort && doc._sort.length > 0 ? JSON.stringify(doc._sort) : undefined);

/** A key made by sortKeyOf; anything else (a forged cursor) is ignored and the offset decides. */
function parseSortKey(key: string): unknown[] | null {
  try {
    const parsed: unknown = JSON.parse(key);
    return Array.isArray(parsed) && parsed.length > 0 && parsed.length <= 4 && parsed.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)) ? parsed : null;
  } catch {
    return null;
  }
}

/** iconik caps `per_page` at 1000 (DOMAIN.md); we stay well below for search bodies. */
const MAX_PER_PAGE = 1000;
const ID_CHUNK = 500;

/** iconik for one GraphQL request (built per request by the connection in ./index.ts). */
/** SearchSortSchema `name` per order key: the asset document's fields (docs/vendors.md A9). */
const ICONIK_SORT_FIELDS = { CREATED_AT: 'date_created', UPDATED_AT: 'date_modified', TITLE: 'title' } as const;

export class IconikAdapter implements VendorAdapter {
  readonly vendor = 'ICONIK' as const;
  readonly search = true;
  readonly multipleCollectionsPerAsset = true;
  readonly nesting: NestingPort = this;
  readonly recycleBin: RecycleBinPort = this;
  readonly shares: SharePort = this;
  readonly shareListing: ShareListingPort = this;
  readonly edit: EditPort = this;
  readonly deletion: DeletionPort = this;
  readonly move: MovePort = this;
  readonly collectionAdmin: CollectionAdminPort = this;
  readonly membership: MembershipPort = this;
  readonly mediaDetails: MediaDetailsPort;
  readonly renditions: RenditionPort;
  readonly metadata: MetadataPort;
  readonly metadataEdit: MetadataEditPort;
  readonly download: DownloadPort;
  /** Present when the source names the storage uploads go to (uploadStorageId). */
  readonly upload: UploadPort | undefined;
  readonly webhooks: WebhookPort;
  private readonly media: IconikMedia;
  private readonly origin: ErrorOrigin;
  private readonly source: string;

  constructor(config: IconikSourceConfig, private readonly http: RequestClient) {
    this.source = config.name;
    this.origin = http.origin;
    this.media = new IconikMedia(http);
    this.mediaDetails = this.renditions = this.metadata = this.metadataEdit = this.download = this.media;
    this.webhooks = new IconikWebhooks(http);
    this.upload = config.uploadStorageId ? new IconikUploads(http, config.uploadStorageId, async (id) => (await this.getAssets([id]))[0] as AssetModel | null) : undefined;
  }

  async getAssets(ids: readonly string[]): Promise<BatchResult<AssetModel | null>> {
    const hits = await batchById(ids, ID_CHUNK, async (chunk) =>
      slotsById(chunk, (await this.http.call(ICONIK_ENDPOINTS.assetSearch, this.idSearch(chunk, 'assets', ASSET_SEARCH_FIELDS))).objects),
    );
    // Hits complete enough to map; everything else through the documented by-id read.
    const usable = hits.map((hit) => (hit instanceof Error || hit === null || !ASSET_FIELDS_FOR_STATUS.every((field) => hit[field] != null) ? null : hit));
    const reread = ids.filter((_id, i) => usable[i] === null && !(hits[i] instanceof Error));
    const byId = new Map<string, IconikAsset | null | Error>();
    if (reread.length > 0) {
      const read = await readEach(reread, this.http.concurrency, async (id) => {
        return this.http.call(ICONIK_ENDPOINTS.asset, { params: { id } });
      });
      reread.forEach((id, i) => byId.set(id, read[i] ?? null));
    }
    return ids.map((id, i) => {
      const hit = hits[i];
      if (hit instanceof Error) return hit;
      const doc = usable[i] ?? byId.get(id) ?? null;
      if (doc instanceof Error || doc === null) return doc;
      // Display fields the by-id schema lacks (media type, duration, keyframes) come from the hit.
      return toAsset(this.source, hit && doc !== hit ? { ...hit, ...doc } : doc);
    });
  }

  async getCollections(ids: readonly string[]): Promise<BatchResult<CollectionModel | null>> {
    const hits = await batchById(ids, ID_CHUNK, async (chunk) =>
      slotsById(chunk, (await this.http.call(ICONIK_ENDPOINTS.collectionSearch, this.idSearch(chunk, 'collections', COLLECTION_SEARCH_FIELDS))).objects),
    );
    const reread = ids.filter((_id, i) => hits[i] === null || (!(hits[i] instanceof Error) && hits[i]?.status == null));
    const read = reread.length
      ? await readEach(reread, this.http.concurrency, async (id) => {
          return this.http.call(ICONIK_ENDPOINTS.collection, { params: { id } });
        })
      : [];
    const byId = new Map(reread.map((id, i) => [id, read[i] ?? null]));
    return ids.map((id, i) => {
      const doc = byId.has(id) ? byId.get(id) : hits[i];
      if (doc instanceof Error || !doc) return doc ?? null;
      // A collection in iconik's delete queue is gone for clients.
      return doc.status === 'DELETED' ? null : toCollection(this.source, doc);
    });
  }

  async getShares(ids: readonly string[]): Promise<BatchResult<ShareModel | null>> {
    return readEach(ids, this.http.concurrency, async (nativeId) => {
      const ref = parseShareNativeId(nativeId);
      if (!ref) return null;
      return toShare(this.source, await this.http.call(ICONIK_ENDPOINTS.share, { params: ref }));
    });
  }

  async listAssets(window: Window, query: AssetListQuery): Promise<Page<AssetModel>> {
    // The asset list is iconik's search over non-deleted assets, newest first: the same
    // documents (with descriptions) as the by-id reads, and free-text search for free. The
    // id breaks ties, so each hit's sort values (`_sort`) name one place in the list, and
    // `search_after` continues after the last hit shown (keyset): nothing added or deleted
    // before it since skips or repeats an asset (docs/vendors.md A12).
    const criteria = {
      doc_types: ['assets'],
      include_fields: ASSET_SEARCH_FIELDS,
      ...(query.search ? { query: query.search } : {}),
      filter: { operator: 'AND', terms: [{ name: 'status', value: 'ACTIVE' }] },
      sort: [
        query.order ? { name: ICONIK_SORT_FIELDS[query.order.field], order: query.order.direction === 'ASC' ? 'asc' : 'desc' } : { name: 'date_created', order: 'desc' },
        { name: 'id', order: 'asc' },
      ],
    };
    const searchAfter = window.after !== undefined ? parseSortKey(window.after) : null;
    if (searchAfter) {
      const list = await this.http.call(ICONIK_ENDPOINTS.assetSearch, {
        query: { page: 1, per_page: Math.min(window.limit + 1, MAX_PER_PAGE), generate_signed_url: false, save_search_history: false },
        body: { ...criteria, search_after: searchAfter },
      });
      const hits = list.objects.slice(0, window.limit);
      return { items: hits.map((doc) => toAsset(this.source, doc)), hasMore: list.objects.length > window.limit, keys: hits.map(sortKeyOf) };
    }
    const page = await fetchWindow(window, MAX_PER_PAGE, pastLastPageIsEmpty((request) => this.searchHits(request, criteria)));
    return { ...page, items: page.items.map((doc) => toAsset(this.source, doc)), keys: page.items.map(sortKeyOf) };
  }

  async listCollections(window: Window, query: CollectionListQuery): Promise<Page<CollectionModel>> {
    return fetchWindow(window, MAX_PER_PAGE, pastLastPageIsEmpty(async ({ page, perPage }) => {
      const list = await this.http.call(ICONIK_ENDPOINTS.collections, {
        query: { page, per_page: perPage, is_root: query.topLevelOnly ? 'true' : undefined, status: 'ACTIVE' },
      });
      return this.collectionPage(list);
    }));
  }

  async listCollectionAssets(collectionId: string, window: Window): Promise<Page<AssetModel>> {
    return fetchWindow(window, MAX_PER_PAGE, pastLastPageIsEmpty(async ({ page, perPage }) => {
      const list = await this.http.call(ICONIK_ENDPOINTS.assetContents, { params: { id: collectionId }, query: { object_types: 'assets', page, per_page: perPage } });
      return { items: list.objects.map((doc) => toAsset(this.source, doc)), total: list.total ?? null };
    }));
  }

  async listCollectionChildren(collectionId: string, window: Window): Promise<Page<CollectionModel>> {
    return fetchWindow(window, MAX_PER_PAGE, pastLastPageIsEmpty(async ({ page, perPage }) => {
      return this.collectionPage(await this.http.call(ICONIK_ENDPOINTS.collectionContents, { params: { id: collectionId }, query: { object_types: 'collections', page, per_page: perPage } }));
    }));
  }

  async getAncestors(collectionIds: readonly string[]): Promise<BatchResult<readonly CollectionModel[]>> {
    return settleEach(collectionIds, this.http.concurrency, async (id) => {
      // Assumption (docs/vendors.md): iconik lists ancestors from the top level down.
      return (await this.http.call(ICONIK_ENDPOINTS.ancestors, { params: { id } })).objects.map((doc) => toCollection(this.source, doc));
    });
  }

  async getAssetShares(assetIds: readonly string[]): Promise<BatchResult<readonly ShareModel[]>> {
    return this.objectShares('assets', assetIds);
  }

  async getCollectionShares(collectionIds: readonly string[]): Promise<BatchResult<readonly ShareModel[]>> {
    return this.objectShares('collections', collectionIds);
  }

  /** GET /assets/v1/{object_type}/{object_id}/shares/ per object: iconik has no multi-object share read. */
  private async objectShares(objectType: 'assets' | 'collections', ids: readonly string[]): Promise<BatchResult<readonly ShareModel[]>> {
    return settleEach(ids, this.http.concurrency, async (id) => {
      const list = await this.http.call(ICONIK_ENDPOINTS.objectShares, { params: { objectType, objectId: id }, query: { per_page: MAX_PER_PAGE } });
      return list.objects.map((doc) => toShare(this.source, doc));
    });
  }

  async getShareRecipients(shares: readonly ShareModel[]): Promise<BatchResult<readonly string[]>> {
    return settleEach(shares, this.http.concurrency, async (share) => {
      const ref = parseShareNativeId(share.nativeId);
      if (!ref) return [];
      return (await this.http.call(ICONIK_ENDPOINTS.shareUsers, { params: ref, query: { per_page: MAX_PER_PAGE } })).objects.map((user) => user.email);
    });
  }

  async isRecycleBinEnabled(): Promise<boolean> {
    // Every iconik domain has the delete queue; deleted assets stay 24 hours (vendor-specs README).
    return true;
  }

  async listRecycleBin(window: Window): Promise<Page<AssetModel>> {
    return fetchWindow(window, MAX_PER_PAGE, pastLastPageIsEmpty(async ({ page, perPage }) => {
      const list = await this.http.call(ICONIK_ENDPOINTS.deleteQueue, { query: { page, per_page: perPage, sort: 'date_deleted,desc' } });
      return { items: list.objects.map((doc) => toAsset(this.source, doc)), total: list.total ?? null };
    }));
  }

  // ---- Writes. iconik's delete-queue endpoints take many ids and answer 204 without
  // per-id detail, so every bulk write reads the assets back (one search per 500 ids) and
  // reports each id by its actual end state.

  async updateAsset(id: string, changes: AssetChanges): Promise<AssetModel | null> {
    if (changes.title !== undefined) await this.http.call(ICONIK_ENDPOINTS.updateAsset, { params: { id }, body: { title: changes.title } });
    // iconik keeps the description as the metadata field `description` (docs/vendors.md A11),
    // written with the other custom fields in one metadata call, after the title.
    const fields = [
      ...(changes.metadata ?? []),
      ...(changes.description !== undefined ? [{ key: 'description', values: changes.description ? [changes.description] : [] }] : []),
    ];
    if (fields.length > 0) await this.media.updateMetadata(id, fields);
    return null;
  }

  async deleteAssets(ids: readonly string[]): Promise<WriteResult> {
    // iconik answers 204 for the list whatever it holds, so the assets are read first: an id
    // that names no asset is NOT_FOUND, and one that existed and is gone afterwards was
    // deleted (and purged by someone else since), not "not found".
    const before = await this.getAssets(ids);
    const existing = ids.filter((_id, i) => before[i] !== null && !(before[i] instanceof Error));
    const sent = existing.length > 0 ? await this.sendInChunks(ICONIK_ENDPOINTS.deleteAssets, existing) : [];
    const after = existing.length > 0 ? await this.readDeleted(existing).catch((error: unknown) => existing.map(() => asError(error))) : [];
    const deleted = settleWrite(this.origin, existing, sent, after, {
      succeeded: (asset) => asset.status === 'DELETED',
      failure: 'iconik did not move the asset to the delete queue',
      goneIsSuccess: true,
    });
    let next = 0;
    return before.map((asset, i) => {
      if (asset instanceof Error) return asset;
      if (asset === null) return notFound(this.origin, `Asset ${ids[i]}`);
      return deleted[next++] ?? notFound(this.origin, `Asset ${ids[i]}`);
    });
  }

  async restoreAssets(ids: readonly string[]): Promise<WriteResult> {
    const sent = await this.sendInChunks(ICONIK_ENDPOINTS.restoreAssets, ids);
    return this.afterEach(ids, sent, (asset) => asset.status !== 'DELETED', 'the asset is not in the delete queue');
  }

  async purgeAssets(ids: readonly string[]): Promise<WriteResult> {
    // Only assets in the delete queue can be purged; check first so an active asset is
    // reported instead of silently ignored by iconik.
    const before = await this.readDeleted(ids);
    const purgeable = ids.filter((_id, i) => {
      const asset = before[i];
      return asset && !(asset instanceof Error) && asset.status === 'DELETED';
    });
    // iconik answers a purge with 204 for the whole list and skips assets no longer in the
    // queue (a concurrent restore): read back, gone is purged.
    const sent = purgeable.length > 0 ? await this.sendInChunks(ICONIK_ENDPOINTS.purgeAssets, purgeable) : [];
    const after = purgeable.length > 0 ? await this.readDeleted(purgeable).catch((error: unknown) => purgeable.map(() => asError(error))) : [];
    const purged = settleWrite(this.origin, purgeable, sent, after, { succeeded: () => false, failure: 'iconik did not purge the asset', goneIsSuccess: true });
    const outcomeOf = new Map(purgeable.map((id, i) => [id, purged[i]]));
    return before.map((asset, i) => {
      if (asset instanceof Error) return asset;
      if (!asset) return notFound(this.origin, `Asset ${ids[i]}`);
      if (asset.status !== 'DELETED') return notFound(this.origin, `Asset ${ids[i]} in the delete queue`);
      return outcomeOf.get(asset.nativeId) ?? { asset: null };
    });
  }

  async emptyRecycleBin(): Promise<void> {
    await this.http.call(ICONIK_ENDPOINTS.purgeAll);
  }

  /** iconik has no plain move: the asset is added to the destination and removed from its other collections. */
  async moveAssets(ids: readonly string[], destinationCollectionId: string): Promise<WriteResult> {
    const before = await this.getAssets(ids);
    const moved = await settleEach(before, this.http.concurrency, async (asset) => {
      if (asset instanceof Error) throw asset;
      if (!asset) return null;
      await this.addContent(destinationCollectionId, asset.nativeId);
      for (const collectionId of asset.collectionIds.filter((id) => id !== destinationCollectionId)) {
        await this.removeContent(collectionId, asset.nativeId);
      }
      return asset.nativeId;
    });
    const after = await this.getAssets(ids);
    return moved.map((result, i) => {
      if (result instanceof Error) return result;
      if (result === null) return notFound(this.origin, `Asset ${ids[i]}`);
      const asset = after[i];
      return asset instanceof Error ? asset : { asset: asset ?? null };
    });
  }

  async addToCollection(collectionId: string, ids: readonly string[]): Promise<WriteResult> {
    const added = await settleEach(ids, this.http.concurrency, (id) => this.addContent(collectionId, id));
    return this.afterEach(ids, added, (asset) => asset.collectionIds.includes(collectionId), 'the asset is not in the collection');
  }

  async removeFromCollection(collectionId: string, ids: readonly string[]): Promise<WriteResult> {
    const removed = await settleEach(ids, this.http.concurrency, (id) => this.removeContent(collectionId, id));
    return this.afterEach(ids, removed, (asset) => !asset.collectionIds.includes(collectionId), 'the asset is still in the collection');
  }

  async createCollection(title: string, parentId: string | null): Promise<CollectionModel> {
    return toCollection(this.source, await this.http.call(ICONIK_ENDPOINTS.createCollection, { body: { title, parent_id: parentId } }));
  }

  async updateCollection(id: string, changes: CollectionChanges): Promise<CollectionModel | null> {
    const body = { ...(changes.title !== undefined ? { title: changes.title } : {}), ...(changes.parentId !== undefined ? { parent_id: changes.parentId } : {}) };
    return toCollection(this.source, await this.http.call(ICONIK_ENDPOINTS.updateCollection, { params: { id }, body }));
  }

  async deleteCollection(id: string): Promise<void> {
    // 202: iconik moves the collection to its delete queue.
    await this.http.call(ICONIK_ENDPOINTS.deleteCollection, { params: { id } });
  }

  async createShare(target: ShareTargetRef, options: ShareOptions): Promise<ShareModel> {
    const objectType = shareObjectType(target);
    const created = await this.http.call(ICONIK_ENDPOINTS.createShare, {
      params: { objectType, objectId: target.nativeId },
      // ShareCreateSchema: the four allow_* flags and `emails` are required.
      body: {
        emails: options.emails ?? [],
        allow_download: options.allowDownload ?? false,
        allow_comments: options.allowComments ?? false,
        allow_approving_comments: false,
        allow_setting_approve_status: false,
        ...(options.title != null ? { title: options.title } : {}),
        ...(options.message != null ? { message: options.message } : {}),
        ...(options.expiresAt ? { expires: options.expiresAt.toISOString() } : {}),
        ...(options.password ? { password: options.password } : {}),
      },
    });
    return toShare(this.source, created);
  }

  async updateShare(share: ShareModel, options: ShareOptions): Promise<ShareModel> {
    const ref = parseShareNativeId(share.nativeId);
    if (!ref) throw notFound(this.origin, `Share ${share.nativeId}`);
    // ShareSchema's `expires` is a date-time, not nullable: an expiry can be moved, not removed.
    if (options.expiresAt === null) throw unsupported(this.origin, 'removing a share\'s expiry');
    const expires = options.expiresAt ?? share.expiresAt;
    // PUT takes the whole ShareSchema: current values, overridden by what was given.
    const updated = await this.http.call(ICONIK_ENDPOINTS.updateShare, {
      params: ref,
      body: {
        title: options.title !== undefined ? options.title : share.title,
        ...(expires ? { expires: expires.toISOString() } : {}),
        allow_download: options.allowDownload ?? share.allowDownload,
        allow_comments: options.allowComments ?? share.allowComments,
        allow_approving_comments: options.allowComments ?? share.allowComments,
        allow_setting_approve_status: false,
        ...(options.message !== undefined ? { message: options.message } : {}),
      },
    });
    return toShare(this.source, updated);
  }

  async deleteShare(share: ShareModel): Promise<void> {
    const ref = parseShareNativeId(share.nativeId);
    if (!ref) throw notFound(this.origin, `Share ${share.nativeId}`);
    await this.http.call(ICONIK_ENDPOINTS.deleteShare, { params: ref });
  }

  private async addContent(collectionId: string, assetId: string): Promise<void> {
    await this.http.call(ICONIK_ENDPOINTS.addContent, { params: { id: collectionId }, body: { object_id: assetId, object_type: 'assets' } });
  }

  private async removeContent(collectionId: string, assetId: string): Promise<void> {
    await this.http.call(ICONIK_ENDPOINTS.removeContent, { params: { id: collectionId, objectId: assetId } });
  }

  /** Calls done: read the assets back once and report each by its end state (settleWrite). */
  private async afterEach(
    ids: readonly string[],
    calls: ReadonlyArray<unknown>,
    succeeded: (asset: AssetModel) => boolean,
    failure: string,
  ): Promise<WriteResult> {
    return settleWrite(this.origin, ids, calls, await this.getAssets(ids), { succeeded, failure });
  }

  /** One delete-queue call per ID_CHUNK ids; per id, the chunk's error or null. */
  private sendInChunks(endpoint: Endpoint<z.ZodType>, ids: readonly string[]): Promise<Array<null | Error>> {
    return batchById(ids, ID_CHUNK, async (chunk) => {
      await this.http.call(endpoint, { body: { ids: chunk } });
      return chunk.map(() => null);
    });
  }

  /**
   * Assets expected in the delete queue: the queue's newest page first (GET
   * /assets/v1/delete_queue/assets/, newest deletion first), then the by-id reads for any
   * id it does not hold (an older deletion, or one that did not happen).
   */
  private async readDeleted(ids: readonly string[]): Promise<BatchResult<AssetModel | null>> {
    let queued = new Map<string, AssetModel>();
    try {
      const list = await this.http.call(ICONIK_ENDPOINTS.deleteQueue, { query: { page: 1, per_page: Math.min(MAX_PER_PAGE, ids.length), sort: 'date_deleted,desc' } });
      queued = new Map(list.objects.map((doc) => [doc.id, toAsset(this.source, { ...doc, status: 'DELETED' })]));
    } catch (error) {
      // An empty queue answers 404 for page 1 (no such page): nothing is queued.
      if (!(error instanceof GatewayError && error.code === ErrorCode.NOT_FOUND)) throw error;
    }
    const missing = ids.filter((id) => !queued.has(id));
    const read = missing.length ? await this.getAssets(missing) : [];
    const byId = new Map(missing.map((id, i) => [id, read[i] ?? null]));
    return ids.map((id) => queued.get(id) ?? byId.get(id) ?? null);
  }

  private collectionPage(list: { objects: IconikCollection[]; total?: number | null | undefined }): FetchedPage<CollectionModel> {
    return { items: list.objects.map((doc) => toCollection(this.source, doc)), total: list.total ?? null };
  }

  private async searchHits({ page, perPage }: PageRequest, criteria: Record<string, unknown>): Promise<FetchedPage<IconikAsset>> {
    const list = await this.http.call(ICONIK_ENDPOINTS.assetSearch, {
      query: { page, per_page: perPage, generate_signed_url: false, save_search_history: false },
      body: criteria,
    });
    return { items: list.objects, total: list.total ?? null };
  }

  /** One search per ID_CHUNK ids (filter `id` value_in), asking for the fields the mapping reads. */
  private idSearch(chunk: readonly string[], docType: 'assets' | 'collections', fields: readonly string[]): EndpointCall {
    return {
      query: { per_page: chunk.length, generate_signed_url: false, save_search_history: false },
      body: { doc_types: [docType], include_fields: fields, filter: { operator: 'AND', terms: [{ name: 'id', value_in: chunk }] } },
    };
  }
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * iconik answers 404 "Requested page does not exist" for a page past the last one (OpenAPI,
 * list operations). For page 2 and later that only means the list ended; on page 1 a 404
 * still means the parent (collection) does not exist and stays an error.
 */
function pastLastPageIsEmpty<T>(fetchPage: (request: PageRequest) => Promise<FetchedPage<T>>) {
  return async (request: PageRequest): Promise<FetchedPage<T>> => {
    try {
      return await fetchPage(request);
    } catch (error) {
      if (request.page > 1 && error instanceof GatewayError && error.code === ErrorCode.NOT_FOUND) return { items: [], total: null };
      throw error;
    }
  };
}
