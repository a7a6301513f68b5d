// Nomad collections: flat, named sets of content next to the folder tree (CollectionModel
// {id, name}; GET/POST/DELETE /admin/collection, POST /admin/collection/content[/delete]).
// An asset stays in its folder and can be in any number of collections. Their native ids
// are "collection:<id>", so they never collide with folder ids. Memberships are read from
// the asset detail (`collections`), which is also how writes are read back.
import { badUserInput, type ErrorOrigin } from '../../errors.js';
import type { BatchResult, WriteResult } from '../adapter.js';
import type { RequestClient } from '../http.js';
import type { AssetModel, CollectionModel } from '../models.js';
import { readEach, settleEach } from '../settle-each.js';
import { settleWrite } from '../settle-write.js';
import { NOMAD_ENDPOINTS } from './endpoints.js';
import type { NomadAssetDetail, NomadCollection } from './responses.js';

const PREFIX = 'collection:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const nomadCollectionNativeId = (id: string) => `${PREFIX}${id}`;

/** The Nomad collection id inside a native id, or null for anything else (folders). */
export function parseNomadCollectionId(nativeId: string): string | null {
  if (!nativeId.startsWith(PREFIX)) return null;
  const id = nativeId.slice(PREFIX.length);
  return UUID.test(id) ? id : null;
}

export const isNomadCollectionId = (nativeId: string) => nativeId.startsWith(PREFIX);

export function toNomadCollection(source: string, collection: NomadCollection): CollectionModel {
  return { objectType: 'Collection', source, nativeId: nomadCollectionNativeId(collection.id), title: collection.name ?? null, createdAt: null, parentId: null };
}

export class NomadCollections {
  constructor(
    private readonly source: string,
    private readonly http: RequestClient,
    private readonly origin: ErrorOrigin,
    private readonly detailOf: (assetId: string) => Promise<NomadAssetDetail>,
    private readonly readAssets: (ids: readonly string[]) => Promise<BatchResult<AssetModel | null>>,
  ) {}

  /** Collections by Nomad id (without the prefix). */
  async get(ids: readonly string[]): Promise<BatchResult<CollectionModel | null>> {
    return readEach(ids, this.http.concurrency, async (id) => toNomadCollection(this.source, await this.http.call(NOMAD_ENDPOINTS.collection, { params: { id } })));
  }

  async create(title: string): Promise<CollectionModel> {
    const { id } = await this.http.call(NOMAD_ENDPOINTS.saveCollection, { body: { name: title } });
    return toNomadCollection(this.source, { id, name: title });
  }

  async rename(id: string, title: string | undefined, parentId: string | null | undefined): Promise<CollectionModel | null> {
    if (parentId !== undefined) throw badUserInput('Nomad collections are flat: they cannot be moved into a folder or another collection.');
    if (title !== undefined) await this.http.call(NOMAD_ENDPOINTS.saveCollection, { body: { id, name: title } });
    const [read] = await this.get([id]);
    if (read instanceof Error) throw read;
    return read ?? null;
  }

  async delete(id: string): Promise<void> {
    await this.http.call(NOMAD_ENDPOINTS.deleteNomadCollection, { params: { id } });
  }

  /** Native ids ("collection:<id>") of the collections each asset is in. */
  async collectionIdsOf(assetIds: readonly string[]): Promise<BatchResult<readonly string[]>> {
    return settleEach(assetIds, this.http.concurrency, async (id) => ((await this.detailOf(id)).collections ?? []).map((c) => nomadCollectionNativeId(c.id)));
  }

  add(collectionId: string, assetIds: readonly string[]): Promise<WriteResult> {
    return this.change('add', collectionId, assetIds);
  }

  remove(collectionId: string, assetIds: readonly string[]): Promise<WriteResult> {
    return this.change('remove', collectionId, assetIds);
  }

  /**
   * One call for all assets (the list body takes any number of associations), then each
   * asset and its collections read back: the end state decides every item (settleWrite).
   */
  private async change(kind: 'add' | 'remove', collectionId: string, assetIds: readonly string[]): Promise<WriteResult> {
    const endpoint = kind === 'add' ? NOMAD_ENDPOINTS.addCollectionContent : NOMAD_ENDPOINTS.removeCollectionContent;
    const body = { items: assetIds.map((contentId) => ({ contentId, collectionId, createNew: false })) };
    const sent: unknown = await this.http.call(endpoint, { body }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    const member = nomadCollectionNativeId(collectionId);
    const [assets, memberships] = await Promise.all([this.readAssets(assetIds), this.collectionIdsOf(assetIds)]);
    const after = assets.map((asset, i) => {
      const collections = memberships[i];
      if (asset instanceof Error || !asset) return asset ?? null;
      if (collections instanceof Error) return collections;
      return { ...asset, collectionIds: [...asset.collectionIds, ...(collections ?? [])] };
    });
    return settleWrite(this.origin, assetIds, assetIds.map(() => sent), after, {
      succeeded: (asset) => asset.collectionIds.includes(member) === (kind === 'add'),
      failure: kind === 'add' ? 'Nomad did not add it to the collection' : 'Nomad did not remove it from the collection',
    });
  }
}
