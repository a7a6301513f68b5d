import { DateTimeResolver, URLResolver } from 'graphql-scalars';

export const scalarResolvers = { DateTime: DateTimeResolver, URL: URLResolver };
