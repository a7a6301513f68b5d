// Nomad Media behind the VendorAdapter interface. Every Nomad call is in this file, each
// from Nomad's official OpenAPI (Nomad-Media/openapi-spec: swagger-admin.json, and
// swagger-portal.json for /share); docs/vendors.md lists them with what the adapter reads.
// Auth is a Bearer token.
//
// Reads: GET /admin/asset/{id} per id (no multi-id read is documented), POST /admin/search
// for every list (source-wide and per folder, filtered by assetType and parentId), GET
// /admin/asset/{id}/parent-folders for ancestors, GET /share/{id} for shares.
// Writes: the batch endpoint POST /admin/asset/{action} (delete, move, archive, restore),
// POST /admin/asset/{id}/copy, PATCH /admin/asset/{id}, create-folder, DELETE, and the
// portal's /share. Nomad answers most writes with only {id}: the adapter reads the asset
// back (GET /admin/asset/{id}) to report it, and those calls count in the lower bounds.
import type { NomadSourceConfig } from './index.js';
import { ErrorCode, GatewayError, badUserInput, isAmbiguous, isNotFound, notFound, unsupported, type ErrorOrigin } from '../../errors.js';
import { fetchWindow, type FetchedPage, type PageRequest } from '../../pagination/page-window.js';
import type {
  DownloadPort,
  OriginalFile,
  UploadPort,
  ShareListingPort,
  MembershipPort,
  MediaDetailsPort,
  MetadataEditPort,
  MetadataPort,
  RenditionPort,
  ArchivePort,
  AssetChanges,
  AssetListQuery,
  BatchResult,
  CollectionAdminPort,
  CollectionChanges,
  CollectionListQuery,
  CopyPort,
  DeletionPort,
  EditPort,
  MovePort,
  NestingPort,
  ShareOptions,
  SharePort,
  ShareTargetRef,
  VendorAdapter,
  WriteOptions,
  WriteResult,
} from '../adapter.js';
import type { RequestClient } from '../http.js';
import type { AssetModel, CollectionModel, NodeType, ShareModel } from '../models.js';
import type { Page, Window } from '../../pagination/window.js';
import { batchById, readEach, settleEach } from '../settle-each.js';
import { matchesSchema } from '../parse-response.js';
import { COPY_LOOKBACK, findLostCopy, settleWrite } from '../settle-write.js';
import { isContainer, isFile, itemFromAsset, toAsset, toCollection, toShare, type NomadItem } from './mapping.js';
import { NOMAD_ENDPOINTS } from './endpoints.js';
import { NOMAD_TAGS_KEY, NomadMedia } from './media.js';
import { NomadUploads } from './upload.js';
import { RequestDocuments } from '../media/request-documents.js';
import { NomadCollections, isNomadCollectionId, parseNomadCollectionId } from './collections.js';
import {
  nomadIdentifiers,
  type NomadAsset,
  type NomadAssetType,
  type NomadSearchResult,
} from './responses.js';

const MAX_PAGE_SIZE = 100;
/** Ids per batch call. */
const BATCH_CHUNK = 500;
/** SearchFilterOperators.Equals and SearchSortTypes in Nomad's OpenAPI (integer enums). */
const EQUALS = 0;
const ASCENDING = 0;
const DESCENDING = 1;
/** SearchModel sortFields `fieldName` per order key (docs/vendors.md M8). */
const NOMAD_SORT_FIELDS = { CREATED_AT: 'createdDate', UPDATED_AT: 'lastModifiedDate', TITLE: 'title' } as const;

/** Asked for in every search so hits carry what the mapping needs (in `identifiers`). */
const SEARCH_RESULT_FIELDS = ['assetType', 'assetStatus', 'parentId', 'objectKey', 'collections'].map((name) => ({ name }));

interface SearchCriteria {
  readonly types: readonly NomadAssetType[];
  readonly parentId?: string;
  /** Members of this Nomad collection (filter field `collections`: assumption M10). */
  readonly collection?: string;
  readonly text?: string | null;
  readonly sort: { readonly fieldName: string; readonly sortType: number };
}

