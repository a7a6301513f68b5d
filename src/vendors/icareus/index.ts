// Icareus Suite: everything the rest of the gateway needs to know about it. Its calls are
// in ./adapter.ts, its answers' shapes in ./responses.ts, the mapping in ./mapping.ts.
import { z } from 'zod';
import { credentialsFor } from '../credentials.js';
import { UpstreamClient } from '../http.js';
import { commonSourceFields, credential } from '../source-config.js';
import { connectionOf, type VendorModule } from '../vendor-module.js';
import { IcareusAdapter } from './adapter.js';
import { icareusErrorMessage } from './responses.js';

const CREDENTIALS = ['userToken'] as const;
/** The organization's Archive API token; needed only to delete assets (Archive API deleteAsset). */
const OPTIONAL_CREDENTIALS = ['archiveToken'] as const;

export const icareusConfig = z.strictObject({
  ...commonSourceFields,
  vendor: z.literal('ICAREUS'),
  /** The Icareus Suite organization this source serves. */
  organizationId: z.number().int().positive(),
  /** Language of titles and descriptions (Icareus keeps them per language). */
  languageId: z.string().regex(/^[a-z]{2}_[A-Z]{2}$/).default('en_US'),
  /** Other organizations the user may copy or move assets to; listed as top-level collections. */
  otherOrganizationIds: z.array(z.number().int().positive()).default([]),
  credentials: z.strictObject({ userToken: credential, archiveToken: credential }).partial().default({}),
});
export type IcareusSourceConfig = z.output<typeof icareusConfig>;

export const icareus: VendorModule<typeof icareusConfig> = {
  vendor: 'ICAREUS',
  configSchema: icareusConfig,
  credentials: { required: CREDENTIALS, optional: OPTIONAL_CREDENTIALS },
  connect(config) {
    const http: UpstreamClient = UpstreamClient.forSource(config, 'ICAREUS', {
      authorize: ({ headers, requestCredentials }) => {
        const { userToken } = credentialsFor(http.origin, config.credentials, CREDENTIALS, requestCredentials);
        headers['authorization'] = `Bearer ${userToken}`;
      },
      describeError: icareusErrorMessage,
    });
    // Deleting goes through the Archive API, which takes the organization's own token, so
    // the source can delete only when that token is configured (or sent per request).
    const canDelete = Boolean(config.credentials.archiveToken || config.credentialHeaders['archiveToken']);
    return connectionOf('ICAREUS', http, (client) => new IcareusAdapter(config, client, canDelete));
  },
};
