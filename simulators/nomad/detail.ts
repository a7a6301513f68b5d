// The Nomad simulator's asset detail (GET /admin/asset/{id}/detail, AssetDetailModel in
// Nomad's OpenAPI): media properties, audio tracks, the proxy and screenshot references
// Nomad makes, custom attributes, tags, collections, shares and the parent folders (as
// asset models). Media is derived from the file extension; `properties` keys are our
// assumption of Nomad's (docs/vendors.md M9), and `parents` lists every folder above the
// asset, root first (M12).
import { createHash } from 'node:crypto';
import { stableUuid } from '../kit/stable-id.js';
import type { NomadAssetRecord } from './server.js';

/** Signed references expire an hour after they are made (CloudFront-style `Expires`). */
const SIGNED_SECONDS = 3600;

function signed(origin: string, path: string): string {
  const expires = Math.floor(Date.now() / 1000) + SIGNED_SECONDS;
  const signature = createHash('sha256').update(`${path}:${expires}`).digest('hex').slice(0, 32);
  return `${origin}/media/${path}?Expires=${expires}&Signature=${signature}&Key-Pair-Id=SIMULATOR`;
}

interface Media {
  readonly kind: 'video' | 'audio' | 'image' | 'document';
  readonly container: string;
}

function mediaOf(name: string): Media {
  const extension = name.split('.').pop()?.toLowerCase() ?? '';
  if (['mp4', 'mov', 'mxf'].includes(extension)) return { kind: 'video', container: extension === 'mxf' ? 'MXF' : extension === 'mov' ? 'QuickTime' : 'MPEG-4' };
  if (['wav', 'mp3'].includes(extension)) return { kind: 'audio', container: extension === 'wav' ? 'Wave' : 'MPEG Audio' };
  if (['png', 'jpg'].includes(extension)) return { kind: 'image', container: extension.toUpperCase() };
  return { kind: 'document', container: extension.toUpperCase() };
}

const reference = (origin: string, asset: NomadAssetRecord, role: string, title: string, format: string, contentLength: number, mediaTypeDisplay: string) => ({
  id: stableUuid('nomad-sim', `${asset.id}:${role}`),
  url: signed(origin, `${asset.id}/${role}.${format}`),
  fullUrl: signed(origin, `${asset.id}/${role}.${format}`),
  title,
  format,
  contentLength,
  mediaTypeDisplay,
  isUrlSecure: true,
});

const SECONDS = 90;
const bitRateOf = (media: Media | null) => (media?.kind === 'video' ? 50_000_000 : media?.kind === 'audio' ? 1_536_000 : null);

/** The size of a seeded file: 90 s at its kind's bit rate (12 MB for stills and documents). */
export function seededFileSize(name: string): number {
  const bitRate = bitRateOf(mediaOf(name));
  return bitRate ? Math.round((bitRate / 8) * SECONDS) : 12_000_000;
}

export function assetDetail(
  asset: NomadAssetRecord,
  origin: string,
  shares: ReadonlyArray<{ id: string; name: string | null; description: string | null }>,
  fileSize: number | null,
  parents: readonly unknown[],
): Record<string, unknown> {
  const media = asset.assetType === 'File' ? mediaOf(asset.displayName) : null;
  const seconds = SECONDS;
  const bitRate = bitRateOf(media);
  const contentLength = fileSize ?? seededFileSize(asset.displayName);
  const properties: Record<string, unknown> = media
    ? {
        container: media.container,
        contentLength,
        ...(media.kind === 'video' || media.kind === 'image' ? { width: media.kind === 'video' ? 1920 : 3000, height: media.kind === 'video' ? 1080 : 2000 } : {}),
        ...(media.kind === 'video' ? { frameRate: 23.976, videoCodec: media.container === 'MXF' ? 'MPEG-2 Video' : 'AVC' } : {}),
        ...(bitRate ? { bitRate } : {}),
      }
    : {};
  return {
    assetId: asset.id,
    properties,
    customAttributes: asset.customAttributes,
    audioTracks: media && (media.kind === 'video' || media.kind === 'audio') ? [{ id: stableUuid('nomad-sim', `${asset.id}:audio`), format: media.kind === 'audio' ? 'PCM' : 'AAC', bitRate: 256_000, numChannels: 2, samplingRate: 48_000 }] : [],
    relatedVideos: media?.kind === 'video' ? [reference(origin, asset, 'proxy', 'Web proxy 720p', 'mp4', Math.round((2_000_000 / 8) * seconds), 'Video')] : [],
    relatedAudio: media?.kind === 'audio' ? [reference(origin, asset, 'proxy', 'Audio proxy', 'mp3', Math.round((192_000 / 8) * seconds), 'Audio')] : [],
    screenshots: media?.kind === 'video' ? [reference(origin, asset, 'screenshot', 'Screenshot 00:00:05', 'jpg', 180_000, 'Image')] : [],
    tags: asset.tags,
    collections: asset.collections,
    shares,
    parents,
  };
}
