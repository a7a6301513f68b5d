// iconik behind the VendorAdapter interface. Every iconik endpoint the gateway calls is in
// this file; paths, verbs and parameters follow iconik's OpenAPI (vendor-specs, copied to
// docs/vendors.md with the assumptions we made where it is silent).
//
// Batching: iconik has no "get assets by ids" endpoint, but its search
// (POST /search/v1/search/) filters on `id` with `value_in`, so any number of assets (or
// collections) of one source cost one call per ID_CHUNK. Shares by id come from
// GET /assets/v1/shares/all/?ids=. Per-object lists (an asset's shares, a collection's
// ancestors, a share's users) have no multi-object form and run one call per object under
// the source's connection count (maxConnections).
import type { Capability } from '../../generated/resolvers-types.js';
import { REQUIRED_CREDENTIALS, type IconikSourceConfig } from '../../config.js';
import { credentialsFor } from '../credentials.js';
import { ErrorCode, GatewayError, notFound, unsupported, type ErrorOrigin } from '../../errors.js';
import { fetchWindow, type FetchedPage, type PageRequest } from '../../pagination/page-window.js';
import type {
  AssetChanges,
  AssetListQuery,
  BatchResult,
  CollectionListQuery,
  ShareOptions,
  ShareTargetRef,
  VendorAdapter,
  WriteResult,
} from '../adapter.js';
import { encodePath } from '../encode-path.js';
import { UpstreamClient } from '../http.js';
import { RequestBoundAdapter } from '../request-bound-adapter.js';
import type { AssetModel, CollectionModel, Page, ShareModel, Window } from '../models.js';
import { parseResponse } from '../parse-response.js';
import { settleEach } from '../settle-each.js';
import { shareObjectType, toAsset, toCollection, toShare } from './mapping.js';
import {
  iconikAsset,
  iconikCollection,
  iconikErrorMessage,
  iconikList,
  iconikShare,
  iconikShareUser,
} from './responses.js';

/** iconik caps `per_page` at 1000 (DOMAIN.md); we stay well below for search bodies. */
const MAX_PER_PAGE = 1000;
const ID_CHUNK = 500;

const assetList = iconikList(iconikAsset);
const collectionList = iconikList(iconikCollection);
const shareList = iconikList(iconikShare);
const shareUserList = iconikList(iconikShareUser);

const CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'COLLECTIONS',
  'NESTED_COLLECTIONS',
  'MULTIPLE_COLLECTIONS_PER_ASSET',
  'SHARES',
  'RECYCLE_BIN',
  'SEARCH',
  'EDIT_ASSETS',
  'DELETE_ASSETS',
  'MOVE_ASSETS',
  'MANAGE_COLLECTIONS',
  'COLLECTION_MEMBERSHIP',
  'CREATE_SHARES',
  'MANAGE_SHARES',
]);

export class IconikAdapter extends RequestBoundAdapter implements VendorAdapter {
  readonly vendor = 'ICONIK' as const;
  readonly capabilities = CAPABILITIES;
  private readonly origin: ErrorOrigin;
  protected readonly http: UpstreamClient;
  private readonly source: string;

  constructor(config: IconikSourceConfig) {
    super();
    this.source = config.name;
    this.http = UpstreamClient.forSource(config, 'ICONIK', {
      // iconik authenticates every call with these two headers (OpenAPI securitySchemes).
      authorize: ({ headers, requestCredentials }) => {
        const { appId, authToken } = credentialsFor(this.origin, config.credentials, REQUIRED_CREDENTIALS.ICONIK, requestCredentials);
        headers['App-ID'] = appId;
        headers['Auth-Token'] = authToken;
      },
      describeError: iconikErrorMessage,
    });
    this.origin = this.http.origin;
  }

  async getAssets(ids: readonly string[]): Promise<BatchResult<AssetModel | null>> {
    return this.searchByIds(ids, 'assets', (body) =>
      parseResponse(assetList, body, this.origin, 'asset search').objects.map((doc) => toAsset(this.source, doc)),
    );
  }

  async getCollections(ids: readonly string[]): Promise<BatchResult<CollectionModel | null>> {
    // A collection in iconik's delete queue is gone for clients.
    return this.searchByIds(ids, 'collections', (body) =>
      parseResponse(collectionList, body, this.origin, 'collection search')
        .objects.filter((doc) => doc.status !== 'DELETED')
        .map((doc) => toCollection(this.source, doc)),
    );
  }

