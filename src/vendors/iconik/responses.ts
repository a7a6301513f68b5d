// Shapes of the iconik responses the adapter reads, from iconik's OpenAPI (AssetSchema,
// AssetElasticSchema, SearchDocumentSchema, CollectionSchema, ShareSchema,
// ShareUserSchema and the list envelope {objects, page, pages, per_page, total}). Only the
// fields we map are declared; fields a response schema does not declare are listed, with
// the reason, in test/contracts/iconik-undeclared-fields.ts.
import { z } from 'zod';

const text = z.string().nullish();

export const iconikAsset = z.object({
  id: z.string(),
  title: text,
  /** Present on search documents (SearchDocumentSchema). */
  description: text,
  /** Elastic documents carry metadata fields; `description` is iconik's default description field. */
  metadata: z.record(z.string(), z.unknown()).nullish(),
  type: text,
  media_type: text,
  status: text,
  archive_status: text,
  duration_milliseconds: z.number().nullish(),
  date_created: text,
  date_modified: text,
  date_deleted: text,
  in_collections: z.array(z.string()).nullish(),
  keyframes: z.array(z.object({ url: text, type: text })).nullish(),
  /** A search hit's sort values: `search_after` takes them to continue after this hit. */
  _sort: z.array(z.unknown()).nullish(),
});
export type IconikAsset = z.output<typeof iconikAsset>;

/** What search is asked to return for assets (`include_fields`): every field toAsset reads. */
export const ASSET_SEARCH_FIELDS = [
  'id', 'title', 'description', 'metadata', 'type', 'media_type', 'status', 'archive_status',
  'duration_milliseconds', 'date_created', 'date_modified', 'date_deleted', 'in_collections', 'keyframes',
] as const;

/**
 * Fields the status and collections depend on. A search hit without one of them is read
 * again through GET /assets/v1/assets/{id}/ (AssetSchema declares them all) rather than
 * mapped to UNKNOWN or to no collections.
 */
export const ASSET_FIELDS_FOR_STATUS = ['status', 'type', 'archive_status', 'in_collections'] as const;

export const COLLECTION_SEARCH_FIELDS = ['id', 'title', 'parent_id', 'date_created', 'status'] as const;

export const iconikCollection = z.object({
  id: z.string(),
  title: text,
  parent_id: text,
  date_created: text,
  status: text,
});
export type IconikCollection = z.output<typeof iconikCollection>;

export const iconikShare = z.object({
  id: z.string(),
  title: text,
  url: text,
  expires: text,
  allow_download: z.boolean().nullish(),
  allow_comments: z.boolean().nullish(),
  object_id: text,
  object_type: text,
});
export type IconikShare = z.output<typeof iconikShare>;

export const iconikShareUser = z.object({ email: z.string() });

/** FormatSchema: ORIGINAL and other formats, with media information per component. */
export const iconikFormat = z.object({
  id: z.string(),
  name: z.string(),
  status: text,
  components: z.array(z.object({ name: text, type: text, metadata: z.record(z.string(), z.string()).nullish() })).nullish(),
  metadata: z.array(z.record(z.string(), z.string())).nullish(),
});
export type IconikFormat = z.output<typeof iconikFormat>;

/** FileSchema: `url` only when asked with generate_signed_url=true. */
export const iconikFile = z.object({
  id: z.string(),
  original_name: text,
  name: text,
  size: z.number().nullish(),
  checksum: text,
  format_id: text,
  status: text,
  type: text,
  url: text,
});
export type IconikFile = z.output<typeof iconikFile>;

/** FileSchema as a created file answers it: `upload_url` is where its bytes go (S3: a pre-signed PUT). */
export const iconikCreatedFile = z.object({
  id: z.string(),
  status: text,
  size: z.number().nullish(),
  upload_url: text,
  original_name: text,
  directory_path: text,
  file_set_id: text,
  type: text,
});

/** ProxySchema. */
export const iconikProxy = z.object({
  id: z.string(),
  name: text,
  filename: text,
  format: text,
  codec: text,
  resolution: z.object({ width: z.number().nullish(), height: z.number().nullish() }).nullish(),
  bit_rate: z.number().nullish(),
  size: z.number().nullish(),
  status: text,
  url: text,
});
export type IconikProxy = z.output<typeof iconikProxy>;

/**
 * MetadataValuesSchema. The OpenAPI declares `metadata_values` as an open object; iconik
 * writes each field as {field_values: [{value}]} (docs/vendors.md A11).
 */
export const iconikFieldValues = z.object({ field_values: z.array(z.object({ value: z.unknown() })).nullish() });
export const iconikMetadataValues = z.object({ metadata_values: z.record(z.string(), z.unknown()) });

/** iconik's list envelope; `page`/`pages`/`total` are absent on some lists (shares). */
export function iconikList<T extends z.ZodType>(item: T) {
  return z.object({
    objects: z.array(item),
    page: z.number().nullish(),
    pages: z.number().nullish(),
    per_page: z.number().nullish(),
    total: z.number().nullish(),
  });
}

/**
 * iconik's error body: `{"errors": ["message"]}` or `{"errors": {"field": "message"}}`
 * (the `default` response of every operation in the OpenAPI).
 */
const iconikErrorBody = z.object({ errors: z.union([z.array(z.string()), z.record(z.string(), z.string())]) });

export function iconikErrorMessage(_status: number, body: unknown): string | undefined {
  // Built once: zod compiles an object schema on its first parse, so a schema built per call
  // recompiled on every vendor error (5.8% of the media read's CPU, whose iconik 404s land here).
  const parsed = iconikErrorBody.safeParse(body);
  if (!parsed.success) return undefined;
  const { errors } = parsed.data;
  return (Array.isArray(errors) ? errors : Object.entries(errors).map(([field, message]) => `${field}: ${message}`))
    .join('; ')
    .slice(0, 300);
}

/** WebhookSchema: what the gateway reads of its own registration. */
export const iconikWebhook = z.object({
  id: z.string(),
  url: z.string(),
  event_type: z.string(),
  status: z.enum(['ENABLED', 'DISABLED', 'FAILING', 'DELETED']),
  headers: z.record(z.string(), z.string()).nullish(),
});

/** WebhooksSchema: {objects} without paging fields. */
export const iconikWebhookList = z.object({ objects: z.array(iconikWebhook) });

/**
 * A webhook delivery (docs/vendors.md A15): only the event type, the object and the
 * operation are relied on; the asset itself is read again through the API.
 */
export const iconikWebhookEvent = z.object({
  event_type: z.string(),
  object_id: z.string().nullish(),
  operation: z.string().nullish(),
});
