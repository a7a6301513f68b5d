// NCP's media reads: the asset's `metaData` (resolution "WIDTHxHEIGHT", durationMs, size,
// format) from the documented asset read. NCP Media Intelligence documents no file URLs and
// no custom fields: no RENDITIONS, no METADATA.
import type { MediaDetails } from '../../generated/resolvers-types.js';
import type { BatchResult, MediaDetailsPort } from '../adapter.js';
import { readEach } from '../settle-each.js';
import type { NcpAsset } from './responses.js';

const RESOLUTION = /^(\d+)\s*[xX×]\s*(\d+)$/;

export function mediaDetailsFrom(asset: NcpAsset): MediaDetails | null {
  const meta = asset.metaData;
  if (!meta) return null;
  const resolution = meta.resolution ? RESOLUTION.exec(meta.resolution.trim()) : null;
  return {
    container: meta.format ?? null,
    fileSize: meta.size ?? null,
    width: resolution ? Number(resolution[1]) : null,
    height: resolution ? Number(resolution[2]) : null,
    frameRate: null,
    videoCodec: null,
    audioCodec: null,
    bitRate: null,
  };
}

export class NcpMedia implements MediaDetailsPort {
  constructor(
    private readonly readAsset: (nativeId: string) => Promise<NcpAsset | null>,
    private readonly concurrency: number,
  ) {}

  async getMediaDetails(ids: readonly string[]): Promise<BatchResult<MediaDetails | null>> {
    const read = await readEach(ids, this.concurrency, async (id) => {
      const asset = await this.readAsset(id);
      return asset ? mediaDetailsFrom(asset) : null;
    });
    return read.map((item) => item ?? null);
  }
}
