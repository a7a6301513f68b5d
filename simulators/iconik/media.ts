// The iconik simulator's files and metadata endpoints (iconik's OpenAPI, files and metadata
// services): an asset's formats, files and proxies, signed download URLs, and metadata
// values read and written without a view. Media is seeded from the asset's media type.
import { createHash, randomUUID } from 'node:crypto';
import { receivePart, serveFile, type FileStore } from '../kit/file-store.js';
import { scalarText, type ByteRoute, type Route, type SimResponse } from '../kit/simulator-server.js';
import { metadataOf, uuidFor, withoutNulls, type IconikAssetRecord, type IconikFileRecord, type IconikState } from './state.js';

const API = '/API';
/** How long the simulator's signed URLs work, as S3 presigned URLs say it (X-Amz-Expires). */
const SIGNED_URL_SECONDS = 3600;
const STORAGE_ID = uuidFor('storage:demo');
/** The demo's S3 storage in iconik: uploads go there (the demo configuration names it). */
export const ICONIK_DEMO_STORAGE_ID = STORAGE_ID;

const errors = (status: number, ...messages: string[]): SimResponse => ({ status, body: { errors: messages } });

/** What a seeded asset's media looks like, by iconik media type. */
export function seedMedia(asset: IconikAssetRecord): void {
  if (asset.type === 'PLACEHOLDER' || !asset.media_type) return;
  const slug = asset.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const seconds = Math.max(1, Math.round((asset.duration_milliseconds ?? 0) / 1000));
  const formatId = uuidFor(`format:${asset.id}:ORIGINAL`);
  const video = asset.media_type === 'video';
  const audio = asset.media_type === 'audio';
  const extension = video ? 'mov' : audio ? 'wav' : asset.media_type === 'image' ? 'tif' : 'pdf';
  const bitRate = video ? 45_000_000 : audio ? 2_304_000 : 0;
  const size = bitRate ? Math.round((bitRate / 8) * seconds) : 48_000_000;
  const components: IconikAssetRecord['formats'][number]['components'] = [
    {
      id: uuidFor(`component:${asset.id}:general`),
      name: 'General',
      type: 'GENERAL',
      metadata: { format: video ? 'QuickTime' : audio ? 'Wave' : extension.toUpperCase(), file_size: String(size), ...(bitRate ? { overall_bit_rate: String(bitRate) } : {}) },
    },
  ];
  if (video) {
    components.push({ id: uuidFor(`component:${asset.id}:video`), name: 'Video', type: 'VIDEO', metadata: { format: 'ProRes', width: '1920', height: '1080', frame_rate: '25.000' } });
  }
  if (video || audio) {
    components.push({ id: uuidFor(`component:${asset.id}:audio`), name: 'Audio', type: 'AUDIO', metadata: { format: 'PCM', channel_s: '2', sampling_rate: '48000' } });
  }
  if (asset.media_type === 'image') {
    components.push({ id: uuidFor(`component:${asset.id}:image`), name: 'Image', type: 'IMAGE', metadata: { format: 'TIFF', width: '6000', height: '4000' } });
  }
  asset.formats = [{ id: formatId, name: 'ORIGINAL', status: 'ACTIVE', archive_status: 'NOT_ARCHIVED', components, metadata: [], storage_methods: ['S3'], date_created: asset.date_created }];
  asset.files = [
    {
      id: uuidFor(`file:${asset.id}:original`),
      original_name: `${slug}.${extension}`,
      name: `${slug}.${extension}`,
      directory_path: `demo/${asset.id}`,
      size,
      // The seeded bytes are generated on read (../kit/file-store.ts): no checksum is known.
      checksum: null,
      format_id: formatId,
      file_set_id: uuidFor(`file-set:${asset.id}:original`),
      storage_id: STORAGE_ID,
      status: 'CLOSED',
      type: 'FILE',
      date_created: asset.date_created,
    },
  ];
  asset.proxies =
    video || audio
      ? [
          {
            id: uuidFor(`proxy:${asset.id}`),
            name: video ? 'proxy_720p' : 'proxy_audio',
            filename: `${slug}.${video ? 'mp4' : 'mp3'}`,
            format: video ? 'MP4' : 'MP3',
            codec: video ? 'h264' : 'mp3',
            resolution: video ? { width: 1280, height: 720 } : null,
            bit_rate: video ? 2_500_000 : 192_000,
            frame_rate: video ? '25' : null,
            size: Math.round(((video ? 2_500_000 : 192_000) / 8) * seconds),
            status: 'CLOSED',
            storage_id: STORAGE_ID,
            date_created: asset.date_created,
          },
        ]
      : [];
}

