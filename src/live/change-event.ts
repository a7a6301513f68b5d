// What travels between gateway instances when something changes: small, JSON-safe events
// (Redis pub/sub carries them as they are). An asset change names the asset and what the
// gateway knows of its new status; subscribers read the asset itself with their own
// credentials, so no vendor data crosses instances or tenants.
import type { AssetChangeKind, AssetStatus, ChangeCause } from '../generated/resolvers-types.js';

export interface AssetChangeEvent {
  readonly type: 'asset';
  /** Unique per change (AssetChange.id). */
  readonly id: string;
  readonly source: string;
  readonly nativeId: string;
  readonly kind: AssetChangeKind;
  readonly status: AssetStatus | null;
  readonly cause: ChangeCause;
  /** ISO time the gateway learnt of it. */
  readonly at: string;
}

export interface JobChangeEvent {
  readonly type: 'job';
  readonly jobId: string;
  readonly at: string;
}

export type ChangeEvent = AssetChangeEvent | JobChangeEvent;

/** The topic of an asset's changes: what a subscription to given assets listens to (ChangeBus.listen). */
export function assetTopic(source: string, nativeId: string): string {
  return `asset\u0000${source}\u0000${nativeId}`;
}

/** The topic of a job's changes. */
export function jobTopic(jobId: string): string {
  return `job\u0000${jobId}`;
}

export function changeTopic(event: ChangeEvent): string {
  return event.type === 'asset' ? assetTopic(event.source, event.nativeId) : jobTopic(event.jobId);
}

/** Statuses that end by themselves: assets in them are polled until they settle. */
export const TRANSIENT_STATUSES: ReadonlySet<AssetStatus> = new Set<AssetStatus>(['COPYING', 'MOVING', 'ARCHIVING', 'RESTORING', 'PROCESSING', 'UPLOADING', 'DELETING']);

/** Reads an event that came over the wire; anything malformed is dropped (null). */
export function parseChangeEvent(text: string): ChangeEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const event = value as Partial<Record<string, unknown>>;
  if (event['type'] === 'job' && typeof event['jobId'] === 'string' && typeof event['at'] === 'string') return value as JobChangeEvent;
  if (
    event['type'] === 'asset' &&
    typeof event['id'] === 'string' &&
    typeof event['source'] === 'string' &&
    typeof event['nativeId'] === 'string' &&
    typeof event['kind'] === 'string' &&
    typeof event['cause'] === 'string' &&
    typeof event['at'] === 'string'
  ) {
    return value as AssetChangeEvent;
  }
  return null;
}
