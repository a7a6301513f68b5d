// Shapes of the Icareus Suite responses the adapter reads: the asset object of the Archive
// API (as in the Recycle Bin API's recoverAsset example), the recycle bin item, and the
// {"status": "ok" | "error", ...} envelope both APIs use.
import { z } from 'zod';
import { ErrorCode, type ErrorCode as Code } from '../../errors.js';
import type { BodyError } from '../endpoint.js';

/** Titles and descriptions are kept per language: {"en_US": "...", "fi_FI": "..."}. */
const perLanguage = z.record(z.string(), z.string()).nullish();

export const icareusFolder = z.object({ id: z.union([z.number(), z.string()]), name: z.string().nullish() });

export const icareusPreset = z.object({
  fileId: z.union([z.number(), z.string()]).nullish(),
  presetId: z.union([z.number(), z.string()]).nullish(),
  name: z.string().nullish(),
  description: z.string().nullish(),
  dlUrl: z.string().nullish(),
  url: z.string().nullish(),
});
export type IcareusPreset = z.output<typeof icareusPreset>;

export const icareusAsset = z.object({
  id: z.union([z.number(), z.string()]),
  name: perLanguage,
  description: perLanguage,
  duration: z.number().nullish(),
  created: z.number().nullish(),
  transcodingStatus: z.number().nullish(),
  publishReady: z.boolean().nullish(),
  isPodcastAsset: z.boolean().nullish(),
  thumbnailSmall: z.string().nullish(),
  thumbnailMedium: z.string().nullish(),
  folders: z.array(icareusFolder).nullish(),
  /** The asset's files: preset 0 is the master, the others transcodes (recoverAsset example). */
  presets: z.array(icareusPreset).nullish(),
  // Descriptive fields, "" (or 0) when unset (recoverAsset example); read as Asset.metadata.
  tags: z.string().nullish(),
  director: z.string().nullish(),
  actors: z.string().nullish(),
  productionCompany: z.string().nullish(),
  publisher: z.string().nullish(),
  license: z.string().nullish(),
  ownership: z.string().nullish(),
  releaseYear: z.number().nullish(),
});
export type IcareusAsset = z.output<typeof icareusAsset>;

export const icareusAssetList = z.object({ status: z.literal('ok'), assets: z.array(icareusAsset) });

export const recycleBinEnabled = z.object({ status: z.literal('ok'), isRecycleBinEnabled: z.boolean() });

export const recycleBinItem = z.object({
  id: z.union([z.number(), z.string()]),
  title: z.string().nullish(),
  imageUrl: z.string().nullish(),
  deletedAt_ms: z.number().nullish(),
});
export type RecycleBinItem = z.output<typeof recycleBinItem>;

export const assetEnvelope = z.object({ status: z.literal('ok'), asset: icareusAsset });

export const recycleBinAssets = z.object({ status: z.literal('ok'), assets: z.array(recycleBinItem) });

const errorEnvelope = z.object({ status: z.literal('error'), message: z.string().nullish() });

/**
 * The Archive API reports failures as HTTP 200 with {"status": "error", "message": ...}
 * (Copy Asset API page): such a body is an error, never data. The message decides the code.
 */
export function icareusBodyError(body: unknown): BodyError | undefined {
  // A plain look at `status` first: every successful call passes here, and a failed zod
  // parse (the error envelope against an "ok" body) is costly.
  if (typeof body !== 'object' || body === null || (body as { status?: unknown }).status !== 'error') return undefined;
  const failure = errorEnvelope.safeParse(body);
  if (!failure.success) return undefined;
  const message = (failure.data.message ?? 'unknown error').slice(0, 300);
  return { code: codeForIcareusMessage(message), message };
}

function codeForIcareusMessage(message: string): Code {
  if (/token|auth|login/i.test(message)) return ErrorCode.UNAUTHENTICATED;
  if (/permission|denied|forbidden|access/i.test(message)) return ErrorCode.FORBIDDEN;
  if (/not[-_ ]?found|no such|does not exist/i.test(message)) return ErrorCode.NOT_FOUND;
  return ErrorCode.UPSTREAM_REJECTED;
}

/** Non-200 bodies (Recycle Bin API) carry the same {"status":"error","message"} shape. */
export function icareusErrorMessage(_status: number, body: unknown): string | undefined {
  const failure = errorEnvelope.safeParse(body);
  return failure.success ? (failure.data.message ?? undefined)?.slice(0, 300) : undefined;
}