/** Nomad for one GraphQL request (built per request by the connection in ./index.ts). */
export class NomadAdapter implements VendorAdapter {
  readonly vendor = 'NOMAD' as const;
  readonly search = true;
  /** Nomad collections: an asset is in its folder and in any number of collections. */
  readonly multipleCollectionsPerAsset = true;
  readonly membership: MembershipPort = this;
  readonly download: DownloadPort = this;
  readonly upload: UploadPort;
  readonly nesting: NestingPort = this;
  readonly shares: SharePort = this;
  readonly shareListing: ShareListingPort = this;
  readonly edit: EditPort = this;
  readonly deletion: DeletionPort = this;
  readonly copy: CopyPort = this;
  readonly move: MovePort = this;
  readonly archive: ArchivePort = this;
  readonly collectionAdmin: CollectionAdminPort = this;
  readonly mediaDetails: MediaDetailsPort;
  readonly renditions: RenditionPort;
  readonly metadata: MetadataPort;
  readonly metadataEdit: MetadataEditPort;
  private readonly origin: ErrorOrigin;
  private readonly source: string;
  private readonly collections: NomadCollections;
  private readonly media: NomadMedia;
  /** Asset models this request has read (the original's URL for renditions). */
  private readonly documents = new RequestDocuments<NomadAsset>();

  constructor(config: NomadSourceConfig, private readonly http: RequestClient) {
    this.source = config.name;
    this.origin = http.origin;
    this.media = new NomadMedia(
      http,
      (id) => this.assetDocument(id),
      (asset) => this.documents.remember(asset.id, asset),
    );
    this.mediaDetails = this.renditions = this.metadata = this.metadataEdit = this.media;
    this.upload = new NomadUploads(http, async (id) => (await this.getAssets([id]))[0] as AssetModel | null, config.uploadPartBytes);
    this.collections = new NomadCollections(this.source, http, this.origin, (id) => this.media.detailOf(id), (ids) => this.getAssets(ids));
  }

  nativeIdProblem(type: NodeType, nativeId: string): string | null {
    if (type === 'Collection' && isNomadCollectionId(nativeId) && !parseNomadCollectionId(nativeId)) return 'a Nomad collection id is "collection:<uuid>"';
    return null;
  }

  async getAssets(ids: readonly string[]): Promise<BatchResult<AssetModel | null>> {
    return readEach(ids, this.http.concurrency, async (id) => {
      const item = await this.readItem(id);
      return isFile(item) ? toAsset(this.source, item) : null;
    });
  }

  async getCollections(ids: readonly string[]): Promise<BatchResult<CollectionModel | null>> {
    const collectionIds = ids.map(parseNomadCollectionId);
    const named = collectionIds.filter((id): id is string => id !== null);
    const collections = new Map<string, CollectionModel | null | Error>();
    (await this.collections.get(named)).forEach((found, i) => collections.set(named[i] ?? '', found));
    const folders = ids.filter((id) => !isNomadCollectionId(id));
    // A folder this request already has (the parent named by an asset detail read for the
    // asset's memberships, M12) is not read again.
    const folderReads = await readEach(folders, this.http.concurrency, async (id) => {
      const asset = await this.assetDocument(id);
      const item = asset ? itemFromAsset(asset) : null;
      return item && isContainer(item) ? toCollection(this.source, item) : null;
    });
    const byFolder = new Map(folders.map((id, i) => [id, folderReads[i] ?? null]));
    return ids.map((id, i) => {
      const collectionId = collectionIds[i];
      if (collectionId) return collections.get(collectionId) ?? null;
      return isNomadCollectionId(id) ? null : (byFolder.get(id) ?? null);
    });
  }

  /** The original is the asset model's fullUrl; its size is the detail's contentLength (M9). */
  async getOriginalFiles(ids: readonly string[]): Promise<BatchResult<OriginalFile | null>> {
    return readEach(ids, this.http.concurrency, async (id) => {
      const [asset, detail] = await Promise.all([this.assetDocument(id), this.media.detailOf(id)]);
      if (!asset || asset.assetType !== 'File' || !asset.fullUrl) return null;
      const size = detail.properties?.['contentLength'];
      return { url: asset.fullUrl, size: typeof size === 'number' ? size : null, fileName: asset.displayName ?? null, md5: null };
    });
  }