/** An S3-style presigned URL on the simulator (the bytes are not served yet). */
function signedUrl(origin: string, path: string, now = new Date()): string {
  const date = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const signature = createHash('sha256').update(`${path}:${date}`).digest('hex');
  return `${origin}/storage/${path}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${date}&X-Amz-Expires=${SIGNED_URL_SECONDS}&X-Amz-SignedHeaders=host&X-Amz-Signature=${signature}`;
}

/** iconik page envelope for the files API lists (per_page, default 10; no page past the last). */
function page<T>(items: readonly T[], perPageText: string | null): SimResponse {
  const perPage = Math.min(Math.max(Number(perPageText ?? 10) || 10, 1), 1000);
  const objects = items.slice(0, perPage);
  return { status: 200, body: { objects, page: 1, pages: Math.max(1, Math.ceil(items.length / perPage)), per_page: perPage, total: items.length } };
}

function metadataValues(asset: IconikAssetRecord): Record<string, { field_values: Array<{ value: string }> }> {
  const fields = metadataOf(asset);
  return Object.fromEntries(Object.entries(fields).map(([key, values]) => [key, { field_values: values.map((value) => ({ value })) }]));
}

/** Object storage behind the signed URLs: the files' and proxies' bytes, and uploads (one pre-signed PUT per file). */
export function iconikStorageRoutes(state: IconikState, store: FileStore): ByteRoute[] {
  const upload: ByteRoute = {
    method: 'PUT',
    pattern: '/storage/upload/:fileId',
    handle: async (req, res, params, _query, cut) => {
      const file = [...state.assets.values()].flatMap((asset) => asset.files).find((candidate) => candidate.id === params['fileId']);
      if (!file || file.status === 'CLOSED') {
        res.writeHead(403, { 'content-type': 'application/xml' }).end('<Error><Code>AccessDenied</Code></Error>');
        return;
      }
      await receivePart(store, `files:${file.id}`, req, res, cut);
    },
  };
  const serve = (kind: 'files' | 'proxies'): ByteRoute => ({
    method: 'GET',
    pattern: `/storage/${kind}/:id/:name`,
    handle: async (req, res, params, _query, cut) => {
      const id = params['id'] ?? '';
      const key = `${kind}:${id}`;
      if (!store.has(key)) {
        const records: ReadonlyArray<{ id: string; size: number }> = [...state.assets.values()].flatMap((asset): Array<{ id: string; size: number }> =>
          kind === 'files' ? asset.files : asset.proxies,
        );
        const found = records.find((record) => record.id === id);
        if (found) store.defineVirtual(key, found.size, id);
      }
      await serveFile(store, key, req, res, cut);
    },
  });
  return [serve('files'), serve('proxies'), upload];
}

