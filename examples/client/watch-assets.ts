// Live updates with a typed subscription: graphql-ws's client over WebSocket (the `ws`
// package under Node 20; browsers have WebSocket built in), with the subscription typed by
// graphql-codegen from schema/ like the queries in ./list-assets.ts. Credentials for
// sources that take them per request go in `connectionParams`, under the same names as
// the HTTP credential headers.
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { graphql } from './gql/index.js';
import type { AssetChangesSubscription } from './gql/graphql.js';

export const AssetChangesSubscriptionDocument = graphql(`
  subscription AssetChanges($ids: [ID!]!) {
    assetChanged(ids: $ids) {
      assetId
      kind
      status
      cause
      at
      asset { title status }
    }
  }
`);

export type AssetChange = AssetChangesSubscription['assetChanged'];

export interface Watch {
  /** Stops watching and closes the connection. */
  stop(): Promise<void>;
}

/** Calls `onChange` with each change of the assets until `stop()`; `onError` gets a refusal or a lost connection. */
export function watchAssets(
  httpUrl: string,
  ids: string[],
  onChange: (change: AssetChange) => void,
  options: { connectionParams?: Record<string, string>; onError?: (error: unknown) => void } = {},
): Watch {
  const client = createClient({ url: httpUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: options.connectionParams ?? {} });
  const stopSubscription = client.subscribe<AssetChangesSubscription>(
    { query: print(AssetChangesSubscriptionDocument), variables: { ids } },
    {
      next: (result) => {
        if (result.data) onChange(result.data.assetChanged);
        else if (result.errors) options.onError?.(result.errors);
      },
      error: (error) => options.onError?.(error),
      complete: () => {},
    },
  );
  return {
    async stop() {
      stopSubscription();
      await client.dispose();
    },
  };
}
