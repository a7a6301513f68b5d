// iconik's media reads and metadata writes: technical details from the ORIGINAL format's
// components, renditions from the files and proxies lists (signed URLs), custom fields from
// the metadata service. iconik has no multi-asset form of these endpoints, so each asset
// costs one call per list, under the source's connection count; lists a query needs twice
// (formats, for details and renditions) are read once (InFlight).
import type { MediaDetails, MetadataEntry, MetadataEntryInput, Rendition } from '../../generated/resolvers-types.js';
import { isNotFound } from '../../errors.js';
import type { BatchResult, DownloadPort, MediaDetailsPort, MetadataEditPort, MetadataPort, OriginalFile, RenditionPort } from '../adapter.js';
import type { RequestClient } from '../http.js';
import { InFlight } from '../media/in-flight.js';
import { metadataEntry } from '../media/metadata-entries.js';
import { signedUrlExpiry } from '../media/signed-url-expiry.js';
import { readEach } from '../settle-each.js';
import { matchesSchema } from '../parse-response.js';
import { ICONIK_ENDPOINTS } from './endpoints.js';
import { iconikFieldValues, type IconikFile, type IconikFormat, type IconikProxy } from './responses.js';
import { compareCodeUnits } from '../../text-order.js';

/** One page of each per-asset list: assets with more files or proxies than this are rare (A10). */
const PER_PAGE = 100;

const number = (text: string | undefined): number | null => {
  const value = text === undefined ? NaN : Number.parseFloat(text);
  return Number.isFinite(value) ? value : null;
};
const whole = (text: string | undefined): number | null => {
  const value = number(text);
  return value === null ? null : Math.round(value);
};

/** MediaInfo fields of the ORIGINAL format's components (docs/vendors.md A10). */
export function mediaDetailsFrom(formats: readonly IconikFormat[]): MediaDetails | null {
  const original = formats.find((format) => format.name === 'ORIGINAL' && format.status !== 'DELETED');
  if (!original) return null;
  const component = (type: string) => original.components?.find((candidate) => candidate.type === type)?.metadata ?? undefined;
  const general = component('GENERAL') ?? original.metadata?.[0];
  const picture = component('VIDEO') ?? component('IMAGE');
  const video = component('VIDEO');
  const audio = component('AUDIO');
  return {
    container: general?.['format'] ?? null,
    fileSize: number(general?.['file_size']),
    width: whole(picture?.['width']),
    height: whole(picture?.['height']),
    frameRate: number(video?.['frame_rate']),
    videoCodec: video?.['format'] ?? null,
    audioCodec: audio?.['format'] ?? null,
    bitRate: number(general?.['overall_bit_rate'] ?? video?.['bit_rate']),
  };
}

const extension = (name: string | null | undefined) => {
  const match = name ? /\.([A-Za-z0-9]+)$/.exec(name) : null;
  return match?.[1]?.toUpperCase() ?? null;
};

export function renditionsFrom(formats: readonly IconikFormat[], files: readonly IconikFile[], proxies: readonly IconikProxy[]): Rendition[] {
  const formatNames = new Map(formats.map((format) => [format.id, format.name]));
  const fileRenditions: Rendition[] = files
    .filter((file) => file.type !== 'DIRECTORY' && file.status !== 'DELETED')
    .map((file) => ({
      kind: formatNames.get(file.format_id ?? '') === 'ORIGINAL' ? 'ORIGINAL' : 'OTHER',
      name: file.original_name ?? file.name ?? null,
      format: extension(file.original_name ?? file.name),
      fileSize: file.size ?? null,
      width: null,
      height: null,
      bitRate: null,
      url: file.url || null,
      urlExpiresAt: signedUrlExpiry(file.url),
    }));
  const proxyRenditions: Rendition[] = proxies
    .filter((proxy) => proxy.status !== 'DELETED')
    .map((proxy) => ({
      kind: 'PROXY',
      name: proxy.name ?? proxy.filename ?? null,
      format: proxy.format ?? extension(proxy.filename),
      fileSize: proxy.size ?? null,
      width: proxy.resolution?.width ?? null,
      height: proxy.resolution?.height ?? null,
      bitRate: proxy.bit_rate ?? null,
      url: proxy.url || null,
      urlExpiresAt: signedUrlExpiry(proxy.url),
    }));
  return [...fileRenditions, ...proxyRenditions];
}

