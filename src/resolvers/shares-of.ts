// Asset.shares and Collection.shares: the shares made for one object, read through the
// request's loader (one call per object on iconik, batched per request). Not silently
// empty on a source without a share listing: the field is null with UNSUPPORTED.
import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.js';
import { badUserInput, isNotFound, unsupported } from '../errors.js';
import { invalidId } from '../ids.js';
import { primeLoaders } from '../loaders/create-loaders.js';
import { connectionFromArray, type Connection, type ConnectionArgs, type SourceErrorModel } from '../pagination/connection.js';
import { reportSourceError } from './list-across-sources.js';
import type { AssetModel, CollectionModel, ShareModel } from '../vendors/models.js';

export async function sharesOf(context: GatewayContext, object: AssetModel | CollectionModel, args: ConnectionArgs): Promise<Connection<ShareModel>> {
  const source = context.sources.get(object.source);
  const what = object.objectType === 'Asset' ? 'an asset' : 'a collection';
  if (!source.adapter.shareListing) throw unsupported({ source: source.name, vendor: source.vendor }, `listing the shares of ${what}`);
  const loader = object.objectType === 'Asset' ? context.loaders.assetShares : context.loaders.collectionShares;
  const shares = await loader.load(object);
  primeLoaders(context.loaders, shares);
  return connectionFromArray(shares, args);
}

/** At most this many targets per Query.shares, like `nodes(ids:)`. */
const MAX_TARGETS = 100;

/**
 * Query.shares: the shares of the named assets and collections, in target order. Objects
 * are batched per source and type by the request's loaders; a source that cannot list
 * shares, or whose call failed, is named once in `sourceErrors` and the others' shares stay.
 */
export async function sharesOfTargets(
  context: GatewayContext,
  info: GraphQLResolveInfo,
  filter: { readonly targets: readonly string[]; readonly activeOnly?: boolean | null },
  args: ConnectionArgs,
): Promise<Connection<ShareModel>> {
  if (filter.targets.length === 0 || filter.targets.length > MAX_TARGETS) throw badUserInput(`"filter.targets" takes 1 to ${MAX_TARGETS} IDs.`);
  const targets = filter.targets.map((id) => {
    const decoded = context.sources.decode(id);
    if (decoded.type === 'Share' || decoded.type === 'Job') throw invalidId(id, `a ${decoded.type.toLowerCase()} has no shares: give asset or collection IDs`);
    return decoded;
  });
  const failed = new Map<string, SourceErrorModel>();
  const fail = (source: string, error: unknown) => {
    if (!failed.has(source)) failed.set(source, reportSourceError(context, info, error, source));
  };
  const lists = await Promise.all(
    targets.map(async (target) => {
      const source = context.sources.get(target.source);
      if (!source.adapter.shareListing) {
        fail(source.name, unsupported({ source: source.name, vendor: source.vendor }, 'listing shares'));
        return [];
      }
      const loader = target.type === 'Asset' ? context.loaders.assetShares : context.loaders.collectionShares;
      try {
        return await loader.load(target);
      } catch (error) {
        // An object the vendor does not know has no shares; anything else names the source.
        if (!isNotFound(error)) fail(source.name, error);
        return [];
      }
    }),
  );
  const now = Date.now();
  const seen = new Set<string>();
  const shares = lists.flat().filter((share) => {
    const key = `${share.source}:${share.nativeId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return !filter.activeOnly || share.expiresAt === null || share.expiresAt.getTime() > now;
  });
  primeLoaders(context.loaders, shares);
  const page = connectionFromArray(shares, args);
  return { ...page, sourceErrors: [...failed.values()] };
}
