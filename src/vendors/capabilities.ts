// Source.capabilities, derived from the ports an adapter has (./adapter.ts), and the one
// way to reach a port: `requirePort` answers it or raises UNSUPPORTED naming the source.
import type { Capability } from '../generated/resolvers-types.js';
import { unsupported } from '../errors.js';
import type { PortName, VendorAdapter } from './adapter.js';

/** The capability each port stands for. */
const PORT_CAPABILITIES: Readonly<Record<PortName, readonly Capability[]>> = {
  nesting: ['NESTED_COLLECTIONS'],
  recycleBin: ['RECYCLE_BIN'],
  shares: ['CREATE_SHARES', 'MANAGE_SHARES'],
  shareListing: ['SHARES'],
  edit: ['EDIT_ASSETS'],
  deletion: ['DELETE_ASSETS'],
  copy: ['COPY_ASSETS'],
  move: ['MOVE_ASSETS'],
  archive: ['ARCHIVE'],
  collectionAdmin: ['MANAGE_COLLECTIONS'],
  membership: ['COLLECTION_MEMBERSHIP'],
  mediaDetails: ['MEDIA_DETAILS'],
  renditions: ['RENDITIONS'],
  metadata: ['METADATA'],
  metadataEdit: ['EDIT_METADATA'],
  download: ['DOWNLOAD_ORIGINAL'],
  upload: ['UPLOAD'],
  webhooks: ['WEBHOOKS'],
};

/** The schema's order of the Capability enum, so every source lists them the same way. */
const ORDER: readonly Capability[] = [
  'COLLECTIONS', 'NESTED_COLLECTIONS', 'MULTIPLE_COLLECTIONS_PER_ASSET', 'SHARES', 'RECYCLE_BIN', 'SEARCH', 'EDIT_ASSETS',
  'DELETE_ASSETS', 'COPY_ASSETS', 'MOVE_ASSETS', 'ARCHIVE', 'MANAGE_COLLECTIONS', 'COLLECTION_MEMBERSHIP', 'CREATE_SHARES', 'MANAGE_SHARES',
  'MEDIA_DETAILS', 'RENDITIONS', 'METADATA', 'EDIT_METADATA', 'DOWNLOAD_ORIGINAL', 'UPLOAD', 'WEBHOOKS',
];

export function capabilitiesOf(adapter: VendorAdapter): Capability[] {
  const held = new Set<Capability>(['COLLECTIONS']);
  if (adapter.search) held.add('SEARCH');
  if (adapter.multipleCollectionsPerAsset) held.add('MULTIPLE_COLLECTIONS_PER_ASSET');
  for (const [port, capabilities] of Object.entries(PORT_CAPABILITIES) as Array<[PortName, readonly Capability[]]>) {
    if (adapter[port]) capabilities.forEach((capability) => held.add(capability));
  }
  return ORDER.filter((capability) => held.has(capability));
}

/** The source's port, or UNSUPPORTED (with `what` it cannot do) when the vendor has none. */
export function requirePort<P extends PortName>(
  source: { readonly name: string; readonly vendor: VendorAdapter['vendor']; readonly adapter: VendorAdapter },
  port: P,
  what: string,
): NonNullable<VendorAdapter[P]> {
  const found = source.adapter[port];
  if (!found) throw unsupported({ source: source.name, vendor: source.vendor }, what);
  return found;
}