  async getShares(ids: readonly string[]): Promise<BatchResult<ShareModel | null>> {
    return readEach(ids, this.http.concurrency, async (id) => toShare(this.source, await this.readShare(id)));
  }

  /** The asset detail names the shares an asset is in (AssetDetailModel.shares); each is then read by id. */
  async getAssetShares(assetIds: readonly string[]): Promise<BatchResult<readonly ShareModel[]>> {
    return this.sharesNamedInDetail(assetIds);
  }

  /** Folders are assets in Nomad, with the same detail; Nomad collections are not shared. */
  async getCollectionShares(collectionIds: readonly string[]): Promise<BatchResult<readonly ShareModel[]>> {
    const folders = collectionIds.filter((id) => !isNomadCollectionId(id));
    const read = new Map<string, readonly ShareModel[] | Error>();
    (await this.sharesNamedInDetail(folders)).forEach((shares, i) => read.set(folders[i] ?? '', shares));
    return collectionIds.map((id) => read.get(id) ?? []);
  }

  /** Nomad's share answer carries its users, so this is never needed; answered from the model. */
  async getShareRecipients(shares: readonly ShareModel[]): Promise<BatchResult<readonly string[]>> {
    return shares.map((share) => share.recipients ?? []);
  }

  private async sharesNamedInDetail(ids: readonly string[]): Promise<BatchResult<readonly ShareModel[]>> {
    const details = await settleEach(ids, this.http.concurrency, (id) => this.media.detailOf(id));
    const shareIds = [...new Set(details.flatMap((detail) => (detail instanceof Error ? [] : (detail.shares ?? []).map((share) => share.id))))];
    const shares = new Map(shareIds.map((id, i) => [id, i]));
    const read = await this.getShares(shareIds);
    return details.map((detail) => {
      if (detail instanceof Error) return detail;
      const found: ShareModel[] = [];
      for (const { id } of detail.shares ?? []) {
        const share = read[shares.get(id) ?? -1];
        if (share instanceof Error) return share;
        if (share) found.push(share);
      }
      return found;
    });
  }

  async listAssets(window: Window, query: AssetListQuery): Promise<Page<AssetModel>> {
    const sort = query.order
      ? { fieldName: NOMAD_SORT_FIELDS[query.order.field], sortType: query.order.direction === 'ASC' ? ASCENDING : DESCENDING }
      : { fieldName: 'createdDate', sortType: DESCENDING };
    const criteria = { types: ['File'], text: query.search ?? null, sort } as const;
    return fetchWindow(window, MAX_PAGE_SIZE, async (page) => this.searchPage(page, criteria, (item) => toAsset(this.source, item)));
  }

  async listCollections(window: Window, query: CollectionListQuery): Promise<Page<CollectionModel>> {
    const types: readonly NomadAssetType[] = query.topLevelOnly ? ['Bucket'] : ['Bucket', 'Folder'];
    const criteria = { types, sort: { fieldName: 'createdDate', sortType: DESCENDING } };
    return fetchWindow(window, MAX_PAGE_SIZE, async (page) => this.searchPage(page, criteria, (item) => toCollection(this.source, item)));
  }

  async listCollectionAssets(collectionId: string, window: Window): Promise<Page<AssetModel>> {
    const nomadCollection = parseNomadCollectionId(collectionId);
    const criteria = nomadCollection
      ? ({ types: ['File'], collection: nomadCollection, sort: { fieldName: 'title', sortType: ASCENDING } } as const)
      : ({ types: ['File'], parentId: collectionId, sort: { fieldName: 'title', sortType: ASCENDING } } as const);
    return fetchWindow(window, MAX_PAGE_SIZE, async (page) => this.searchPage(page, criteria, (item) => toAsset(this.source, item)));
  }

  async listCollectionChildren(collectionId: string, window: Window): Promise<Page<CollectionModel>> {
    // Collections are flat; folders are listed by their parent.
    if (isNomadCollectionId(collectionId)) return { items: [], hasMore: false };
    const criteria = { types: ['Folder'], parentId: collectionId, sort: { fieldName: 'title', sortType: ASCENDING } } as const;
    return fetchWindow(window, MAX_PAGE_SIZE, async (page) => this.searchPage(page, criteria, (item) => toCollection(this.source, item)));
  }