  async getShares(ids: readonly string[]): Promise<BatchResult<ShareModel | null>> {
    return this.byIdChunks(ids, async (chunk) => {
      const { body } = await this.http.send({
        method: 'GET',
        path: '/assets/v1/shares/all/',
        query: { ids: chunk.join(','), per_page: chunk.length },
      });
      return parseResponse(shareList, body, this.origin, 'share list').objects.map((doc) => toShare(this.source, doc));
    });
  }

  async listAssets(window: Window, query: AssetListQuery): Promise<Page<AssetModel>> {
    // The asset list is iconik's search over non-deleted assets, newest first: the same
    // documents (with descriptions) as the by-id reads, and free-text search for free.
    return fetchWindow(window, MAX_PER_PAGE, pastLastPageIsEmpty((page) =>
      this.searchPage(page, {
        doc_types: ['assets'],
        ...(query.search ? { query: query.search } : {}),
        filter: { operator: 'AND', terms: [{ name: 'status', value: 'ACTIVE' }] },
        sort: [{ name: 'date_created', order: 'desc' }],
      }),
    ));
  }

  async listCollections(window: Window, query: CollectionListQuery): Promise<Page<CollectionModel>> {
    return fetchWindow(window, MAX_PER_PAGE, pastLastPageIsEmpty(async ({ page, perPage }) => {
      const { body } = await this.http.send({
        method: 'GET',
        path: '/assets/v1/collections/',
        query: { page, per_page: perPage, is_root: query.topLevelOnly ? 'true' : undefined, status: 'ACTIVE' },
      });
      return this.collectionPage(body);
    }));
  }

  async listCollectionAssets(collectionId: string, window: Window): Promise<Page<AssetModel>> {
    return fetchWindow(window, MAX_PER_PAGE, pastLastPageIsEmpty(async ({ page, perPage }) => {
      const { body } = await this.http.send({
        method: 'GET',
        path: encodePath`/assets/v1/collections/${collectionId}/contents/`,
        query: { object_types: 'assets', page, per_page: perPage },
      });
      const list = parseResponse(assetList, body, this.origin, 'collection contents');
      return { items: list.objects.map((doc) => toAsset(this.source, doc)), total: list.total ?? null };
    }));
  }

  async listCollectionChildren(collectionId: string, window: Window): Promise<Page<CollectionModel>> {
    return fetchWindow(window, MAX_PER_PAGE, pastLastPageIsEmpty(async ({ page, perPage }) => {
      const { body } = await this.http.send({
        method: 'GET',
        path: encodePath`/assets/v1/collections/${collectionId}/contents/`,
        query: { object_types: 'collections', page, per_page: perPage },
      });
      return this.collectionPage(body);
    }));
  }

  async getAncestors(collectionIds: readonly string[]): Promise<BatchResult<readonly CollectionModel[]>> {
    return settleEach(collectionIds, this.http.concurrency, async (id) => {
      const { body } = await this.http.send({ method: 'GET', path: encodePath`/assets/v1/collections/${id}/ancestors/` });
      // Assumption (docs/vendors.md): iconik lists ancestors from the top level down.
      return parseResponse(collectionList, body, this.origin, 'ancestors').objects.map((doc) =>
        toCollection(this.source, doc),
      );
    });
  }

  async getAssetShares(assetIds: readonly string[]): Promise<BatchResult<readonly ShareModel[]>> {
    return settleEach(assetIds, this.http.concurrency, async (id) => {
      const { body } = await this.http.send({
        method: 'GET',
        path: encodePath`/assets/v1/assets/${id}/shares/`,
        query: { per_page: MAX_PER_PAGE },
      });
      return parseResponse(shareList, body, this.origin, 'share list').objects.map((doc) => toShare(this.source, doc));
    });
  }

  async getShareRecipients(shares: readonly ShareModel[]): Promise<BatchResult<readonly string[]>> {
    return settleEach(shares, this.http.concurrency, async (share) => {
      if (!share.target) return [];
      const objectType = shareObjectType(share.target);
      const { body } = await this.http.send({
        method: 'GET',
        path: encodePath`/assets/v1/${objectType}/${share.target.nativeId}/shares/${share.nativeId}/users/`,
        query: { per_page: MAX_PER_PAGE },
      });
      return parseResponse(shareUserList, body, this.origin, 'share users').objects.map((user) => user.email);
    });
  }

  async isRecycleBinEnabled(): Promise<boolean> {
    // Every iconik domain has the delete queue; deleted assets stay 24 hours (vendor-specs README).
    return true;
  }

