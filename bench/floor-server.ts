// The in-memory half of the same-shape floor (issue 17): a stock @apollo/server with the
// gateway's own SDL (schema/*.graphql, no resolvers of ours) answering each benchmark
// query with the data the gateway answered it with, from memory. FLOOR_FIXTURES names a
// JSON file of { query, data } (data with __typename everywhere, so abstract types
// resolve); each field is read by its response key, so aliases answer as they did.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { parse, print, type DocumentNode, type GraphQLFieldResolver } from 'graphql';

interface Fixture {
  readonly query: string;
  readonly data: unknown;
}

const fixtures = JSON.parse(readFileSync(process.env.FLOOR_FIXTURES ?? '', 'utf8')) as Fixture[];
const byQuery = new Map(fixtures.map((fixture) => [print(parse(fixture.query)), fixture.data]));
const typeDefs = readdirSync('schema')
  .filter((file) => file.endsWith('.graphql'))
  .map((file) => readFileSync(join('schema', file), 'utf8'));
const schema = makeExecutableSchema({ typeDefs, resolverValidationOptions: { requireResolversForResolveType: 'ignore' } });
const byResponseKey: GraphQLFieldResolver<unknown, unknown> = (source, _args, _context, info) =>
  source !== null && typeof source === 'object' ? (source as Record<string, unknown>)[info.path.key as string] : undefined;
const server = new ApolloServer({ schema, rootValue: (document: DocumentNode) => byQuery.get(print(document)), fieldResolver: byResponseKey });
const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.PORT ?? 4093), host: '127.0.0.1' } });
process.stdout.write(`ready at ${url}\n`);
