// NCP Media Intelligence JSON -> our models. A source is one workspace; its projects are
// top-level Collections and every media asset belongs to exactly one project. NCP
// addresses an asset only through its project (…/projects/{project_id}/assets/{asset_id}),
// so an asset's native id is "{projectId}/{assetId}".
import type { AssetKind } from '../../generated/resolvers-types.js';
import { parseDate } from '../parse-date.js';
import type { AssetModel, CollectionModel } from '../models.js';
import type { NcpAsset, NcpProject } from './responses.js';

export function assetNativeId(projectId: string | number, assetId: string | number): string {
  return `${projectId}/${assetId}`;
}

export function parseAssetNativeId(nativeId: string): { projectId: string; assetId: string } | null {
  const match = /^([^/]+)\/([^/]+)$/.exec(nativeId);
  return match ? { projectId: match[1] as string, assetId: match[2] as string } : null;
}

const kindByFormat: Readonly<Record<string, AssetKind>> = {
  mp4: 'VIDEO',
  mkv: 'VIDEO',
  mov: 'VIDEO',
  webm: 'VIDEO',
  png: 'IMAGE',
  jpg: 'IMAGE',
  jpeg: 'IMAGE',
  heic: 'IMAGE',
};

export function toAsset(source: string, asset: NcpAsset): AssetModel {
  const assetId = asset.assetId ?? asset.videoId ?? '';
  const format = asset.metaData?.format?.toLowerCase() ?? null;
  return {
    objectType: 'Asset',
    source,
    nativeId: assetNativeId(asset.projectId, assetId),
    title: asset.fileName ?? asset.videoName ?? null,
    description: null,
    kind: format ? (kindByFormat[format] ?? 'OTHER') : null,
    // NCP has no lifecycle status: an asset that is listed is usable.
    status: 'AVAILABLE',
    vendorStatus: null,
    durationMs: asset.metaData?.durationMs ?? null,
    createdAt: ncpTime(asset.createdTime),
    updatedAt: ncpTime(asset.updatedTime),
    deletedAt: null,
    thumbnailUrl: null,
    collectionIds: [String(asset.projectId)],
  };
}

export function toCollection(source: string, project: NcpProject): CollectionModel {
  return {
    objectType: 'Collection',
    source,
    nativeId: String(project.projectId),
    title: project.name ?? null,
    createdAt: ncpTime(project.createdTime),
    parentId: null,
  };
}

// Times come as ISO 8601 without an offset ("2025-04-23T17:14:11"). Assumption
// (docs/vendors.md): they are Korea Standard Time, NAVER Cloud's default zone.
function ncpTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  return parseDate(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}+09:00`);
}