/** iconik writes each field as {field_values: [{value}]}; a field of another shape is one JSON text value. */
export function metadataFrom(values: Readonly<Record<string, unknown>>): MetadataEntry[] {
  return Object.entries(values)
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([key, field]) => {
      return matchesSchema(iconikFieldValues, field) ? metadataEntry(key, (field.field_values ?? []).map((item) => item.value)) : metadataEntry(key, field);
    });
}

export class IconikMedia implements MediaDetailsPort, RenditionPort, MetadataPort, MetadataEditPort, DownloadPort {
  readonly multiValued = true;
  private readonly formats = new InFlight<IconikFormat[]>();

  constructor(private readonly http: RequestClient) {}

  /** A list the asset has none of is a 404 in iconik: read as empty. */
  private async list<T>(read: () => Promise<{ objects: T[] }>): Promise<T[]> {
    try {
      return (await read()).objects;
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
  }

  private formatsOf(id: string): Promise<IconikFormat[]> {
    return this.formats.run(id, () => this.list(() => this.http.call(ICONIK_ENDPOINTS.assetFormats, { params: { id }, query: { per_page: PER_PAGE } })));
  }

  async getMediaDetails(ids: readonly string[]): Promise<BatchResult<MediaDetails | null>> {
    const read = await readEach(ids, this.http.concurrency, async (id) => mediaDetailsFrom(await this.formatsOf(id)));
    return read.map((item) => item ?? null);
  }

  async getRenditions(ids: readonly string[]): Promise<BatchResult<Rendition[]>> {
    const read = await readEach(ids, this.http.concurrency, async (id) => {
      const [formats, files, proxies] = await Promise.all([
        this.formatsOf(id),
        this.list(() => this.http.call(ICONIK_ENDPOINTS.assetFiles, { params: { id }, query: { per_page: PER_PAGE, generate_signed_url: true } })),
        this.list(() => this.http.call(ICONIK_ENDPOINTS.assetProxies, { params: { id }, query: { per_page: PER_PAGE } })),
      ]);
      return renditionsFrom(formats, files, proxies);
    });
    return read.map((item) => item ?? []);
  }

  /** The ORIGINAL format's file, with a signed URL; iconik's `checksum` is taken as hex MD5 (A13). */
  async getOriginalFiles(ids: readonly string[]): Promise<BatchResult<OriginalFile | null>> {
    const read = await readEach(ids, this.http.concurrency, async (id) => {
      const [formats, files] = await Promise.all([
        this.formatsOf(id),
        this.list(() => this.http.call(ICONIK_ENDPOINTS.assetFiles, { params: { id }, query: { per_page: PER_PAGE, generate_signed_url: true } })),
      ]);
      const original = formats.find((format) => format.name === 'ORIGINAL' && format.status !== 'DELETED');
      const file = files.find((candidate) => candidate.format_id === original?.id && candidate.type !== 'DIRECTORY' && candidate.status !== 'DELETED' && candidate.url);
      if (!file?.url) return null;
      const md5 = file.checksum && /^[0-9a-f]{32}$/i.test(file.checksum) ? file.checksum.toLowerCase() : null;
      return { url: file.url, size: file.size ?? null, fileName: file.original_name ?? file.name ?? null, md5 };
    });
    return read.map((item) => item ?? null);
  }

  async getMetadata(ids: readonly string[]): Promise<BatchResult<MetadataEntry[]>> {
    const read = await readEach(ids, this.http.concurrency, async (id) => {
      const answer = await this.http.call(ICONIK_ENDPOINTS.assetMetadata, { params: { id } });
      return metadataFrom(answer.metadata_values);
    });
    return read.map((item) => item ?? []);
  }

  /** The given fields only; an empty list clears a field. */
  async updateMetadata(id: string, entries: readonly MetadataEntryInput[]): Promise<void> {
    const metadata_values = Object.fromEntries(entries.map((entry) => [entry.key, { field_values: entry.values.map((value) => ({ value })) }]));
    await this.http.call(ICONIK_ENDPOINTS.updateMetadata, { params: { id }, body: { metadata_values } });
  }
}
