// NCP Media Intelligence behind the VendorAdapter interface. Every NCP call is in this
// file, all under /api/v1/workspaces/{workspace_name}/ and all signed with API Gateway
// signature v2 (sign-request.ts). Responses are {code, message, result}; code "0" is
// success. Projects are Collections; assets live in exactly one project.
//
// Every call follows a page of NAVER Cloud's Media Intelligence API guide (listed in
// docs/vendors.md): project list and details, the asset list of a project (pageNum and
// pageSize), asset details, move and delete. Every request carries the common headers:
// the signature v2 trio and Content-Type: application/json (required even without a body).
import type { NcpSourceConfig } from './index.js';
import { isAmbiguous, isNotFound, notFound, unsupported, type ErrorOrigin } from '../../errors.js';
import { compareAssets, type AssetOrderBy } from '../../pagination/asset-order.js';
import { fetchWindow } from '../../pagination/page-window.js';
import type {
  MediaDetailsPort,
  AssetListQuery,
  BatchResult,
  CollectionListQuery,
  DeletionPort,
  MovePort,
  VendorAdapter,
  WriteResult,
} from '../adapter.js';
import { sliceWindow } from '../../pagination/page-window.js';
import type { RequestClient } from '../http.js';
import type { AssetModel, CollectionModel, NodeType } from '../models.js';
import type { Page, Window } from '../../pagination/window.js';
import { readEach, settleEach } from '../settle-each.js';
import { parseAssetNativeId, toAsset, toCollection } from './mapping.js';
import { NcpMedia } from './media.js';
import { RequestDocuments } from '../media/request-documents.js';
import type { NcpAsset } from './responses.js';
import { NCP_ENDPOINTS } from './endpoints.js';
import { settleWrite } from '../settle-write.js';

/** pageSize of the asset list: 1-1000 (Get media asset list). */
const MAX_PAGE_SIZE = 1000;
/** The most assets the gateway reads to order an NCP workspace itself. */
const ORDER_LIMIT = 5_000;

/** NCP for one GraphQL request (built per request by the connection in ./index.ts). */
export class NcpAdapter implements VendorAdapter {
  readonly vendor = 'NCP_MEDIA_INTELLIGENCE' as const;
  readonly search = false;
  readonly multipleCollectionsPerAsset = false;
  readonly deletion: DeletionPort = this;
  readonly move: MovePort = this;
  readonly mediaDetails: MediaDetailsPort;
  /** Assets this request has read: media details come from their metaData. */
  private readonly documents = new RequestDocuments<NcpAsset>();
  private readonly origin: ErrorOrigin;
  private readonly source: string;
  private readonly workspace: string;

  constructor(config: NcpSourceConfig, private readonly http: RequestClient) {
    this.source = config.name;
    this.workspace = config.workspaceName;
    this.origin = http.origin;
    this.mediaDetails = new NcpMedia((id) => this.documents.get(id, () => this.readRawAsset(id)), http.concurrency);
  }

  nativeIdProblem(type: NodeType, nativeId: string): string | null {
    if (type === 'Asset') return /^\d{1,18}\/\d{1,18}$/.test(nativeId) ? null : 'an NCP asset id is "<project id>/<asset id>", both numbers';
    if (type === 'Collection') return /^\d{1,18}$/.test(nativeId) ? null : 'an NCP project id is a number';
    return null;
  }

  async getAssets(ids: readonly string[]): Promise<BatchResult<AssetModel | null>> {
    return readEach(ids, this.http.concurrency, async (nativeId) => {
      const asset = await this.readRawAsset(nativeId);
      return asset ? toAsset(this.source, asset) : null;
    });
  }

  private async readRawAsset(nativeId: string): Promise<NcpAsset | null> {
    const ref = parseAssetNativeId(nativeId);
    if (!ref) return null;
    return this.documents.read(nativeId, async () => (await this.http.call(NCP_ENDPOINTS.asset, { params: { workspace: this.workspace, ...ref } })).result);
  }

  async getCollections(ids: readonly string[]): Promise<BatchResult<CollectionModel | null>> {
    // NCP has no multi-project read, but the project list answers the whole workspace in one
    // call: for more than one id that is cheaper than one call per id.
    if (ids.length > 1) {
      try {
        const projects = new Map((await this.allProjects()).map((project) => [project.nativeId, project]));
        return ids.map((id) => projects.get(id) ?? null);
      } catch (error) {
        return ids.map(() => (error instanceof Error ? error : new Error(String(error))));
      }
    }
    return readEach(ids, this.http.concurrency, async (projectId) => {
      const { result } = await this.http.call(NCP_ENDPOINTS.project, { params: { workspace: this.workspace, projectId } });
      return toCollection(this.source, result);
    });
  }

  /**
   * NCP lists assets per project only, so the workspace's assets are its projects' assets
   * one project after another: the window is walked project by project, skipping whole
   * projects by their totalCount.
   */
  async listAssets(window: Window, query: AssetListQuery): Promise<Page<AssetModel>> {
    if (query.order) return this.orderedAssets(window, query.order);
    const projects = await this.allProjects();
    const items: AssetModel[] = [];
    let skip = window.offset;
    for (const [index, project] of projects.entries()) {
      const need = window.limit - items.length;
      const page = await this.projectAssets(project.nativeId, { offset: skip, limit: need });
      items.push(...page.items);
      skip = Math.max(0, skip - page.total);
      if (items.length === window.limit) return { items, hasMore: page.hasMore || index < projects.length - 1 };
    }
    return { items, hasMore: false };
  }

  async listCollections(window: Window, _query: CollectionListQuery): Promise<Page<CollectionModel>> {
    // Projects are all top level, so topLevelOnly changes nothing here.
    return sliceWindow(await this.allProjects(), window);
  }

