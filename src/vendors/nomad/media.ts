// Nomad's media reads: the asset detail (GET /admin/asset/{id}/detail) carries the media
// properties, the audio tracks, the proxies and screenshots Nomad made, the custom
// attributes and the tags; the original's URL is the asset model's `fullUrl`. One detail
// read per asset, shared by media, renditions and metadata of the same request (InFlight).
import type { MediaDetails, MetadataEntry, Rendition, RenditionKind } from '../../generated/resolvers-types.js';
import type { BatchResult, MediaDetailsPort, MetadataEditPort, MetadataPort, RenditionPort } from '../adapter.js';
import type { RequestClient } from '../http.js';
import { InFlight } from '../media/in-flight.js';
import { metadataEntries, metadataEntry } from '../media/metadata-entries.js';
import { signedUrlExpiry } from '../media/signed-url-expiry.js';
import { matchesSchema } from '../parse-response.js';
import { readEach } from '../settle-each.js';
import { NOMAD_ENDPOINTS } from './endpoints.js';
import { nomadAsset, type NomadAsset, type NomadAssetDetail, type NomadReference } from './responses.js';

/** The metadata entry that lists the asset's tags (read-only: tags are not custom properties). */
export const NOMAD_TAGS_KEY = 'tags';

const numberAt = (record: Readonly<Record<string, unknown>> | null | undefined, key: string): number | null => {
  const value = record?.[key];
  const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseFloat(value) : NaN;
  return Number.isFinite(parsed) ? parsed : null;
};
const textAt = (record: Readonly<Record<string, unknown>> | null | undefined, key: string): string | null => {
  const value = record?.[key];
  return typeof value === 'string' && value ? value : null;
};

/** Media keys of the detail's `properties` (docs/vendors.md M9) and the first audio track. */
export function mediaDetailsFrom(detail: NomadAssetDetail): MediaDetails | null {
  const properties = detail.properties ?? {};
  const details: MediaDetails = {
    container: textAt(properties, 'container'),
    fileSize: numberAt(properties, 'contentLength'),
    width: numberAt(properties, 'width'),
    height: numberAt(properties, 'height'),
    frameRate: numberAt(properties, 'frameRate'),
    videoCodec: textAt(properties, 'videoCodec'),
    audioCodec: detail.audioTracks?.[0]?.format ?? null,
    bitRate: numberAt(properties, 'bitRate'),
  };
  return Object.values(details).some((value) => value !== null) ? details : null;
}

const extension = (name: string | null | undefined) => {
  const match = name ? /\.([A-Za-z0-9]+)$/.exec(name) : null;
  return match?.[1]?.toUpperCase() ?? null;
};

function fromReference(reference: NomadReference, kind: RenditionKind): Rendition {
  const url = reference.fullUrl || reference.url || null;
  return {
    kind,
    name: reference.title ?? null,
    format: reference.format ? reference.format.toUpperCase() : extension(url?.split('?')[0]),
    fileSize: reference.contentLength ?? null,
    width: null,
    height: null,
    bitRate: null,
    url,
    urlExpiresAt: signedUrlExpiry(url),
  };
}

export function renditionsFrom(asset: NomadAsset, detail: NomadAssetDetail): Rendition[] {
  const properties = detail.properties ?? {};
  const original: Rendition = {
    kind: 'ORIGINAL',
    name: asset.displayName ?? null,
    format: extension(asset.displayName ?? asset.objectKey),
    fileSize: numberAt(properties, 'contentLength'),
    width: numberAt(properties, 'width'),
    height: numberAt(properties, 'height'),
    bitRate: numberAt(properties, 'bitRate'),
    url: asset.fullUrl ?? null,
    urlExpiresAt: signedUrlExpiry(asset.fullUrl),
  };
  return [
    original,
    ...[...(detail.relatedVideos ?? []), ...(detail.relatedAudio ?? [])].map((reference) => fromReference(reference, 'PROXY')),
    ...[...(detail.screenshots ?? []), ...(detail.relatedImages ?? [])].map((reference) => fromReference(reference, 'IMAGE')),
  ];
}

export function metadataFrom(detail: NomadAssetDetail): MetadataEntry[] {
  const tags = (detail.tags ?? []).map((tag) => tag.description ?? tag.name ?? tag.id);
  return [...metadataEntries(detail.customAttributes), ...(tags.length ? [metadataEntry(NOMAD_TAGS_KEY, tags)] : [])];
}

export class NomadMedia implements MediaDetailsPort, RenditionPort, MetadataPort, MetadataEditPort {
  /** ChangeAssetPropertiesModel.customProperties: one value per property. */
  readonly multiValued = false;
  private readonly details = new InFlight<NomadAssetDetail>();

  constructor(
    private readonly http: RequestClient,
    /** The asset model (for the original's fullUrl): the one this request read, else GET /admin/asset/{id}. */
    private readonly readAsset: (id: string) => Promise<NomadAsset | null>,
    /** Keeps an asset model the request got without reading it (a detail's parent folders). */
    private readonly rememberAsset: (asset: NomadAsset) => void,
  ) {}

  /**
   * The asset detail; one read shared by concurrent callers (media, renditions, metadata,
   * collections). Its parent folders, asset models each, are kept for the request, so the
   * folder an asset is in needs no read of its own (M12).
   */
  detailOf(id: string): Promise<NomadAssetDetail> {
    return this.details.run(id, async () => {
      const detail = await this.http.call(NOMAD_ENDPOINTS.assetDetail, { params: { id } });
      for (const parent of detail.parents ?? []) if (matchesSchema(nomadAsset, parent)) this.rememberAsset(parent);
      return detail;
    });
  }

  async getMediaDetails(ids: readonly string[]): Promise<BatchResult<MediaDetails | null>> {
    const read = await readEach(ids, this.http.concurrency, async (id) => mediaDetailsFrom(await this.detailOf(id)));
    return read.map((item) => item ?? null);
  }

  async getRenditions(ids: readonly string[]): Promise<BatchResult<Rendition[]>> {
    const read = await readEach(ids, this.http.concurrency, async (id) => {
      const [asset, detail] = await Promise.all([this.readAsset(id), this.detailOf(id)]);
      return asset?.assetType === 'File' ? renditionsFrom(asset, detail) : [];
    });
    return read.map((item) => item ?? []);
  }

  async getMetadata(ids: readonly string[]): Promise<BatchResult<MetadataEntry[]>> {
    const read = await readEach(ids, this.http.concurrency, async (id) => metadataFrom(await this.detailOf(id)));
    return read.map((item) => item ?? []);
  }
}
