// iconik: everything the rest of the gateway needs to know about it. Its calls are in
// ./adapter.ts, its answers' shapes in ./responses.ts, the mapping in ./mapping.ts.
import { z } from 'zod';
import { credentialsFor } from '../credentials.js';
import { UpstreamClient } from '../http.js';
import { commonSourceFields, credential } from '../source-config.js';
import type { VendorModule } from '../vendor-module.js';
import { capabilitiesOf } from '../capabilities.js';
import { internalScope } from '../../request-scope.js';
import { IconikAdapter } from './adapter.js';
import { iconikErrorMessage } from './responses.js';

const CREDENTIALS = ['appId', 'authToken'] as const;

export const iconikConfig = z.strictObject({
  ...commonSourceFields,
  vendor: z.literal('ICONIK'),
  credentials: z.strictObject({ appId: credential, authToken: credential }).partial().default({}),
});
export type IconikSourceConfig = z.output<typeof iconikConfig>;

export const iconik: VendorModule<typeof iconikConfig> = {
  vendor: 'ICONIK',
  configSchema: iconikConfig,
  credentials: { required: CREDENTIALS, optional: [] },
  connect(config) {
    const http: UpstreamClient = UpstreamClient.forSource(config, 'ICONIK', {
      // iconik authenticates every call with these two headers (OpenAPI securitySchemes).
      authorize: ({ headers, requestCredentials }) => {
        const { appId, authToken } = credentialsFor(http.origin, config.credentials, CREDENTIALS, requestCredentials);
        headers['App-ID'] = appId;
        headers['Auth-Token'] = authToken;
      },
      describeError: iconikErrorMessage,
    });
    return {
      vendor: 'ICONIK',
      // Derived from the ports the adapter has (an adapter without a request does nothing).
      capabilities: capabilitiesOf(new IconikAdapter(config, http.forRequest(internalScope(0)))),
      forRequest: (scope) => new IconikAdapter(config, http.forRequest(scope)),
      close: () => http.close(),
    };
  },
};
