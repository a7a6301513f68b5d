// The vendors the gateway knows: one line per vendor module. Adding a vendor is a folder
// src/vendors/<vendor>/ with an index.ts, plus its line here.
import { z } from 'zod';
import type { Vendor } from '../generated/resolvers-types.js';
import { icareus } from './icareus/index.js';
import { iconik } from './iconik/index.js';
import { ncp } from './ncp/index.js';
import { nomad } from './nomad/index.js';
import type { VendorConnection, VendorModule } from './vendor-module.js';

export const VENDOR_MODULES = { ICONIK: iconik, ICAREUS: icareus, NCP_MEDIA_INTELLIGENCE: ncp, NOMAD: nomad } as const satisfies Record<Vendor, VendorModule>;

/** One source's configuration block, whichever its vendor (the `vendor` field decides). */
export const sourceConfigSchema = z.discriminatedUnion('vendor', [iconik.configSchema, icareus.configSchema, ncp.configSchema, nomad.configSchema]);
export type SourceConfig = z.output<typeof sourceConfigSchema>;

/** The long-lived connection (pool, breaker) of one configured source. */
export function connectSource(config: SourceConfig): VendorConnection {
  const module: VendorModule = VENDOR_MODULES[config.vendor];
  return module.connect(config);
}