export function iconikMediaRoutes(state: IconikState, origin: () => string, store?: FileStore): Route[] {
  const live = (id: string | undefined) => state.assets.get(id ?? '');
  const fileSets = new Map<string, { id: string; format_id: string; storage_id: string }>();
  const uploadUrl = (file: IconikFileRecord) => signedUrl(origin(), `upload/${file.id}`);
  const fileDocument = (asset: IconikAssetRecord, file: IconikFileRecord, withUpload: boolean) =>
    withoutNulls({ ...file, asset_id: asset.id, ...(withUpload && file.status !== 'CLOSED' ? { upload_url: uploadUrl(file) } : {}) });
  return [
    {
      // AssetCreateSchema: `title` required; `collection_id` puts it in a collection.
      method: 'POST',
      pattern: `${API}/assets/v1/assets/`,
      handler: ({ body }) => {
        const input = (body ?? {}) as { title?: unknown; type?: unknown; collection_id?: unknown };
        if (typeof input.title !== 'string' || !input.title.trim()) return { status: 400, body: { errors: { title: 'Missing data for required field.' } } };
        const collection = typeof input.collection_id === 'string' ? input.collection_id : null;
        if (collection && !state.collections.has(collection)) return { status: 400, body: { errors: { collection_id: 'Collection does not exist.' } } };
        const now = new Date().toISOString();
        const asset: IconikAssetRecord = {
          id: randomUUID(), title: input.title, description: null, type: 'ASSET', media_type: null, status: 'ACTIVE', archive_status: 'NOT_ARCHIVED',
          duration_milliseconds: null, date_created: now, date_modified: now, date_deleted: null, in_collections: collection ? [collection] : [],
          keyframes: [], formats: [], files: [], proxies: [], metadata: {},
        };
        state.assets.set(asset.id, asset);
        return { status: 201, body: state.assetRecordDocument(asset) };
      },
    },
    {
      method: 'POST',
      pattern: `${API}/files/v1/assets/:asset_id/formats/`,
      handler: ({ params, body }) => {
        const asset = live(params['asset_id']);
        if (!asset) return errors(404, 'Asset does not exist');
        const input = (body ?? {}) as { name?: unknown; storage_methods?: unknown };
        if (typeof input.name !== 'string' || !input.name) return { status: 400, body: { errors: { name: 'Missing data for required field.' } } };
        const format = { id: randomUUID(), name: input.name, status: 'ACTIVE' as const, archive_status: 'NOT_ARCHIVED' as const, components: [], metadata: [], storage_methods: ['S3'], date_created: new Date().toISOString() };
        asset.formats.push(format);
        return { status: 201, body: { ...format, asset_id: asset.id } };
      },
    },
    {
      method: 'POST',
      pattern: `${API}/files/v1/assets/:asset_id/file_sets/`,
      handler: ({ params, body }) => {
        const asset = live(params['asset_id']);
        if (!asset) return errors(404, 'Asset does not exist');
        const input = (body ?? {}) as Record<string, unknown>;
        const missing = ['base_dir', 'component_ids', 'format_id', 'name'].filter((key) => input[key] === undefined);
        if (missing.length) return { status: 400, body: { errors: Object.fromEntries(missing.map((key) => [key, 'Missing data for required field.'])) } };
        if (!asset.formats.some((format) => format.id === input['format_id'])) return { status: 400, body: { errors: { format_id: 'Format does not exist.' } } };
        const fileSet = { id: randomUUID(), format_id: String(input['format_id']), storage_id: scalarText(input['storage_id']) || STORAGE_ID };
        fileSets.set(fileSet.id, fileSet);
        return { status: 201, body: { ...fileSet, asset_id: asset.id, base_dir: input['base_dir'], name: input['name'], component_ids: [], status: 'ACTIVE' } };
      },
    },
    {
      method: 'POST',
      pattern: `${API}/files/v1/assets/:asset_id/files/`,
      handler: ({ params, body }) => {
        const asset = live(params['asset_id']);
        if (!asset) return errors(404, 'Asset does not exist');
        const input = (body ?? {}) as Record<string, unknown>;
        const missing = ['directory_path', 'original_name', 'type'].filter((key) => input[key] === undefined);
        if (missing.length) return { status: 400, body: { errors: Object.fromEntries(missing.map((key) => [key, 'Missing data for required field.'])) } };
        const fileSet = fileSets.get(scalarText(input['file_set_id']));
        if (!fileSet) return { status: 400, body: { errors: { file_set_id: 'File set does not exist.' } } };
        if (fileSet.storage_id !== STORAGE_ID) return { status: 400, body: { errors: { storage_id: 'Storage does not exist.' } } };
        const file: IconikFileRecord = {
          id: randomUUID(), original_name: String(input['original_name']), name: String(input['original_name']), directory_path: String(input['directory_path']),
          size: Number(input['size']) || 0, checksum: null, format_id: fileSet.format_id, file_set_id: fileSet.id, storage_id: fileSet.storage_id,
          status: 'OPEN', type: 'FILE', date_created: new Date().toISOString(),
        };
        asset.files.push(file);
        return { status: 201, body: fileDocument(asset, file, true) };
      },
    },
    {
      method: 'GET',
      pattern: `${API}/files/v1/assets/:asset_id/files/:file_id/`,
      handler: ({ params, query }) => {
        const asset = live(params['asset_id']);
        const file = asset?.files.find((candidate) => candidate.id === params['file_id']);
        if (!asset || !file) return errors(404, "File for this asset doesn't exist");
        return { status: 200, body: fileDocument(asset, file, query.get('generate_signed_post_url') === 'true') };
      },
    },
    {
      // Closing a file: its bytes must be in storage, of the size the file declares.
      method: 'PATCH',
      pattern: `${API}/files/v1/assets/:asset_id/files/:file_id/`,
      handler: ({ params, body }) => {
        const asset = live(params['asset_id']);
        const file = asset?.files.find((candidate) => candidate.id === params['file_id']);
        if (!asset || !file) return errors(404, "File for this asset doesn't exist");
        const input = (body ?? {}) as { status?: unknown; size?: unknown };
        if (typeof input.size === 'number') file.size = input.size;
        if (input.status === 'CLOSED') {
          const stored = store?.info(`files:${file.id}`);
          if (!stored || stored.size !== file.size) return { status: 400, body: { errors: { status: `The file holds ${stored?.size ?? 0} of ${file.size} bytes.` } } };
          file.status = 'CLOSED';
          file.checksum = stored.md5;
          asset.media_type = asset.media_type ?? 'video';
          asset.date_modified = new Date().toISOString();
        }
        return { status: 200, body: fileDocument(asset, file, false) };
      },
    },
    {
      method: 'GET',
      pattern: `${API}/files/v1/assets/:asset_id/formats/`,
      handler: ({ params, query }) => {
        const asset = live(params['asset_id']);
        if (!asset || asset.formats.length === 0) return errors(404, "Formats for this asset don't exist");
        return page(asset.formats.map((format) => ({ ...format, asset_id: asset.id })), query.get('per_page'));
      },
    },
    {
      method: 'GET',
      pattern: `${API}/files/v1/assets/:asset_id/files/`,
      handler: ({ params, query }) => {
        const asset = live(params['asset_id']);
        if (!asset || asset.files.length === 0) return errors(404, "Files for this asset don't exist");
        // generate_signed_url: URLs only when asked ("this makes the request slower").
        const signed = query.get('generate_signed_url') === 'true';
        return page(
          asset.files.map((file) => ({ ...file, asset_id: asset.id, ...(signed ? { url: signedUrl(origin(), `files/${file.id}/${file.original_name}`) } : {}) })),
          query.get('per_page'),
        );
      },
    },
    {
      method: 'GET',
      pattern: `${API}/files/v1/assets/:asset_id/proxies/`,
      handler: ({ params, query }) => {
        const asset = live(params['asset_id']);
        if (!asset || asset.proxies.length === 0) return errors(404, "Proxies for this asset doesn't exist");
        // generate_signed_url defaults to true for proxies ("set to false if you don't need a URL").
        const signed = query.get('generate_signed_url') !== 'false';
        return page(
          asset.proxies.map((proxy) => withoutNulls({ ...proxy, asset_id: asset.id, ...(signed ? { url: signedUrl(origin(), `proxies/${proxy.id}/${proxy.filename}`) } : {}) })),
          query.get('per_page'),
        );
      },
    },
    {
      method: 'GET',
      pattern: `${API}/files/v1/assets/:asset_id/files/:file_id/download_url/`,
      handler: ({ params }) => {
        const file = live(params['asset_id'])?.files.find((candidate) => candidate.id === params['file_id']);
        if (!file) return errors(404, "File for this asset doesn't exist");
        return { status: 200, body: { download_url: signedUrl(origin(), `files/${file.id}/${file.original_name}`) } };
      },
    },
    {
      method: 'GET',
      pattern: `${API}/metadata/v1/:object_type/:object_id/`,
      handler: ({ params }) => {
        const asset = params['object_type'] === 'assets' ? live(params['object_id']) : undefined;
        if (!asset) return errors(404, "Metadata values for this object don't exist");
        return { status: 200, body: { object_id: asset.id, object_type: 'assets', date_modified: asset.date_modified, metadata_values: metadataValues(asset) } };
      },
    },
    {
      // "Edit metadata values directly without a view": the fields given are replaced.
      method: 'PUT',
      pattern: `${API}/metadata/v1/:object_type/:object_id/`,
      handler: ({ params, body }) => {
        const asset = params['object_type'] === 'assets' ? live(params['object_id']) : undefined;
        if (!asset) return errors(404, "Metadata view doesn't exist");
        const values = (body as { metadata_values?: unknown } | undefined)?.metadata_values;
        if (!values || typeof values !== 'object' || Array.isArray(values)) return { status: 400, body: { errors: { metadata_values: 'Missing data for required field.' } } };
        const parsed: Array<[string, string[]]> = [];
        for (const [key, field] of Object.entries(values)) {
          const list = (field as { field_values?: unknown } | null)?.field_values;
          if (!Array.isArray(list)) return { status: 400, body: { errors: { [key]: 'field_values must be a list.' } } };
          parsed.push([key, list.map((item) => {
            const value = (item as { value?: unknown } | null)?.value;
            return typeof value === 'string' ? value : JSON.stringify(value ?? '');
          })]);
        }
        for (const [key, list] of parsed) {
          if (key === 'description') asset.description = list[0] ?? null;
          else if (list.length === 0) delete asset.metadata[key];
          else asset.metadata[key] = list;
        }
        asset.date_modified = new Date().toISOString();
        return { status: 200, body: { object_id: asset.id, object_type: 'assets', date_modified: asset.date_modified, metadata_values: metadataValues(asset) } };
      },
    },
  ];
}

