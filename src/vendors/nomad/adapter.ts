// Nomad Media behind the VendorAdapter interface. Every Nomad call is in this file; auth is
// a Bearer token. Reads: GET /admin/asset/{id} (one asset; no multi-id read is documented,
// so by-id reads run one call per id under a concurrency cap), GET
// /admin/asset/{id}/getAssetChildNodes (folder contents), GET
// /admin/asset/{id}/parent-folders (ancestors), and POST /admin/search for source-wide
// lists (assumed, see docs/vendors.md). Files are Assets; folders and buckets Collections.
import type { AssetStatus, Capability } from '../../generated/resolvers-types.js';
import { REQUIRED_CREDENTIALS, type NomadSourceConfig } from '../../config.js';
import { credentialsFor } from '../credentials.js';
import { ErrorCode, GatewayError, badUserInput, notFound, unsupported, type ErrorOrigin } from '../../errors.js';
import { fetchWindow, sliceWindow } from '../../pagination/page-window.js';
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
import { readEach, settleEach } from '../settle-each.js';
import { ASSET_TYPE, isContainer, isFile, toAsset, toCollection, toShare } from './mapping.js';
import { nomadAsset, nomadErrorMessage, nomadItems, nomadParentFolders, nomadShare, type NomadAsset } from './responses.js';

const MAX_PAGE_SIZE = 100;
/** Folder contents are read whole (children of both kinds share one list) up to this many. */
const MAX_CHILDREN = 1000;

const CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'COLLECTIONS',
  'NESTED_COLLECTIONS',
  'SEARCH',
  'EDIT_ASSETS',
  'DELETE_ASSETS',
  'COPY_ASSETS',
  'MOVE_ASSETS',
  'ARCHIVE',
  'MANAGE_COLLECTIONS',
  'CREATE_SHARES',
]);
/** Ids per batch call. */
const BATCH_CHUNK = 500;

export class NomadAdapter extends RequestBoundAdapter implements VendorAdapter {
  readonly vendor = 'NOMAD' as const;
  readonly capabilities = CAPABILITIES;
  private readonly origin: ErrorOrigin;
  protected readonly http: UpstreamClient;
  private readonly source: string;

  constructor(config: NomadSourceConfig) {
    super();
    this.source = config.name;
    this.http = UpstreamClient.forSource(config, 'NOMAD', {
      authorize: ({ headers, requestCredentials }) => {
        const { token } = credentialsFor(this.origin, config.credentials, REQUIRED_CREDENTIALS.NOMAD, requestCredentials);
        headers['authorization'] = `Bearer ${token}`;
      },
      describeError: nomadErrorMessage,
    });
    this.origin = this.http.origin;
  }

  async getAssets(ids: readonly string[]): Promise<BatchResult<AssetModel | null>> {
    return readEach(ids, this.http.concurrency, async (id) => {
      const asset = await this.readAsset(id);
      return isFile(asset) ? toAsset(this.source, asset) : null;
    });
  }

  async getCollections(ids: readonly string[]): Promise<BatchResult<CollectionModel | null>> {
    return readEach(ids, this.http.concurrency, async (id) => {
      const asset = await this.readAsset(id);
      return isContainer(asset) ? toCollection(this.source, asset) : null;
    });
  }

  async listAssets(window: Window, query: AssetListQuery): Promise<Page<AssetModel>> {
    return fetchWindow(window, MAX_PAGE_SIZE, async ({ page, perPage }) => {
      const list = await this.search(page, perPage, [ASSET_TYPE.FILE], query.search ?? null);
      return { items: list.items.map((asset) => toAsset(this.source, asset)), total: list.totalItemCount ?? null };
    });
  }

  async listCollections(window: Window, query: CollectionListQuery): Promise<Page<CollectionModel>> {
    const types = query.topLevelOnly ? [ASSET_TYPE.BUCKET] : [ASSET_TYPE.BUCKET, ASSET_TYPE.FOLDER];
    return fetchWindow(window, MAX_PAGE_SIZE, async ({ page, perPage }) => {
      const list = await this.search(page, perPage, types, null);
      return { items: list.items.map((asset) => toCollection(this.source, asset)), total: list.totalItemCount ?? null };
    });
  }