  async listCollectionAssets(collectionId: string, window: Window): Promise<Page<AssetModel>> {
    return this.projectAssets(collectionId, window);
  }

  /**
   * "Move media asset project": a signed PATCH per asset (NCP has no batch move). The
   * asset's native id includes its project, so the moved asset comes back with a new ID.
   */
  async moveAssets(ids: readonly string[], destinationCollectionId: string): Promise<WriteResult> {
    return settleEach(ids, this.http.concurrency, async (nativeId) => {
      const ref = parseAssetNativeId(nativeId);
      if (!ref) throw notFound(this.origin, `Asset ${nativeId}`);
      const note = 'NCP asset IDs include the project: the asset has a new ID (replacedBy).';
      try {
        const { result } = await this.http.call(NCP_ENDPOINTS.moveAsset, {
          params: { workspace: this.workspace, ...ref },
          query: { new_project_id: destinationCollectionId },
        });
        const asset = toAsset(this.source, result);
        return { asset, replacedBy: asset, note };
      } catch (error) {
        // The answer was lost, or the asset was not in its project any more (the same move
        // by another caller may have been first): it is either in the destination now or not.
        if (!isAmbiguous(error) && !isNotFound(error)) throw error;
        const [moved] = await this.getAssets([`${destinationCollectionId}/${ref.assetId}`]);
        const [settled] = settleWrite(this.origin, [nativeId], [error], [moved ?? null], { succeeded: () => true, failure: 'NCP did not move the asset' });
        if (!settled) throw error;
        if (settled instanceof Error) throw settled;
        return settled.asset ? { asset: settled.asset, replacedBy: settled.asset, note } : { asset: null, note };
      }
    });
  }

  /** "Delete media asset": permanent, NCP has no recycle bin. */
  async deleteAssets(ids: readonly string[]): Promise<WriteResult> {
    return settleEach(ids, this.http.concurrency, async (nativeId) => {
      const ref = parseAssetNativeId(nativeId);
      if (!ref) throw notFound(this.origin, `Asset ${nativeId}`);
      const note = 'Deleted permanently: NCP Media Intelligence has no recycle bin.';
      try {
        await this.http.call(NCP_ENDPOINTS.deleteAsset, { params: { workspace: this.workspace, ...ref } });
        return { asset: null, note };
      } catch (error) {
        if (!isAmbiguous(error)) throw error;
        // The answer was lost: gone means deleted. Gone from its project is not enough (a
        // concurrent move takes it elsewhere): it is looked for in every project.
        const left = await this.findInAnyProject(ref.assetId).catch((failure: unknown) => (failure instanceof Error ? failure : new Error(String(failure))));
        const [settled] = settleWrite(this.origin, [nativeId], [error], [left ?? null], { succeeded: () => false, failure: 'NCP did not delete the asset', goneIsSuccess: true, note });
        if (!settled) throw error;
        if (settled instanceof Error) throw settled;
        return settled;
      }
    });
  }

  /**
   * NCP's asset list has no sort parameter, so an ordered list is ordered here: every
   * project's assets are read (1,000 per call), at most ORDER_LIMIT in all, sorted and
   * windowed. A workspace with more is UNSUPPORTED rather than ordered wrongly.
   */
  private async orderedAssets(window: Window, order: AssetOrderBy): Promise<Page<AssetModel>> {
    const all: AssetModel[] = [];
    const projects = await this.allProjects();
    const lists = await Promise.all(
      projects.map(async (project) => {
        const assets: AssetModel[] = [];
        for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
          const page = await this.projectAssets(project.nativeId, { offset, limit: MAX_PAGE_SIZE });
          assets.push(...page.items);
          if (!page.hasMore) return assets;
          if (offset + MAX_PAGE_SIZE >= ORDER_LIMIT) return null;
        }
      }),
    );
    for (const list of lists) {
      if (list === null || all.push(...list) > ORDER_LIMIT) {
        throw unsupported(this.origin, `ordering more than ${ORDER_LIMIT} assets (NCP has no sort parameter; the gateway orders up to ${ORDER_LIMIT})`);
      }
    }
    return sliceWindow(all.sort(compareAssets(order)), window);
  }

  /** The asset in whichever project holds it now (NCP has no read by asset id alone). */
  private async findInAnyProject(assetId: string): Promise<AssetModel | null> {
    const projects = await this.allProjects();
    const found = await this.getAssets(projects.map((project) => `${project.nativeId}/${assetId}`));
    const failed = found.find((asset) => asset instanceof Error);
    if (failed) throw failed;
    return found.find((asset): asset is AssetModel => asset !== null && !(asset instanceof Error)) ?? null;
  }

  private async projectAssets(projectId: string, window: Window): Promise<Page<AssetModel> & { total: number }> {
    let total = 0;
    const page = await fetchWindow(window, MAX_PAGE_SIZE, async ({ page: pageNumber, perPage }) => {
      const { result: list } = await this.http.call(NCP_ENDPOINTS.assetList, {
        params: { workspace: this.workspace, projectId },
        query: { pageNum: pageNumber, pageSize: perPage },
      });
      total = list.totalCount ?? list.content.length;
      return { items: list.content.map((asset) => toAsset(this.source, asset)), total: list.totalCount ?? null };
    });
    return { ...page, total };
  }

  /** The project list has no paging parameters: one call answers the whole workspace. */
  private async allProjects(): Promise<CollectionModel[]> {
    const { result } = await this.http.call(NCP_ENDPOINTS.projectList, { params: { workspace: this.workspace } });
    return result.projects.map((project) => toCollection(this.source, project));
  }
}
