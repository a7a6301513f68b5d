import type { Resolvers } from '../generated/resolvers-types.js';
import { assetQuery, assetType } from './asset.js';
import { assetMutations } from './asset-mutations.js';
import { collectionMutations } from './collection-mutations.js';
import { shareMutations } from './share-mutations.js';
import { collectionQuery, collectionType } from './collection.js';
import { nodeInterface, nodeQuery } from './node.js';
import { recycleBinMutations, recycleBinQuery, recycleBinType } from './recycle-bin.js';
import { scalarResolvers } from './scalars.js';
import { shareQuery, shareTargetUnion, shareType } from './share.js';
import { jobItemType, jobMutations, jobQuery, jobType } from './job.js';
import { ingestMutations } from './ingest.js';
import { assetChangeType, subscriptionResolvers } from './subscription.js';
import { sourceErrorType, sourceQuery, sourceType } from './source.js';

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query: { ...nodeQuery, ...sourceQuery, ...assetQuery, ...collectionQuery, ...recycleBinQuery, ...shareQuery, ...jobQuery },
  Mutation: { ...assetMutations, ...recycleBinMutations, ...collectionMutations, ...shareMutations, ...jobMutations, ...ingestMutations },
  Subscription: subscriptionResolvers,
  AssetChange: assetChangeType,
  Node: nodeInterface,
  Source: sourceType,
  SourceError: sourceErrorType,
  Asset: assetType,
  Collection: collectionType,
  Share: shareType,
  ShareTarget: shareTargetUnion,
  RecycleBin: recycleBinType,
  Job: jobType,
  JobItem: jobItemType,
};