  async listCollectionAssets(collectionId: string, window: Window): Promise<Page<AssetModel>> {
    const children = await this.children(collectionId);
    return sliceWindow(children.filter(isFile).map((asset) => toAsset(this.source, asset)), window);
  }

  async listCollectionChildren(collectionId: string, window: Window): Promise<Page<CollectionModel>> {
    const children = await this.children(collectionId);
    return sliceWindow(children.filter(isContainer).map((asset) => toCollection(this.source, asset)), window);
  }

  async getAncestors(collectionIds: readonly string[]): Promise<BatchResult<readonly CollectionModel[]>> {
    return settleEach(collectionIds, this.http.concurrency, async (id) => {
      const { body } = await this.http.send({ method: 'GET', path: encodePath`/admin/asset/${id}/parent-folders` });
      // Assumption (docs/vendors.md): listed from the bucket down to the direct parent.
      return parseResponse(nomadParentFolders, body, this.origin, 'parent-folders').map((asset) => toCollection(this.source, asset));
    });
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  // ---- Writes. Move, archive, restore and delete use the batch endpoint
  // POST /admin/asset/{actionName} with {targetIds, actionArguments}; the answer lists the
  // assets with their transitional status (Moving, PendingArchive, ...), which is what the
  // payload shows until Nomad settles. Copy runs per asset (POST /admin/asset/{id}/copy)
  // because only there does the answer tie each new copy to its original.

  async updateAsset(id: string, changes: AssetChanges): Promise<AssetModel | null> {
    if (changes.description !== undefined) throw unsupported(this.origin, 'changing descriptions');
    const { body } = await this.http.send({ method: 'PATCH', path: encodePath`/admin/asset/${id}`, body: { displayName: changes.title } });
    const asset = parseResponse(nomadAsset, body, this.origin, 'asset');
    return isFile(asset) ? toAsset(this.source, asset) : null;
  }

  async deleteAssets(ids: readonly string[]): Promise<WriteResult> {
    const result = await this.batch('Delete', ids, {}, ['DELETING']);
    return result.map((outcome) => (outcome instanceof Error ? outcome : { ...outcome, note: 'Deleted permanently: Nomad has no recycle bin.' }));
  }

  async moveAssets(ids: readonly string[], destinationCollectionId: string): Promise<WriteResult> {
    return this.batch('Move', ids, { destinationFolderAssetId: destinationCollectionId }, ['MOVING', 'AVAILABLE']);
  }

  async archiveAssets(ids: readonly string[]): Promise<WriteResult> {
    return this.batch('Archive', ids, {}, ['ARCHIVING', 'ARCHIVED']);
  }

  async restoreArchivedAssets(ids: readonly string[]): Promise<WriteResult> {
    return this.batch('Restore', ids, {}, ['RESTORING']);
  }

  async copyAssets(ids: readonly string[], destinationCollectionId: string): Promise<WriteResult> {
    return settleEach(ids, this.http.concurrency, async (id) => {
      const { body } = await this.http.send({
        method: 'POST',
        path: encodePath`/admin/asset/${id}/copy`,
        body: { targetIds: [id], actionArguments: { destinationFolderAssetId: destinationCollectionId } },
      });
      const copy = parseResponse(nomadItems, body, this.origin, 'copy').items[0];
      if (!copy) throw notFound(this.origin, `Asset ${id}`);
      return { asset: toAsset(this.source, copy) };
    });
  }

  async createCollection(title: string, parentId: string | null): Promise<CollectionModel> {
    if (!parentId) throw badUserInput('Nomad folders are created inside a folder or bucket: give "parentId".');
    const { body } = await this.http.send({ method: 'POST', path: encodePath`/admin/asset/${parentId}/create-folder`, body: { displayName: title } });
    return toCollection(this.source, parseResponse(nomadAsset, body, this.origin, 'create-folder'));
  }

  async deleteCollection(id: string): Promise<void> {
    // DELETE /admin/asset/{id} deletes the folder and everything in it, permanently.
    await this.http.send({ method: 'DELETE', path: encodePath`/admin/asset/${id}` });
  }

  /** POST /asset/{assetId}/share; Nomad shares assets (files) only and documents no share read. */
  async createShare(target: ShareTargetRef, options: ShareOptions): Promise<ShareModel> {
    if (target.objectType !== 'Asset') throw unsupported(this.origin, 'sharing folders');
    const permissions = [...(options.allowDownload ? ['Download'] : []), ...(options.allowComments ? ['Comment'] : []), 'View'];
    const { body } = await this.http.send({
      method: 'POST',
      path: encodePath`/asset/${target.nativeId}/share`,
      body: {
        recipients: options.emails ?? [],
        sharedPermissions: permissions,
        ...(options.title != null ? { name: options.title } : {}),
        ...(options.expiresAt ? { expirationDate: options.expiresAt.toISOString() } : {}),
        ...(options.password ? { password: options.password } : {}),
        ...(options.message != null ? { message: options.message } : {}),
      },
    });
    return toShare(this.source, parseResponse(nomadShare, body, this.origin, 'share'));
  }

  /**
   * One batch call per BATCH_CHUNK ids. An id missing from the answer was not found; an
   * asset whose status is not one the action leads to was not changed (for example Restore
   * of an asset that is not archived).
   */
  private async batch(
    action: string,
    ids: readonly string[],
    actionArguments: Record<string, unknown>,
    expected: readonly AssetStatus[],
  ): Promise<WriteResult> {
    const results: Array<WriteResult[number]> = [];
    for (let i = 0; i < ids.length; i += BATCH_CHUNK) {
      const chunk = ids.slice(i, i + BATCH_CHUNK);
      try {
        const { body } = await this.http.send({
          method: 'POST',
          path: encodePath`/admin/asset/${action}`,
          body: { targetIds: chunk, actionArguments },
        });
        const items = new Map(parseResponse(nomadItems, body, this.origin, action).items.map((item) => [item.id, item]));
        results.push(...chunk.map((id) => {
          const item = items.get(id);
          if (!item || !isFile(item)) return notFound(this.origin, `Asset ${id}`);
          const asset = toAsset(this.source, item);
          return expected.includes(asset.status)
            ? { asset }
            : new GatewayError(ErrorCode.UPSTREAM_REJECTED, `Nomad did not ${action.toLowerCase()} asset ${id} (status ${asset.vendorStatus}).`, this.origin);
        }));
      } catch (error) {
        results.push(...chunk.map(() => (error instanceof Error ? error : new Error(String(error)))));
      }
    }
    return results;
  }

  private async readAsset(id: string): Promise<NomadAsset> {
    const { body } = await this.http.send({ method: 'GET', path: encodePath`/admin/asset/${id}` });
    return parseResponse(nomadAsset, body, this.origin, 'asset');
  }

  /** Every child of a folder, files and folders together, in Nomad's name order. */
  private async children(folderId: string): Promise<NomadAsset[]> {
    const all: NomadAsset[] = [];
    for (let pageIndex = 0; all.length < MAX_CHILDREN; pageIndex++) {
      const { body } = await this.http.send({
        method: 'GET',
        path: encodePath`/admin/asset/${folderId}/getAssetChildNodes`,
        query: { folderId, sortColumn: 'displayName', isDesc: false, pageIndex, pageSize: MAX_PAGE_SIZE },
      });
      const page = parseResponse(nomadItems, body, this.origin, 'getAssetChildNodes');
      all.push(...page.items);
      const total = page.totalItemCount ?? all.length;
      if (page.items.length < MAX_PAGE_SIZE || all.length >= total) return all;
    }
    return all;
  }

  /** POST /admin/search, 1-based `page` translated to Nomad's 0-based pageOffset. */
  private async search(page: number, pageSize: number, assetTypes: readonly number[], text: string | null) {
    const { body } = await this.http.send({
      method: 'POST',
      path: '/admin/search',
      idempotent: true,
      body: {
        ...(text ? { searchQuery: text } : {}),
        pageOffset: page - 1,
        pageSize,
        filters: [{ fieldName: 'assetType', operator: 'Equals', values: assetTypes }],
        sortFields: [{ fieldName: 'createdDate', sortType: 'Descending' }],
      },
    });
    return parseResponse(nomadItems, body, this.origin, 'search');
  }
}
