// NCP Media Intelligence: everything the rest of the gateway needs to know about it. Its
// calls are in ./adapter.ts, the request signing in ./sign-request.ts, its answers' shapes
// in ./responses.ts, the mapping in ./mapping.ts.
import { z } from 'zod';
import { credentialsFor } from '../credentials.js';
import { UpstreamClient } from '../http.js';
import { commonSourceFields, credential } from '../source-config.js';
import { connectionOf, type VendorModule } from '../vendor-module.js';
import { NcpAdapter } from './adapter.js';
import { ncpErrorMessage } from './responses.js';
import { signedHeaders } from './sign-request.js';

const CREDENTIALS = ['accessKey', 'secretKey'] as const;

export const ncpConfig = z.strictObject({
  ...commonSourceFields,
  vendor: z.literal('NCP_MEDIA_INTELLIGENCE'),
  /** The Media Intelligence workspace (`workspace_name` in every path). */
  workspaceName: z.string().min(1),
  credentials: z.strictObject({ accessKey: credential, secretKey: credential }).partial().default({}),
});
export type NcpSourceConfig = z.output<typeof ncpConfig>;

export const ncp: VendorModule<typeof ncpConfig> = {
  vendor: 'NCP_MEDIA_INTELLIGENCE',
  configSchema: ncpConfig,
  credentials: { required: CREDENTIALS, optional: [] },
  connect(config) {
    const http: UpstreamClient = UpstreamClient.forSource(config, 'NCP_MEDIA_INTELLIGENCE', {
      // Signed over the exact path and query sent, per request (the timestamp is part of it).
      authorize: ({ method, pathWithQuery, headers, requestCredentials }) => {
        const { accessKey, secretKey } = credentialsFor(http.origin, config.credentials, CREDENTIALS, requestCredentials);
        Object.assign(headers, signedHeaders({ method, pathWithQuery, accessKey, secretKey }));
        // Listed as required among the common request headers, bodies or not.
        headers['content-type'] = 'application/json';
      },
      describeError: ncpErrorMessage,
    });
    return connectionOf('NCP_MEDIA_INTELLIGENCE', http, (client) => new NcpAdapter(config, client));
  },
};