  async getAncestors(collectionIds: readonly string[]): Promise<BatchResult<readonly CollectionModel[]>> {
    return settleEach(collectionIds, this.http.concurrency, async (id) => {
      if (isNomadCollectionId(id)) return [];
      // Documented: from the root down to the direct parent, without the asset itself; so
      // each folder's parent is the one before it.
      const items = (await this.http.call(NOMAD_ENDPOINTS.parentFolders, { params: { id } })).items ?? [];
      return items.map((hit, i) =>
        toCollection(this.source, {
          id: hit.id,
          type: i === 0 ? 'Bucket' : 'Folder',
          status: 'Available',
          parentId: items[i - 1]?.id ?? null,
          name: hit.title ?? null,
          objectKey: null,
          created: hit.createdDate ?? null,
          modified: hit.lastModifiedDate ?? null,
          collections: null,
        }),
      );
    });
  }

  // ---- Writes.

  async updateAsset(id: string, changes: AssetChanges): Promise<AssetModel | null> {
    // ChangeAssetPropertiesModel has displayName, dates and customProperties; no description (M5).
    if (changes.description !== undefined) throw unsupported(this.origin, 'changing descriptions');
    if (changes.metadata?.some((entry) => entry.key === NOMAD_TAGS_KEY)) {
      throw badUserInput(`"${NOMAD_TAGS_KEY}" lists the asset's Nomad tags, which are not custom properties and cannot be set here.`);
    }
    // One PATCH for the title and the custom properties; null removes a property.
    const customProperties = changes.metadata ? Object.fromEntries(changes.metadata.map((entry) => [entry.key, entry.values[0] ?? null])) : undefined;
    await this.http.call(NOMAD_ENDPOINTS.updateAsset, { params: { id }, body: { displayName: changes.title, customProperties } });
    const item = await this.readItem(id);
    return isFile(item) ? toAsset(this.source, item) : null;
  }

  async deleteAssets(ids: readonly string[], options: WriteOptions = { details: true }): Promise<WriteResult> {
    const result = await this.batch('delete', ids, {}, ['Deleting'], options);
    return result.map((outcome) => (outcome instanceof Error ? outcome : { ...outcome, note: 'Deleted permanently: Nomad has no recycle bin.' }));
  }

  async moveAssets(ids: readonly string[], destinationCollectionId: string): Promise<WriteResult> {
    // Read back, a moved asset is Moving, or settled in the destination: Available alone
    // is also what an asset that never moved shows.
    const landed = (asset: AssetModel) => asset.vendorStatus === 'Moving' || asset.collectionIds.includes(destinationCollectionId);
    return this.batch('move', ids, { destinationFolderAssetId: destinationCollectionId }, ['Moving', 'Available'], { details: true }, landed);
  }

  async archiveAssets(ids: readonly string[]): Promise<WriteResult> {
    return this.batch('archive', ids, {}, ['PendingArchive', 'Archiving', 'Archived']);
  }

  async restoreArchivedAssets(ids: readonly string[]): Promise<WriteResult> {
    return this.batch('restore', ids, {}, ['PendingRestore', 'Restoring', 'Restored']);
  }

  /** POST /admin/asset/{id}/copy per asset: its {id} answer is the copy's (docs/vendors.md). */
  async copyAssets(ids: readonly string[], destinationCollectionId: string): Promise<WriteResult> {
    return settleEach(ids, this.http.concurrency, async (id) => {
      const sentAt = Date.now();
      let copyId: string;
      try {
        const copy = await this.http.call(NOMAD_ENDPOINTS.copyAsset, {
          params: { id },
          body: { targetIds: [id], actionArguments: { destinationFolderAssetId: destinationCollectionId } },
        });
        copyId = copy.id;
      } catch (error) {
        if (!isAmbiguous(error)) throw error;
        return { asset: await this.settleCopy(id, destinationCollectionId, sentAt) };
      }
      // Copied: reading the copy only fills the payload.
      const asset = await this.readItem(copyId).then((item) => toAsset(this.source, item), () => null);
      return asset ? { asset } : { asset: null, note: 'Copied; reading the copy back failed, so its details are missing.' };
    });
  }

