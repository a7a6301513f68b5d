// Nomad Media: everything the rest of the gateway needs to know about it. Its calls are in
// ./adapter.ts, its answers' shapes in ./responses.ts, the mapping in ./mapping.ts.
import { z } from 'zod';
import { credentialsFor } from '../credentials.js';
import { UpstreamClient } from '../http.js';
import { commonSourceFields, credential } from '../source-config.js';
import { connectionOf, type VendorModule } from '../vendor-module.js';
import { NomadAdapter } from './adapter.js';
import { nomadErrorMessage } from './responses.js';

const CREDENTIALS = ['token'] as const;

export const nomadConfig = z.strictObject({
  ...commonSourceFields,
  vendor: z.literal('NOMAD'),
  credentials: z.strictObject({ token: credential }).partial().default({}),
  /** Part size of uploads (Nomad's chunkSize); S3 behind Nomad needs at least 5 MiB. */
  uploadPartBytes: z.number().int().min(16 * 1024).max(5 * 1024 * 1024 * 1024).default(8 * 1024 * 1024),
});
export type NomadSourceConfig = z.output<typeof nomadConfig>;

export const nomad: VendorModule<typeof nomadConfig> = {
  vendor: 'NOMAD',
  configSchema: nomadConfig,
  credentials: { required: CREDENTIALS, optional: [] },
  connect(config) {
    const http: UpstreamClient = UpstreamClient.forSource(config, 'NOMAD', {
      // Bearer token (the spec's only security scheme).
      authorize: ({ headers, requestCredentials }) => {
        const { token } = credentialsFor(http.origin, config.credentials, CREDENTIALS, requestCredentials);
        headers['authorization'] = `Bearer ${token}`;
      },
      describeError: nomadErrorMessage,
    });
    return connectionOf('NOMAD', http, (client) => new NomadAdapter(config, client));
  },
};
