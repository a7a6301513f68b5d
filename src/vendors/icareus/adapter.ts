// Icareus Suite behind the VendorAdapter interface. Every Icareus call is in this file:
// the Archive API (`/api/archive?action=getOrganizationAssets`, vendor-specs README) for
// reading assets, and the Recycle Bin API (`/api/recyclebin?action=...`, all GETs) for the
// recycle bin. Auth is the user token as `Authorization: Bearer <token>`; every call
// carries `organizationId`.
//
// Quirks kept here: the Archive API answers failures with HTTP 200 and
// {"status":"error","message":...}; there is no multi-id read (getOrganizationAssets takes
// one `assetId`), so by-id reads run one call per id under a concurrency cap; there is no
// folder listing, so folders are learned from the organization's assets (see FOLDER_SCAN).
import type { IcareusSourceConfig } from './index.js';
import { credentialsFor } from '../credentials.js';
import { badUserInput, notFound, type ErrorOrigin } from '../../errors.js';
import { fetchOffsetWindow, sliceWindow } from '../../pagination/page-window.js';
import type {
  AssetListQuery,
  BatchResult,
  CollectionListQuery,
  CopyPort,
  DeletionPort,
  MovePort,
  NestingPort,
  RecycleBinPort,
  VendorAdapter,
  WriteOptions,
  WriteResult,
} from '../adapter.js';
import type { QueryValue, RequestClient } from '../http.js';
import type { AssetModel, CollectionModel } from '../models.js';
import type { Page, Window } from '../../pagination/window.js';
import { readEach, settleEach } from '../settle-each.js';
import {
  folderCollection,
  organizationCollection,
  parseAssetNativeId,
  parseCollectionId,
  recycleBinItemToAsset,
  toAsset,
} from './mapping.js';
import type { z } from 'zod';
import type { Endpoint } from '../endpoint.js';
import { ICAREUS_ENDPOINTS } from './endpoints.js';
import type { IcareusAsset } from './responses.js';

/** Folders are collected from at most this many of the organization's newest assets. */
const FOLDER_SCAN = 1000;

/** Icareus for one GraphQL request (built per request by the connection in ./index.ts). */
export class IcareusAdapter implements VendorAdapter {
  readonly vendor = 'ICAREUS' as const;
  readonly search = true;
  readonly multipleCollectionsPerAsset = false;
  readonly nesting: NestingPort = this;
  readonly recycleBin: RecycleBinPort = this;
  readonly copy: CopyPort = this;
  readonly move: MovePort = this;
  /** Deleting takes the Archive API token: present only when one is configured or sent per request. */
  readonly deletion: DeletionPort | undefined;
  private binEnabled: Promise<boolean> | undefined;
  private readonly origin: ErrorOrigin;
  private readonly source: string;
  private readonly organizationId: number;
  private readonly languageId: string;
  private readonly otherOrganizationIds: readonly number[];
  private readonly credentials: IcareusSourceConfig['credentials'];

  constructor(
    config: IcareusSourceConfig,
    private readonly http: RequestClient,
    canDelete: boolean,
  ) {
    this.deletion = canDelete ? this : undefined;
    this.source = config.name;
    this.organizationId = config.organizationId;
    this.languageId = config.languageId;
    this.otherOrganizationIds = config.otherOrganizationIds;
    this.credentials = config.credentials;
    this.origin = http.origin;
  }

  async getAssets(ids: readonly string[]): Promise<BatchResult<AssetModel | null>> {
    return readEach(ids, this.http.concurrency, async (id) => {
      // Icareus asset ids are numbers, optionally "<partner organization>:<id>".
      const ref = parseAssetNativeId(id);
      if (!ref || (ref.organizationId !== null && !this.isKnownOrganization(ref.organizationId))) return null;
      const organizationId = ref.organizationId ?? String(this.organizationId);
      const [asset] = await this.organizationAssets({ assetId: ref.assetId, organizationId });
      return asset ? toAsset(this.source, this.organizationId, organizationId, this.languageId, asset) : null;
    });
  }