  /**
   * A copy whose answer was lost: the copy has an id of its own and Nomad takes no
   * idempotency key, so it is looked for among the destination's newest files (same title,
   * created since the call was sent; docs/vendors.md M7). Exactly one is the copy; none or
   * several cannot be told from other work: OUTCOME_UNKNOWN (a retry could copy twice).
   */
  private async settleCopy(id: string, destinationCollectionId: string, sentAt: number): Promise<AssetModel> {
    const criteria = { types: ['File'], parentId: destinationCollectionId, sort: { fieldName: 'createdDate', sortType: DESCENDING } } as const;
    return findLostCopy(
      this.origin,
      async () => (await this.getAssets([id]))[0],
      async () => (await this.searchPage({ page: 1, perPage: COPY_LOOKBACK }, criteria, (item) => toAsset(this.source, item))).items,
      sentAt,
    );
  }

  /** A top-level collection is a Nomad collection; one inside a folder or bucket is a folder. */
  async createCollection(title: string, parentId: string | null): Promise<CollectionModel> {
    if (!parentId) return this.collections.create(title);
    if (isNomadCollectionId(parentId)) throw badUserInput('Nomad collections are flat: create folders inside a folder or bucket, or a collection without "parentId".');
    const created = await this.http.call(NOMAD_ENDPOINTS.createFolder, { params: { parentId }, body: { displayName: title } });
    return toCollection(this.source, await this.readItem(created.id));
  }

  /**
   * A rename is the asset-properties PATCH (displayName, as for assets); a move is the
   * batch `move` action, which Nomad runs in the background (the folder shows Moving).
   * Nomad folders live in a bucket: there is no top level to move one to.
   */
  async updateCollection(id: string, changes: CollectionChanges): Promise<CollectionModel | null> {
    const nomadCollection = parseNomadCollectionId(id);
    if (nomadCollection) return this.collections.rename(nomadCollection, changes.title, changes.parentId);
    if (changes.parentId && isNomadCollectionId(changes.parentId)) throw badUserInput('A folder cannot be moved into a Nomad collection.');
    if (changes.parentId === null) throw badUserInput('Nomad folders live inside a bucket or folder: give "parentId".');
    if (changes.title !== undefined) await this.http.call(NOMAD_ENDPOINTS.updateAsset, { params: { id }, body: { displayName: changes.title } });
    if (changes.parentId !== undefined) {
      const [moved] = await this.batch('move', [id], { destinationFolderAssetId: changes.parentId }, ['Moving', 'Available'], { details: false });
      if (moved instanceof Error) throw moved;
    }
    const item = await this.readItem(id);
    return isFile(item) ? null : toCollection(this.source, item);
  }

  async deleteCollection(id: string): Promise<void> {
    const nomadCollection = parseNomadCollectionId(id);
    // The collection goes; its assets stay where they are.
    if (nomadCollection) return this.collections.delete(nomadCollection);
    // DELETE /admin/asset/{id} deletes the folder and everything in it, permanently.
    await this.http.call(NOMAD_ENDPOINTS.deleteAsset, { params: { id } });
  }
  /** Nomad collections hold assets by reference; folders hold them by location (moveAssets). */
  async addToCollection(collectionId: string, ids: readonly string[]): Promise<WriteResult> {
    return this.collections.add(this.collectionForMembership(collectionId), ids);
  }

  async removeFromCollection(collectionId: string, ids: readonly string[]): Promise<WriteResult> {
    return this.collections.remove(this.collectionForMembership(collectionId), ids);
  }

  async getExtraCollectionIds(assetIds: readonly string[]): Promise<BatchResult<readonly string[]>> {
    return this.collections.collectionIdsOf(assetIds);
  }

  private collectionForMembership(collectionId: string): string {
    const id = parseNomadCollectionId(collectionId);
    if (!id) throw badUserInput('A Nomad folder holds assets by where they are: use moveAssets. Add and remove work on Nomad collections.');
    return id;
  }