/**
 * Adds an asset whose original file holds `content`: given bytes (written to the store, with
 * iconik's MD5 checksum) or a size of generated bytes (no checksum). Tests and benchmarks use
 * it for transfers; the copy starts from a seeded asset of the same shape.
 */
export async function addAssetWithOriginal(
  state: IconikState,
  store: FileStore,
  title: string,
  content: { readonly bytes: Buffer } | { readonly size: number },
): Promise<IconikAssetRecord> {
  const template = [...state.assets.values()].find((asset) => asset.files.length > 0 && asset.status === 'ACTIVE');
  if (!template) throw new Error('the simulator has no asset with a file to copy');
  const asset = structuredClone(template);
  asset.id = uuidFor(`asset:${title}`);
  asset.title = title;
  asset.date_created = new Date().toISOString();
  const file = asset.files[0] as IconikFileRecord;
  file.id = uuidFor(`file:${title}`);
  file.original_name = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.mov`;
  asset.files = [file];
  if ('bytes' in content) {
    await store.write(`files:${file.id}`, [content.bytes]);
    file.size = content.bytes.length;
    file.checksum = createHash('md5').update(content.bytes).digest('hex');
  } else {
    store.defineVirtual(`files:${file.id}`, content.size, title);
    file.size = content.size;
    file.checksum = null;
  }
  state.assets.set(asset.id, asset);
  return asset;
}
