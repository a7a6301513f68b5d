// Icareus' media reads: the asset object of getOrganizationAssets carries its files as
// `presets` (preset 0 is the master, the others transcodes, each with a download URL) and
// its descriptive fields (tags, director, ...). Icareus reports no technical details (no
// MEDIA_DETAILS), and the Archive API's edit action is not among the documented calls the
// gateway makes (no EDIT_METADATA). One asset read per asset, shared with the asset read,
// renditions and metadata of the same request (`readAsset` is the adapter's
// RequestDocuments, which shares a read still on its way).
import type { MetadataEntry, Rendition } from '../../generated/resolvers-types.js';
import type { BatchResult, DownloadPort, MetadataPort, OriginalFile, RenditionPort } from '../adapter.js';
import { metadataEntry } from '../media/metadata-entries.js';
import { signedUrlExpiry } from '../media/signed-url-expiry.js';
import { readEach } from '../settle-each.js';
import type { IcareusAsset } from './responses.js';
import { compareCodeUnits } from '../../text-order.js';

const MASTER_PRESET = '0';
const DESCRIPTIVE_FIELDS = ['actors', 'director', 'license', 'ownership', 'productionCompany', 'publisher'] as const;

const extension = (url: string | null | undefined) => {
  const match = url ? /\.([A-Za-z0-9]+)$/.exec(url.split('?')[0] ?? '') : null;
  return match?.[1]?.toUpperCase() ?? null;
};

export function renditionsFrom(asset: IcareusAsset): Rendition[] {
  return (asset.presets ?? []).map((preset) => {
    const url = preset.dlUrl || preset.url || null;
    return {
      kind: String(preset.presetId ?? '') === MASTER_PRESET ? 'ORIGINAL' : 'PROXY',
      name: preset.name || preset.description || null,
      format: extension(url),
      fileSize: null,
      width: null,
      height: null,
      bitRate: null,
      url,
      urlExpiresAt: signedUrlExpiry(url),
    };
  });
}

/** Set fields only (Icareus answers "" and 0 for unset ones); tags are comma-separated. */
export function metadataFrom(asset: IcareusAsset): MetadataEntry[] {
  const entries: MetadataEntry[] = [];
  for (const key of DESCRIPTIVE_FIELDS) {
    const value = asset[key]?.trim();
    if (value) entries.push(metadataEntry(key, value));
  }
  if (asset.releaseYear) entries.push(metadataEntry('releaseYear', asset.releaseYear));
  const tags = (asset.tags ?? '').split(',').map((tag) => tag.trim()).filter(Boolean);
  if (tags.length) entries.push(metadataEntry('tags', tags));
  return entries.sort((a, b) => compareCodeUnits(a.key, b.key));
}

export class IcareusMedia implements RenditionPort, MetadataPort, DownloadPort {
  constructor(
    private readonly readAsset: (nativeId: string) => Promise<IcareusAsset | null>,
    private readonly concurrency: number,
  ) {}

  async getRenditions(ids: readonly string[]): Promise<BatchResult<Rendition[]>> {
    const read = await readEach(ids, this.concurrency, async (id) => {
      const asset = await this.readAsset(id);
      return asset ? renditionsFrom(asset) : null;
    });
    return read.map((item) => item ?? []);
  }

  /** The master preset's download URL (I10); Icareus reports no size or checksum. */
  async getOriginalFiles(ids: readonly string[]): Promise<BatchResult<OriginalFile | null>> {
    const read = await readEach(ids, this.concurrency, async (id) => {
      const asset = await this.readAsset(id);
      const master = asset?.presets?.find((preset) => String(preset.presetId ?? '') === MASTER_PRESET);
      const url = master?.dlUrl || master?.url || null;
      if (!url) return null;
      return { url, size: null, fileName: decodeURIComponent(url.split('?')[0]?.split('/').pop() ?? '') || null, md5: null };
    });
    return read.map((item) => item ?? null);
  }

  async getMetadata(ids: readonly string[]): Promise<BatchResult<MetadataEntry[]>> {
    const read = await readEach(ids, this.concurrency, async (id) => {
      const asset = await this.readAsset(id);
      return asset ? metadataFrom(asset) : null;
    });
    return read.map((item) => item ?? []);
  }
}
