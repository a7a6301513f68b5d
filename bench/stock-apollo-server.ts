// The baseline for CPU per request: a stock @apollo/server (startStandaloneServer, no
// plugins of ours) serving a trivial in-memory list of 20 items.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const items = Array.from({ length: 20 }, (_, i) => ({ id: String(i + 1), name: `Item ${i + 1}` }));
const server = new ApolloServer({
  typeDefs: 'type Item { id: ID! name: String! } type Query { items: [Item!]! }',
  resolvers: { Query: { items: () => items } },
});
const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.PORT ?? 4091), host: '127.0.0.1' } });
process.stdout.write(`ready at ${url}\n`);
