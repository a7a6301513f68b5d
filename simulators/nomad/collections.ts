// The Nomad simulator's collections (Nomad's OpenAPI, admin: GET/DELETE /admin/collection/{id},
// POST /admin/collection, POST /admin/collection/content and /content/delete). Collections are
// flat and named; an asset lists the collections it is in (AssetDetailModel.collections).
import { randomUUID } from 'node:crypto';
import { scalarText, type Route, type SimResponse } from '../kit/simulator-server.js';
import type { NomadState } from './server.js';

type Problem = (status: number, detail: string) => SimResponse;

export function collectionRoutes(state: NomadState, problem: Problem): Route[] {
  /** ListModelCollectionContentModel: each item names content and a collection (by id; the name is ignored when both are given). */
  const associations = (body: unknown) => {
    const items = (body as { items?: unknown } | null)?.items;
    if (!Array.isArray(items) || items.length === 0) return null;
    return items.map((item) => {
      const { contentId, collectionId } = (item ?? {}) as { contentId?: unknown; collectionId?: unknown };
      return { contentId: scalarText(contentId), collectionId: scalarText(collectionId) };
    });
  };
  const batchResult = (ids: string[]): SimResponse => ({ status: 200, body: { items: ids.map((id) => ({ id })), totalItemCount: ids.length } });

  return [
    {
      method: 'GET',
      pattern: '/admin/collection/:id',
      handler: ({ params }) => {
        const collection = state.collections.get(params['id'] ?? '');
        return collection ? { status: 200, body: collection } : problem(404, 'No collection exists with the specified ID.');
      },
    },
    {
      method: 'POST',
      pattern: '/admin/collection',
      handler: ({ body }) => {
        const { id, name } = (body ?? {}) as { id?: unknown; name?: unknown };
        if (typeof name !== 'string' || !name.trim()) return problem(400, 'The collection name is required.');
        if (typeof id === 'string' && id) {
          const existing = state.collections.get(id);
          if (!existing) return problem(404, 'No collection exists with the specified ID.');
          existing.name = name;
          for (const asset of state.assets.values()) asset.collections.filter((c) => c.id === id).forEach((c) => (c.description = name));
          return { status: 200, body: { id } };
        }
        const created = { id: randomUUID(), name };
        state.collections.set(created.id, created);
        return { status: 200, body: { id: created.id } };
      },
    },
    {
      method: 'DELETE',
      pattern: '/admin/collection/:id',
      handler: ({ params }) => {
        const id = params['id'] ?? '';
        if (!state.collections.delete(id)) return problem(400, 'The collection ID is invalid.');
        for (const asset of state.assets.values()) asset.collections = asset.collections.filter((c) => c.id !== id);
        return { status: 200, body: { id } };
      },
    },
    {
      method: 'POST',
      pattern: '/admin/collection/content',
      handler: ({ body }) => {
        const items = associations(body);
        if (!items) return problem(400, 'The items list is empty.');
        const done: string[] = [];
        for (const { contentId, collectionId } of items) {
          const asset = state.assets.get(contentId);
          const collection = state.collections.get(collectionId);
          if (!asset || !collection) continue;
          if (!asset.collections.some((c) => c.id === collection.id)) asset.collections.push({ id: collection.id, description: collection.name });
          done.push(asset.id);
        }
        return batchResult(done);
      },
    },
    {
      method: 'POST',
      pattern: '/admin/collection/content/delete',
      handler: ({ body }) => {
        const items = associations(body);
        if (!items) return problem(400, 'The items list is empty.');
        const done: string[] = [];
        for (const { contentId, collectionId } of items) {
          const asset = state.assets.get(contentId);
          if (!asset) continue;
          asset.collections = asset.collections.filter((c) => c.id !== collectionId);
          done.push(asset.id);
        }
        return batchResult(done);
      },
    },
  ];
}
