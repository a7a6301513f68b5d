// iconik: everything the rest of the gateway needs to know about it. Its calls are in
// ./adapter.ts, its answers' shapes in ./responses.ts, the mapping in ./mapping.ts.
import { z } from 'zod';
import { credentialsFor } from '../credentials.js';
import { UpstreamClient } from '../http.js';
import { commonSourceFields, credential } from '../source-config.js';
import { connectionOf, type VendorModule } from '../vendor-module.js';
import { IconikAdapter } from './adapter.js';
import { iconikErrorMessage } from './responses.js';

const CREDENTIALS = ['appId', 'authToken'] as const;

export const iconikConfig = z.strictObject({
  ...commonSourceFields,
  vendor: z.literal('ICONIK'),
  credentials: z.strictObject({ appId: credential, authToken: credential }).partial().default({}),
  /** The iconik storage (its UUID) new files are uploaded to; unset: the source takes no uploads (no UPLOAD). */
  uploadStorageId: z.string().uuid().optional(),
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
    return connectionOf('ICONIK', http, (client) => new IconikAdapter(config, client));
  },
};
