// The in-memory half of the same-shape floor (issue 17): a stock @apollo/server with the
// gateway's own SDL (schema/*.graphql, no resolvers of ours) answering each benchmark
// query with the data the gateway answered it with, from memory. FLOOR_FIXTURES names a
// JSON file of { query, data } (data with __typename everywhere, so abstract types
// resolve); each field is read by its response key, so aliases answer as they did.
//
// With FLOOR_REPLAY=1 it is the one-process floor: each fixture also carries the vendor
// requests the gateway made for it, and every request first sends them with bare undici
// pools (./replay-upstream.ts) and holds their parsed answers until its response is built.
// That is the same work as the gateway's in one process, done the simplest way; the bench
// reads its peak RSS under the gateway's loads. A fixture with `rounds` sends its requests
// in that many sequential round trips (the read's critical path), for the latency rows.
//
// With FLOOR_PENDING=1 as well, each field waits for the round trip it would depend on
// instead of the whole response waiting for the last one: the root field for the first, and
// each connection field below it (Asset.collections, Collection.children, ...) for the one
// after its parent's (a field with n connection fields on its path below the root, itself
// included, waits for round trip n + 1, at most the last). That is how a server whose
// resolvers read from vendors holds a request: every field waiting on a vendor answer is a
// pending promise of graphql-js's until its round trip is in (issue 17).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError, getNamedType, isInterfaceType, isObjectType, parse, print, responsePathAsArray, type DocumentNode, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import type { Path } from 'graphql/jsutils/Path.js';
import { dealtOverRoundTrips, poolsFor, replayUpstream } from './replay-upstream.js';
import type { FixtureError, UpstreamRequest } from './same-shape-floor.js';

interface Fixture {
  readonly query: string;
  readonly data: unknown;
  /** The field errors of the gateway's response, raised again at their paths. */
  readonly errors?: readonly FixtureError[];
  readonly upstream?: readonly UpstreamRequest[];
  /** Sequential round trips to send `upstream` in (1: all at once). */
  readonly rounds?: number;
}

const fixtures = JSON.parse(readFileSync(process.env.FLOOR_FIXTURES ?? '', 'utf8')) as Fixture[];
const byQuery = new Map(fixtures.map((fixture) => [print(parse(fixture.query)), fixture]));
const replay = process.env.FLOOR_REPLAY === '1';
const pools = poolsFor(replay ? fixtures.flatMap((fixture) => fixture.upstream ?? []) : []);
const typeDefs = readdirSync('schema')
  .filter((file) => file.endsWith('.graphql'))
  .map((file) => readFileSync(join('schema', file), 'utf8'));
const schema = makeExecutableSchema({ typeDefs, resolverValidationOptions: { requireResolversForResolveType: 'ignore' } });
/**
 * Each fixture's field errors by response path, found through the request's root value.
 * FLOOR_ERRORS=off answers the data alone (the bench prints that floor beside the other).
 */
const raiseErrors = process.env.FLOOR_ERRORS !== 'off';
const errorsOfFixture = new Map(fixtures.map((fixture) => [fixture, new Map((raiseErrors ? (fixture.errors ?? []) : []).map((error) => [(error.path ?? []).join('.'), error]))]));
const errorsOfRoot = new WeakMap<object, Map<string, FixtureError>>();
const byResponseKey: GraphQLFieldResolver<unknown, unknown> = (source, _args, _context, info) => {
  const value = source !== null && typeof source === 'object' ? (source as Record<string, unknown>)[info.path.key as string] : undefined;
  if (value !== null) return value;
  // A null the gateway answered with an error: the same error, as a stock server raises it.
  const root = info.rootValue as object | undefined;
  const error = root ? errorsOfRoot.get(root)?.get(responsePathAsArray(info.path).join('.')) : undefined;
  if (error) throw new GraphQLError(error.message, { extensions: error.extensions ?? {} });
  return value;
};

