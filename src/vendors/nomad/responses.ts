// Shapes of the Nomad Media ("MAM API") responses the adapter reads. The asset fields are
// those the vendor-specs README lists for GET /admin/asset/{id}; list envelopes
// ({items, totalItemCount}) follow the batch response it documents.
import { z } from 'zod';

export const nomadAsset = z.object({
  id: z.string(),
  parentId: z.string().nullish(),
  displayName: z.string().nullish(),
  displayDate: z.string().nullish(),
  createdDate: z.string().nullish(),
  lastModifiedDate: z.string().nullish(),
  bucketName: z.string().nullish(),
  objectKey: z.string().nullish(),
  fullUrl: z.string().nullish(),
  // Documented as a name ("Moving") in batch answers; the status table also gives numbers.
  assetStatus: z.union([z.string(), z.number()]).nullish(),
  storageClass: z.string().nullish(),
  assetType: z.number(),
});
export type NomadAsset = z.output<typeof nomadAsset>;

export const nomadItems = z.object({ items: z.array(nomadAsset), totalItemCount: z.number().nullish() });

export const nomadShare = z.object({
  id: z.string(),
  name: z.string().nullish(),
  assetId: z.string().nullish(),
  sharedLink: z.string().nullish(),
  expirationDate: z.string().nullish(),
  sharedPermissions: z.array(z.string()).nullish(),
  nomadUsers: z.array(z.object({ email: z.string().nullish() })).nullish(),
});
export type NomadShare = z.output<typeof nomadShare>;

export const nomadParentFolders = z.array(nomadAsset);

/** Nomad errors are plain HTTP statuses (400/401/403/404) with an optional message. */
export function nomadErrorMessage(_status: number, body: unknown): string | undefined {
  const parsed = z.object({ message: z.string() }).safeParse(body);
  return parsed.success ? parsed.data.message.slice(0, 300) : undefined;
}
