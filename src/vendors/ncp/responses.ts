// Shapes of the NCP Media Intelligence responses the adapter reads, from NAVER Cloud's
// Media Intelligence API guide (pages named in docs/vendors.md). Every response is
// {code, message, result}; code "0" is success.
import { z } from 'zod';
import { ErrorCode } from '../../errors.js';
import type { BodyError } from '../endpoint.js';

const id = z.union([z.number(), z.string()]);

export const ncpAsset = z.object({
  // The page lists `assetId`/`fileName`; its example shows `videoId`/`videoName`. Accept both.
  assetId: id.nullish(),
  videoId: id.nullish(),
  fileName: z.string().nullish(),
  videoName: z.string().nullish(),
  projectId: id,
  metaData: z
    .object({
      resolution: z.string().nullish(),
      durationMs: z.number().nullish(),
      size: z.number().nullish(),
      format: z.string().nullish(),
    })
    .nullish(),
  createdTime: z.string().nullish(),
  updatedTime: z.string().nullish(),
});
export type NcpAsset = z.output<typeof ncpAsset>;

/** Project list and project details: projectId, name, created/updated user and time. */
export const ncpProject = z.object({
  projectId: id,
  name: z.string().nullish(),
  createdTime: z.string().nullish(),
});
export type NcpProject = z.output<typeof ncpProject>;

export function ncpEnvelope<T extends z.ZodType>(result: T) {
  return z.object({ code: z.literal('0'), message: z.string().nullish(), result });
}

/** The media asset list: result.content with totalCount (pageNum/pageSize paging). */
export function ncpAssetPage<T extends z.ZodType>(item: T) {
  return ncpEnvelope(z.object({ content: z.array(item), totalCount: z.number().nullish() }));
}

/** The project list: result.projects, the whole workspace in one answer (no paging). */
export function ncpProjectList<T extends z.ZodType>(item: T) {
  return ncpEnvelope(z.object({ projects: z.array(item) }));
}

/** Answers without a result (delete): {code: "0", message}. */
export const ncpDone = z.object({ code: z.literal('0'), message: z.string().nullish() });

const failure = z.object({ code: z.string(), message: z.string().nullish() });
/** API Gateway's own rejections (signature, clock skew) use this shape instead. */
const gatewayFailure = z.object({
  error: z.object({ errorCode: z.string().nullish(), message: z.string().nullish(), details: z.string().nullish() }),
});

/** A 2xx body whose code is not "0" is still an error (the endpoints' errorInBody). */
export function ncpBodyError(body: unknown): BodyError | undefined {
  // A plain look first: every successful answer passes here.
  if (typeof body !== 'object' || body === null || (body as { code?: unknown }).code === '0') return undefined;
  const parsed = failure.safeParse(body);
  if (!parsed.success) return undefined;
  return { code: ErrorCode.UPSTREAM_REJECTED, message: `code ${parsed.data.code}: ${(parsed.data.message ?? '').slice(0, 200)}` };
}

export function ncpErrorMessage(_status: number, body: unknown): string | undefined {
  const api = failure.safeParse(body);
  if (api.success) return `code ${api.data.code} ${api.data.message ?? ''}`.trim().slice(0, 300);
  const gateway = gatewayFailure.safeParse(body);
  if (gateway.success) {
    const { errorCode, message, details } = gateway.data.error;
    return [errorCode && `error ${errorCode}`, message, details].filter(Boolean).join(' ').slice(0, 300);
  }
  return undefined;
}
