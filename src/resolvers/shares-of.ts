// Asset.shares and Collection.shares: the shares made for one object, read through the
// request's loader (one call per object on iconik, batched per request). Not silently
// empty on a source without a share listing: the field is null with UNSUPPORTED.
import type { GatewayContext } from '../context.js';
import { unsupported } from '../errors.js';
import { primeLoaders } from '../loaders/create-loaders.js';
import { connectionFromArray, type Connection, type ConnectionArgs } from '../pagination/connection.js';
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
