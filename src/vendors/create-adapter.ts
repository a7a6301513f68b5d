// The one place that knows which adapter class serves which vendor.
import type { SourceConfig } from '../config.js';
import type { VendorAdapter } from './adapter.js';
import { IconikAdapter } from './iconik/adapter.js';

export function createAdapter(config: SourceConfig): VendorAdapter {
  switch (config.vendor) {
    case 'ICONIK':
      return new IconikAdapter(config);
  }
}
