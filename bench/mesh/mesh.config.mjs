// GraphQL Mesh over iconik's OpenAPI: the peer `npm run bench` compares the gateway with
// (issue 17). Composed by `mesh-compose` at bench time and served by Hive Gateway; the
// iconik simulator's address and credentials come from the environment.
import { defineConfig } from '@graphql-mesh/compose-cli';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';

export const composeConfig = defineConfig({
  subgraphs: [
    {
      sourceHandler: loadOpenAPISubgraph('iconik', {
        source: './docs/iconik/iconik-openapi.json',
        endpoint: '{env.ICONIK_URL}',
        operationHeaders: { 'App-ID': '{env.ICONIK_APP_ID}', 'Auth-Token': '{env.ICONIK_AUTH_TOKEN}' },
      }),
    },
  ],
});