  /**
   * POST /share (portal API) with the asset as the shared content. Nomad's permissions
   * and recipients are lookup records (platform users, permission levels) whose ids the
   * gateway cannot know from an e-mail address or a flag, so those options are refused
   * instead of silently dropped.
   */
  async createShare(target: ShareTargetRef, options: ShareOptions): Promise<ShareModel> {
    if (target.objectType !== 'Asset') throw unsupported(this.origin, 'sharing folders');
    this.refuseUnmappedShareOptions(options);
    const created = await this.http.call(NOMAD_ENDPOINTS.createShare, {
      body: {
        sharedContents: [target.nativeId],
        assetId: target.nativeId,
        ...(options.title != null ? { name: options.title } : {}),
        ...(options.expiresAt ? { expirationDate: options.expiresAt.toISOString() } : {}),
      },
    });
    return toShare(this.source, created);
  }

  /** PUT /share/{id} takes the whole share model: the current one, with the changes. */
  async updateShare(share: ShareModel, options: ShareOptions): Promise<ShareModel> {
    this.refuseUnmappedShareOptions(options);
    const current = await this.readShare(share.nativeId);
    const updated = await this.http.call(NOMAD_ENDPOINTS.updateShare, {
      params: { shareId: share.nativeId },
      body: {
        ...current,
        ...(options.title !== undefined ? { name: options.title } : {}),
        ...(options.expiresAt !== undefined ? { expirationDate: options.expiresAt?.toISOString() ?? null } : {}),
      },
    });
    return toShare(this.source, updated);
  }

  async deleteShare(share: ShareModel): Promise<void> {
    await this.http.call(NOMAD_ENDPOINTS.deleteShare, { params: { shareId: share.nativeId } });
  }

  private refuseUnmappedShareOptions(options: ShareOptions): void {
    if (options.emails?.length) throw unsupported(this.origin, 'sharing with e-mail recipients (Nomad shares name platform users)');
    if (options.allowDownload || options.allowComments) throw unsupported(this.origin, 'setting share permissions (Nomad permission lookups)');
    if (options.password) throw unsupported(this.origin, 'share passwords');
    if (options.message) throw unsupported(this.origin, 'share messages');
  }

  /**
   * One batch call per BATCH_CHUNK ids. The answer lists partial models of the assets Nomad
   * acted on: an id missing from it was not found; one whose status is not one the action
   * leads to was not changed (for example Restore of an asset that is not archived). The
   * full asset is read back only when the client asked for it.
   */
  private async batch(
    action: string,
    ids: readonly string[],
    actionArguments: Record<string, unknown>,
    /** Nomad statuses (names) the action leads to. */
    expected: readonly string[],
    options: WriteOptions = { details: true },
    /** Whether a read-back asset shows the action done (default: its status is one of `expected`). */
    landed: (asset: AssetModel) => boolean = (asset) => asset.vendorStatus !== null && expected.includes(asset.vendorStatus),
  ): Promise<WriteResult> {
    const accepted = await batchById(ids, BATCH_CHUNK, async (chunk) => {
      const answer = await this.http.call(NOMAD_ENDPOINTS.batchAction, { params: { action }, body: { targetIds: chunk, actionArguments } });
      const items = new Map((answer.items ?? []).map((item) => [item.id, item]));
      return chunk.map((id): Error | string => {
        const item = items.get(id);
        if (!item) return notFound(this.origin, `Asset ${id}`);
        if (item.assetStatus && !expected.includes(item.assetStatus)) {
          return new GatewayError(ErrorCode.UPSTREAM_REJECTED, `Nomad did not ${action} asset ${id} (status ${item.assetStatus}).`, this.origin);
        }
        return id;
      });
    });
    // A batch whose answer was lost may have run, and an asset Nomad left out of its answer
    // may be one another caller's identical action got to first (Nomad skips assets being
    // deleted): those are read back and reported by their end state (or OUTCOME_UNKNOWN when
    // that read fails too).
    const unsure = ids.filter((_id, i) => isAmbiguous(accepted[i]) || isNotFound(accepted[i]));
    const settled = new Map<string, WriteResult[number]>();
    if (unsure.length > 0) {
      const after = await this.getAssets(unsure);
      const outcomes = settleWrite(this.origin, unsure, unsure.map((id) => accepted[ids.indexOf(id)]), after, {
        succeeded: landed,
        failure: `Nomad did not ${action} the asset`,
        goneIsSuccess: action === 'delete',
      });
      unsure.forEach((id, i) => settled.set(id, outcomes[i] as WriteResult[number]));
    }
    // Per id: the settled outcome, the batch's refusal, or the id it accepted.
    const outcomes = accepted.map((outcome, i) => settled.get(ids[i] as string) ?? outcome);
    if (!options.details) return outcomes.map((outcome) => (typeof outcome === 'string' ? { asset: null } : outcome));
    const readBack = await this.getAssets(outcomes.filter((outcome): outcome is string => typeof outcome === 'string'));
    let next = 0;
    return outcomes.map((outcome) => {
      if (typeof outcome !== 'string') return outcome;
      // Nomad's answer listed the asset with the action's status: done, even when reading
      // the full asset for the payload fails.
      const asset = readBack[next++];
      return { asset: asset instanceof Error ? null : (asset ?? null) };
    });
  }