/** The root value of one request: its vendor answers, then the data (held by the execution until the response is built). */
const replayed = (fixture: Fixture | undefined) =>
  replayUpstream(pools, fixture?.upstream ?? [], true, fixture?.rounds ?? 1).then(({ answers }) => ({ answers, data: fixture?.data }));

/** FLOOR_PENDING's root value: the data, and when each round trip has answered (with what it answered, held until the response is built). */
interface PendingRoot {
  readonly data: unknown;
  readonly roundTrips: ReadonlyArray<Promise<unknown[]>>;
}
const pending = replay && process.env.FLOOR_PENDING === '1';

function pendingRoot(fixture: Fixture | undefined): PendingRoot {
  const requests = fixture?.upstream ?? [];
  const rounds = Math.max(1, fixture?.rounds ?? 1);
  const roundTrips: Array<Promise<unknown[]>> = [];
  // Dealt over the round trips as replayUpstream deals them, each sent when the one before has answered.
  for (const these of dealtOverRoundTrips(requests, rounds)) {
    const previous = roundTrips.at(-1) ?? Promise.resolve([]);
    roundTrips.push(previous.then(() => replayUpstream(pools, these, true)).then(({ answers }) => answers));
  }
  // A round trip no field waits for must not go unhandled if it fails.
  for (const trip of roundTrips) trip.catch(() => undefined);
  return { data: fixture?.data, roundTrips };
}

/** Type.field of every connection field in the schema. */
const connectionFields = new Set(
  Object.values(schema.getTypeMap())
    .filter((type) => (isObjectType(type) || isInterfaceType(type)) && !type.name.startsWith('__'))
    .flatMap((type) => Object.values((type as GraphQLObjectType).getFields()).filter((field) => getNamedType(field.type).name.endsWith('Connection')).map((field) => `${type.name}.${field.name}`)),
);

/**
 * The round trip (1-based) a field waits for under FLOOR_PENDING; 0 when it waits for none:
 * the root field the first, a connection field below it one more than the connection fields
 * above it (below the root), other fields none.
 */
function roundTripOf(info: GraphQLResolveInfo): number {
  if (info.path.prev === undefined) return 1;
  if (!connectionFields.has(`${info.parentType.name}.${info.fieldName}`)) return 0;
  let trip = 2;
  for (let path: Path | undefined = info.path.prev; path?.prev !== undefined; path = path.prev) {
    if (typeof path.key === 'string' && connectionFields.has(`${path.typename}.${path.key}`)) trip += 1;
  }
  return trip;
}

const pendingResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
  const root = info.rootValue as PendingRoot;
  const trip = roundTripOf(info);
  const value = () => byResponseKey(info.path.prev === undefined ? root.data : source, args, context, info);
  if (trip === 0) return value();
  const roundTrip = root.roundTrips[Math.min(trip, root.roundTrips.length) - 1];
  return roundTrip ? roundTrip.then(value) : value();
};

const fieldResolver: GraphQLFieldResolver<unknown, unknown> = pending
  ? pendingResolver
  : replay
    ? (source, args, context, info) =>
        info.path.prev === undefined
          ? (source as ReturnType<typeof replayed>).then((root) => byResponseKey(root.data, args, context, info))
          : byResponseKey(source, args, context, info)
    : byResponseKey;
const server = new ApolloServer({
  schema,
  rootValue: (document: DocumentNode) => {
    const fixture = byQuery.get(print(document));
    const root: unknown = pending ? pendingRoot(fixture) : replay ? replayed(fixture) : fixture?.data;
    const errors = fixture ? errorsOfFixture.get(fixture) : undefined;
    if (errors?.size && root !== null && typeof root === 'object') errorsOfRoot.set(root, errors);
    return root;
  },
  fieldResolver,
});
const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.PORT ?? 4093), host: '127.0.0.1' } });
process.stdout.write(`ready at ${url}\n`);
