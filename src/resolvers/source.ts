import type { QueryResolvers, SourceErrorResolvers, SourceResolvers } from '../generated/resolvers-types.js';

export const sourceQuery: QueryResolvers = {
  sources: (_root, _args, context) => [...context.sources.all],
};

export const sourceType: SourceResolvers = {
  capabilities: (source) => [...source.capabilities],
};

export const sourceErrorType: SourceErrorResolvers = {
  source: (failure, _args, context) => context.sources.get(failure.source),
};