  /** The asset model this request has read, is reading or was given (a detail's parents), else GET /admin/asset/{id}. */
  private assetDocument(id: string): Promise<NomadAsset | null> {
    return this.documents.get(id, () => this.http.call(NOMAD_ENDPOINTS.assetById, { params: { id } }));
  }

  private async readItem(id: string): Promise<NomadItem> {
    return itemFromAsset(await this.documents.read(id, () => this.http.call(NOMAD_ENDPOINTS.assetById, { params: { id } })));
  }

  private async readShare(id: string) {
    return this.http.call(NOMAD_ENDPOINTS.shareById, { params: { shareId: id } });
  }

  /** One POST /admin/search page, 1-based `page` translated to Nomad's 0-based pageOffset. */
  private async searchPage<T>({ page, perPage }: PageRequest, criteria: SearchCriteria, map: (item: NomadItem) => T): Promise<FetchedPage<T>> {
    const list = await this.http.call(NOMAD_ENDPOINTS.search, {
      body: {
        ...(criteria.text ? { searchQuery: criteria.text } : {}),
        pageOffset: page - 1,
        pageSize: perPage,
        filters: [
          { fieldName: 'assetType', operator: EQUALS, values: criteria.types },
          ...(criteria.parentId ? [{ fieldName: 'parentId', operator: EQUALS, values: [criteria.parentId] }] : []),
          ...(criteria.collection ? [{ fieldName: 'collections', operator: EQUALS, values: [criteria.collection] }] : []),
        ],
        sortFields: [criteria.sort],
        searchResultFields: SEARCH_RESULT_FIELDS,
      },
    });
    const items = await this.itemsFromHits(list.items ?? []);
    return { items: items.map(map), total: list.totalItemCount ?? null };
  }

  /**
   * Search hits with the identifiers the mapping needs are used as they are; a hit without
   * them is read through GET /admin/asset/{id}, so a vendor that does not echo
   * searchResultFields costs calls, never wrong data.
   */
  private async itemsFromHits(hits: readonly NomadSearchResult[]): Promise<NomadItem[]> {
    const complete = hits.map((hit) => {
      const identifiers = hit.identifiers ?? {};
      if (!matchesSchema(nomadIdentifiers, identifiers) || !identifiers.assetType || !identifiers.assetStatus) return null;
      const { assetType, assetStatus: status, parentId, objectKey, collections } = identifiers;
      return {
        id: hit.id,
        type: assetType,
        status,
        parentId: parentId ?? null,
        name: hit.title ?? null,
        objectKey: objectKey ?? null,
        created: hit.createdDate ?? null,
        modified: hit.lastModifiedDate ?? null,
        // Absent: unknown (the hit may not echo it), read from the detail when needed.
        collections: collections ? collections.map((collection) => collection.id) : null,
      } satisfies NomadItem;
    });
    const missing = hits.filter((_hit, i) => complete[i] === null).map((hit) => hit.id);
    const read = missing.length ? await settleEach(missing, this.http.concurrency, (id) => this.readItem(id)) : [];
    const byId = new Map(missing.map((id, i) => [id, read[i]]));
    return hits.flatMap((hit, i) => {
      const item = complete[i] ?? byId.get(hit.id);
      if (item instanceof Error) throw item;
      return item ? [{ ...item, created: item.created ?? hit.createdDate ?? null, modified: hit.lastModifiedDate ?? item.modified }] : [];
    });
  }
}