  async listRecycleBin(window: Window): Promise<Page<AssetModel>> {
    return fetchWindow(window, MAX_PER_PAGE, pastLastPageIsEmpty(async ({ page, perPage }) => {
      const { body } = await this.http.send({
        method: 'GET',
        path: '/assets/v1/delete_queue/assets/',
        query: { page, per_page: perPage, sort: 'date_deleted,desc' },
      });
      const list = parseResponse(assetList, body, this.origin, 'delete queue');
      return { items: list.objects.map((doc) => toAsset(this.source, doc)), total: list.total ?? null };
    }));
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  // ---- Writes. iconik's delete-queue endpoints take many ids and answer 204 without
  // per-id detail, so every bulk write reads the assets back (one search per 500 ids) and
  // reports each id by its actual end state.

  async updateAsset(id: string, changes: AssetChanges): Promise<AssetModel | null> {
    // iconik keeps descriptions in metadata views, not on the asset (docs/vendors.md).
    if (changes.description !== undefined) throw unsupported(this.origin, 'changing descriptions');
    await this.http.send({ method: 'PATCH', path: encodePath`/assets/v1/assets/${id}/`, body: { title: changes.title } });
    return null;
  }

  async deleteAssets(ids: readonly string[]): Promise<WriteResult> {
    await this.inChunks(ids, (chunk) => this.http.send({ method: 'POST', path: '/assets/v1/delete_queue/assets/', body: { ids: chunk } }));
    return this.readBack(ids, (asset) => asset.status === 'DELETED', 'iconik did not move the asset to the delete queue');
  }

  async restoreAssets(ids: readonly string[]): Promise<WriteResult> {
    await this.inChunks(ids, (chunk) => this.http.send({ method: 'DELETE', path: '/assets/v1/delete_queue/assets/', body: { ids: chunk } }));
    return this.readBack(ids, (asset) => asset.status !== 'DELETED', 'the asset is not in the delete queue');
  }

  async purgeAssets(ids: readonly string[]): Promise<WriteResult> {
    // Only assets in the delete queue can be purged; check first so an active asset is
    // reported instead of silently ignored by iconik.
    const before = await this.getAssets(ids);
    const purgeable = ids.filter((_id, i) => {
      const asset = before[i];
      return asset && !(asset instanceof Error) && asset.status === 'DELETED';
    });
    if (purgeable.length > 0) {
      await this.inChunks(purgeable, (chunk) => this.http.send({ method: 'POST', path: '/assets/v1/delete_queue/assets/purge/', body: { ids: chunk } }));
    }
    return before.map((asset, i) => {
      if (asset instanceof Error) return asset;
      if (!asset) return notFound(this.origin, `Asset ${ids[i]}`);
      if (asset.status !== 'DELETED') return notFound(this.origin, `Asset ${ids[i]} in the delete queue`);
      return { asset: null };
    });
  }

  async emptyRecycleBin(): Promise<void> {
    await this.http.send({ method: 'POST', path: '/assets/v1/delete_queue/assets/purge/all/' });
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
    const { body } = await this.http.send({ method: 'POST', path: '/assets/v1/collections/', body: { title, parent_id: parentId } });
    return toCollection(this.source, parseResponse(iconikCollection, body, this.origin, 'collection'));
  }

  async deleteCollection(id: string): Promise<void> {
    // 202: iconik moves the collection to its delete queue.
    await this.http.send({ method: 'DELETE', path: encodePath`/assets/v1/collections/${id}/` });
  }

  async createShare(target: ShareTargetRef, options: ShareOptions): Promise<ShareModel> {
    const objectType = shareObjectType(target);
    const { body } = await this.http.send({
      method: 'POST',
      path: encodePath`/assets/v1/${objectType}/${target.nativeId}/shares/`,
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
    return toShare(this.source, parseResponse(iconikShare, body, this.origin, 'share'));
  }

  async updateShare(share: ShareModel, options: ShareOptions): Promise<ShareModel> {
    if (!share.target) throw notFound(this.origin, `The target of share ${share.nativeId}`);
    // PUT takes the whole ShareSchema: current values, overridden by what was given.
    const { body } = await this.http.send({
      method: 'PUT',
      path: encodePath`/assets/v1/${shareObjectType(share.target)}/${share.target.nativeId}/shares/${share.nativeId}/`,
      body: {
        title: options.title !== undefined ? options.title : share.title,
        expires: (options.expiresAt !== undefined ? options.expiresAt : share.expiresAt)?.toISOString() ?? null,
        allow_download: options.allowDownload ?? share.allowDownload,
        allow_comments: options.allowComments ?? share.allowComments,
        allow_approving_comments: options.allowComments ?? share.allowComments,
        allow_setting_approve_status: false,
        ...(options.message !== undefined ? { message: options.message } : {}),
      },
    });
    return toShare(this.source, parseResponse(iconikShare, body, this.origin, 'share'));
  }

  async deleteShare(share: ShareModel): Promise<void> {
    if (!share.target) throw notFound(this.origin, `The target of share ${share.nativeId}`);
    await this.http.send({
      method: 'DELETE',
      path: encodePath`/assets/v1/${shareObjectType(share.target)}/${share.target.nativeId}/shares/${share.nativeId}/`,
    });
  }

  private async addContent(collectionId: string, assetId: string): Promise<void> {
    await this.http.send({
      method: 'POST',
      path: encodePath`/assets/v1/collections/${collectionId}/contents/`,
      body: { object_id: assetId, object_type: 'assets' },
    });
  }

  private async removeContent(collectionId: string, assetId: string): Promise<void> {
    await this.http.send({ method: 'DELETE', path: encodePath`/assets/v1/collections/${collectionId}/contents/assets/${assetId}/` });
  }

  /** Per-item calls done: read the assets back once and report each by its end state. */
  private async afterEach(
    ids: readonly string[],
    calls: ReadonlyArray<unknown>,
    succeeded: (asset: AssetModel) => boolean,
    failure: string,
  ): Promise<WriteResult> {
    const after = await this.readBack(ids, succeeded, failure);
    return after.map((outcome, i) => {
      const call = calls[i];
      return call instanceof Error ? call : outcome;
    });
  }

  private async inChunks(ids: readonly string[], send: (chunk: readonly string[]) => Promise<unknown>): Promise<void> {
    for (let i = 0; i < ids.length; i += ID_CHUNK) await send(ids.slice(i, i + ID_CHUNK));
  }

  private async readBack(ids: readonly string[], succeeded: (asset: AssetModel) => boolean, failure: string): Promise<WriteResult> {
    const after = await this.getAssets(ids);
    return after.map((asset, i) => {
      if (asset instanceof Error) return asset;
      if (!asset) return notFound(this.origin, `Asset ${ids[i]}`);
      return succeeded(asset) ? { asset } : new GatewayError(ErrorCode.UPSTREAM_REJECTED, `Asset ${ids[i]}: ${failure}.`, this.origin);
    });
  }

  private collectionPage(body: unknown): FetchedPage<CollectionModel> {
    const list = parseResponse(collectionList, body, this.origin, 'collection list');
    return { items: list.objects.map((doc) => toCollection(this.source, doc)), total: list.total ?? null };
  }

  private async searchPage({ page, perPage }: PageRequest, criteria: Record<string, unknown>): Promise<FetchedPage<AssetModel>> {
    const { body } = await this.http.send({
      method: 'POST',
      path: '/search/v1/search/',
        idempotent: true,
      // No signed URLs or search history for machine reads: faster, and no side effects.
      query: { page, per_page: perPage, generate_signed_url: false, save_search_history: false },
      body: criteria,
    });
    const list = parseResponse(assetList, body, this.origin, 'asset search');
    return { items: list.objects.map((doc) => toAsset(this.source, doc)), total: list.total ?? null };
  }

  private async searchByIds<T extends { nativeId: string }>(
    ids: readonly string[],
    docType: 'assets' | 'collections',
    read: (body: unknown) => T[],
  ): Promise<BatchResult<T | null>> {
    return this.byIdChunks(ids, async (chunk) => {
      const { body } = await this.http.send({
        method: 'POST',
        path: '/search/v1/search/',
        idempotent: true,
        query: { per_page: chunk.length, generate_signed_url: false, save_search_history: false },
        body: { doc_types: [docType], filter: { operator: 'AND', terms: [{ name: 'id', value_in: chunk }] } },
      });
      return read(body);
    });
  }

  /** Splits ids into chunks, fetches each, and answers per id (null when not returned). */
  private async byIdChunks<T extends { nativeId: string }>(
    ids: readonly string[],
    fetchChunk: (chunk: readonly string[]) => Promise<T[]>,
  ): Promise<BatchResult<T | null>> {
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += ID_CHUNK) chunks.push(ids.slice(i, i + ID_CHUNK));
    const results = await Promise.all(
      chunks.map(async (chunk) => {
        try {
          const found = new Map((await fetchChunk(chunk)).map((item) => [item.nativeId, item]));
          return chunk.map((id) => found.get(id) ?? null);
        } catch (error) {
          return chunk.map(() => error as Error);
        }
      }),
    );
    return results.flat();
  }
}

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
