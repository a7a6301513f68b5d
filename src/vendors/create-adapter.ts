// The one place that knows which adapter class serves which vendor.
import type { SourceConfig } from '../config.js';
import type { VendorAdapter } from './adapter.js';
import { IcareusAdapter } from './icareus/adapter.js';
import { IconikAdapter } from './iconik/adapter.js';
import { NcpAdapter } from './ncp/adapter.js';
import { NomadAdapter } from './nomad/adapter.js';

export function createAdapter(config: SourceConfig): VendorAdapter {
  switch (config.vendor) {
    case 'ICONIK':
      return new IconikAdapter(config);
    case 'ICAREUS':
      return new IcareusAdapter(config);
    case 'NCP_MEDIA_INTELLIGENCE':
      return new NcpAdapter(config);
    case 'NOMAD':
      return new NomadAdapter(config);
  }
}