  async getCollections(ids: readonly string[]): Promise<BatchResult<CollectionModel | null>> {
    const wanted = ids.map(parseCollectionId);
    const folders: Map<string, CollectionModel> | Error = wanted.some((id) => id?.kind === 'folder')
      ? await this.folders().catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))
      : new Map<string, CollectionModel>();
    return wanted.map((id) => {
      if (!id) return null;
      if (id.kind === 'organization') return this.isKnownOrganization(id.id) ? organizationCollection(this.source, id.id) : null;
      return folders instanceof Error ? folders : (folders.get(id.id) ?? null);
    });
  }

  async listAssets(window: Window, query: AssetListQuery): Promise<Page<AssetModel>> {
    return fetchOffsetWindow(window, async (skip, limit) => ({
      items: (await this.organizationAssets({ skip, limit, keyword: query.search, orderBy: 'created', order: 'desc' })).map((asset) =>
        this.toAsset(asset),
      ),
      total: null,
    }));
  }

  async listCollections(window: Window, query: CollectionListQuery): Promise<Page<CollectionModel>> {
    const organizations = [this.organizationId, ...this.otherOrganizationIds].map((id) => organizationCollection(this.source, id));
    const all = [...organizations, ...(query.topLevelOnly ? [] : (await this.folders()).values())];
    return sliceWindow(all, window);
  }

  async listCollectionAssets(collectionId: string, window: Window): Promise<Page<AssetModel>> {
    const id = parseCollectionId(collectionId);
    if (!id) return { items: [], hasMore: false };
    if (id.kind === 'organization') return id.id === String(this.organizationId) ? this.listAssets(window, {}) : { items: [], hasMore: false };
    // Assumption (docs/vendors.md): Icareus folders are group items, filtered by groupItemIds.
    return fetchOffsetWindow(window, async (skip, limit) => ({
      items: (await this.organizationAssets({ skip, limit, groupItemIds: id.id, orderBy: 'created', order: 'desc' })).map((asset) =>
        this.toAsset(asset),
      ),
      total: null,
    }));
  }

  async listCollectionChildren(collectionId: string, window: Window): Promise<Page<CollectionModel>> {
    const id = parseCollectionId(collectionId);
    if (id?.kind !== 'organization' || id.id !== String(this.organizationId)) return { items: [], hasMore: false };
    return sliceWindow([...(await this.folders()).values()], window);
  }

  async getAncestors(collectionIds: readonly string[]): Promise<BatchResult<readonly CollectionModel[]>> {
    return collectionIds.map((id) => (parseCollectionId(id)?.kind === 'folder' ? [this.organization()] : []));
  }

  async isRecycleBinEnabled(): Promise<boolean> {
    // Asked once per GraphQL request: this adapter object lives for one request only.
    this.binEnabled ??= this.recycleBinCall(ICAREUS_ENDPOINTS.isRecycleBinEnabled).then((answer) => answer.isRecycleBinEnabled);
    return this.binEnabled;
  }

  async listRecycleBin(window: Window): Promise<Page<AssetModel>> {
    // getAssets has no paging parameters: it lists the whole bin, which we window here.
    const items = (await this.recycleBinCall(ICAREUS_ENDPOINTS.recycleBinAssets)).assets.map((item) =>
      recycleBinItemToAsset(this.source, item),
    );
    items.sort((a, b) => (b.deletedAt?.getTime() ?? 0) - (a.deletedAt?.getTime() ?? 0));
    return sliceWindow(items, window);
  }

  // ---- Writes. Icareus has no batch endpoints: one call per asset, at most
  // this.http.concurrency at a time. Archive API failures are HTTP 200 with
  // {"status":"error"}; Recycle Bin API failures are non-200.

  async deleteAssets(ids: readonly string[], options: WriteOptions = { details: true }): Promise<WriteResult> {
    const { archiveToken: token } = credentialsFor(this.origin, this.credentials, ['archiveToken'], this.http.requestCredentials());
    const deleted = await settleEach(ids, this.http.concurrency, async (id) => {
      await this.archiveCall(ICAREUS_ENDPOINTS.deleteAsset, { assetId: numericId(id, this.origin), token });
      return id;
    });
    // Whether they went to the bin decides `asset` and `note` only: not asked, not read.
    if (!options.details) return deleted.map((result) => (result instanceof Error ? result : { asset: null }));
    // With the recycle bin enabled the assets are now in it: read the bin once to return them.
    const enabled = await this.isRecycleBinEnabled();
    const inBin = new Map<string, AssetModel>(
      enabled ? (await this.listRecycleBin({ offset: 0, limit: Number.MAX_SAFE_INTEGER })).items.map((a) => [a.nativeId, a]) : [],
    );
    return deleted.map((result) =>
      result instanceof Error
        ? result
        : enabled
          ? { asset: inBin.get(result) ?? null }
          : { asset: null, note: 'Deleted permanently: the organization has its recycle bin disabled.' },
    );
  }

  async restoreAssets(ids: readonly string[]): Promise<WriteResult> {
    return settleEach(ids, this.http.concurrency, async (id) => {
      const { asset } = await this.recycleBinCall(ICAREUS_ENDPOINTS.recoverAsset, { assetId: numericId(id, this.origin) });
      return { asset: this.toAsset(asset) };
    });
  }

  async purgeAssets(ids: readonly string[]): Promise<WriteResult> {
    return settleEach(ids, this.http.concurrency, async (id) => {
      await this.recycleBinCall(ICAREUS_ENDPOINTS.purgeAsset, { assetId: numericId(id, this.origin) });
      return { asset: null };
    });
  }

  async emptyRecycleBin(): Promise<void> {
    await this.recycleBinCall(ICAREUS_ENDPOINTS.emptyRecycleBin);
  }

  async copyAssets(ids: readonly string[], destinationCollectionId: string): Promise<WriteResult> {
    return this.transfer('copyAsset', ids, destinationCollectionId);
  }

  async moveAssets(ids: readonly string[], destinationCollectionId: string): Promise<WriteResult> {
    return this.transfer('moveAsset', ids, destinationCollectionId);
  }

  /**
   * Copy Asset API / Move Asset API: `action=copyAsset|moveAsset&assetId&organizationTo`.
   * Both move between organizations only, so the destination must be an organization
   * collection. The answer is the asset in its new organization: copies show COPYING until
   * Icareus has copied the files in the background.
   */
  private async transfer(action: 'copyAsset' | 'moveAsset', ids: readonly string[], destinationCollectionId: string): Promise<WriteResult> {
    const destination = parseCollectionId(destinationCollectionId);
    if (destination?.kind !== 'organization' || !this.isKnownOrganization(destination.id)) {
      const reason = badUserInput('Icareus copies and moves assets between organizations: the destination must be an organization collection of this source.');
      return ids.map(() => reason);
    }
    const inOtherOrganization = destination.id !== String(this.organizationId);
    return settleEach(ids, this.http.concurrency, async (id) => {
      // The Copy/Move Asset API pages list exactly action, assetId and organizationTo (the
      // source organization comes from the user token).
      const answer = await this.http.call(ICAREUS_ENDPOINTS[action], { query: { assetId: numericId(id, this.origin), organizationTo: destination.id } });
      // In a partner organization the asset has an ID of its own ("<organization>:<id>"),
      // which resolves through this source: a moved asset is replaced by it.
      const asset = toAsset(this.source, this.organizationId, destination.id, this.languageId, answer.asset);
      if (!inOtherOrganization) return { asset };
      const note = `Now in organization ${destination.id}.`;
      return action === 'moveAsset' ? { asset, replacedBy: asset, note } : { asset, note };
    });
  }

  private isKnownOrganization(id: string): boolean {
    return id === String(this.organizationId) || this.otherOrganizationIds.some((other) => String(other) === id);
  }

  /** An Archive API call of this organization, in its language. */
  private archiveCall<S extends z.ZodType>(endpoint: Endpoint<S>, params: Record<string, QueryValue>): Promise<z.output<S>> {
    return this.http.call(endpoint, { query: { organizationId: this.organizationId, languageId: this.languageId, ...params } });
  }

  private toAsset(asset: IcareusAsset): AssetModel {
    return toAsset(this.source, this.organizationId, this.organizationId, this.languageId, asset);
  }

  private organization(): CollectionModel {
    return organizationCollection(this.source, this.organizationId);
  }

  /** The folders used by the organization's newest FOLDER_SCAN assets, by folder id. */
  private async folders(): Promise<Map<string, CollectionModel>> {
    const assets = await this.organizationAssets({ skip: 0, limit: FOLDER_SCAN, orderBy: 'created', order: 'desc' });
    const folders = new Map<string, CollectionModel>();
    for (const folder of assets.flatMap((asset) => asset.folders ?? [])) {
      folders.set(String(folder.id), folderCollection(this.source, this.organizationId, folder));
    }
    return folders;
  }

  /** GET /api/archive?action=getOrganizationAssets (documented as POST; the vendor's example uses GET). */
  private async organizationAssets(params: Record<string, QueryValue>): Promise<IcareusAsset[]> {
    return (await this.archiveCall(ICAREUS_ENDPOINTS.organizationAssets, params)).assets;
  }

  /** A Recycle Bin API call of this organization. */
  private recycleBinCall<S extends z.ZodType>(endpoint: Endpoint<S>, params: Record<string, QueryValue> = {}): Promise<z.output<S>> {
    return this.http.call(endpoint, { query: { organizationId: this.organizationId, ...params } });
  }
}

/** Icareus asset ids are numbers; anything else cannot name an Icareus asset. */
function numericId(id: string, origin: ErrorOrigin): string {
  if (!/^\d{1,18}$/.test(id)) throw notFound(origin, `Asset ${id}`);
  return id;
}
