// The Nomad simulator's multipart upload (Nomad's OpenAPI, admin: POST /asset/upload/start,
// POST /asset/upload/part/{id}/complete, POST /asset/upload/{id}/complete and /cancel,
// GET /admin/asset/upload/{id}) and the object storage behind it: pre-signed part URLs that
// take PUTs and answer the part's ETag, and the originals' download URLs. Bytes go to disk.
import { randomUUID } from 'node:crypto';
import { receivePart, serveFile, type FileStore } from '../kit/file-store.js';
import { scalarText, type ByteRoute, type Route, type SimResponse } from '../kit/simulator-server.js';
import type { NomadAssetRecord, NomadState } from './server.js';

type Problem = (status: number, detail: string) => SimResponse;

/** Part size when the request gives none, and the smallest the simulator accepts (tests use small parts). */
const DEFAULT_CHUNK = 8 * 1024 * 1024;
const MIN_CHUNK = 16 * 1024;
/** Uploads up to this size are assembled before `complete` answers; bigger ones after. */
const ASSEMBLE_WHILE_ANSWERING = 64 * 1024 * 1024;

interface UploadPart {
  readonly id: string;
  readonly partNumber: number;
  readonly startingPosition: number;
  readonly endingPosition: number;
  etag: string | null;
  completed: boolean;
}

interface Upload {
  readonly id: string;
  readonly assetId: string;
  readonly contentLength: number;
  readonly startDate: string;
  readonly parts: UploadPart[];
  done: boolean;
}

export interface NomadUploads {
  readonly routes: Route[];
  readonly byteRoutes: ByteRoute[];
  /** The public URL of an asset's original (AssetModel.fullUrl). */
  originalUrl(asset: NomadAssetRecord): string | null;
}

export function nomadUploads(state: NomadState, store: FileStore, origin: () => string, problem: Problem, create: (name: string, parentId: string) => NomadAssetRecord): NomadUploads {
  const uploads = new Map<string, Upload>();
  const partsById = new Map<string, { upload: Upload; part: UploadPart }>();
  const partKey = (partId: string) => `part:${partId}`;
  const partModel = (part: UploadPart) => ({
    id: part.id,
    url: `${origin()}/upload/parts/${part.id}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}&X-Amz-Expires=3600&X-Amz-Signature=simulator`,
    partNumber: part.partNumber,
    startingPosition: part.startingPosition,
    endingPosition: part.endingPosition,
    isCompleted: part.completed,
  });
  const uploadModel = (upload: Upload) => ({
    id: upload.id,
    assetId: upload.assetId,
    contentLength: upload.contentLength,
    startDate: upload.startDate,
    parts: upload.parts.map(partModel),
  });

  const routes: Route[] = [
    {
      method: 'POST',
      pattern: '/asset/upload/start',
      handler: ({ body }) => {
        const input = (body ?? {}) as Record<string, unknown>;
        const contentLength = Number(input['contentLength']);
        const displayName = scalarText(input['displayName']);
        const parentId = scalarText(input['parentId']);
        if (!Number.isInteger(contentLength) || contentLength <= 0) return problem(400, 'contentLength must be a positive number of bytes.');
        if (!displayName || !/\.[A-Za-z0-9]+$/.test(displayName)) return problem(400, 'displayName must include the file extension.');
        const parent = state.assets.get(parentId);
        if (!parent || parent.assetType === 'File') return problem(400, 'parentId must be a folder.');
        const chunk = Math.max(MIN_CHUNK, Number(input['chunkSize']) || DEFAULT_CHUNK);
        const asset = create(displayName, parent.id);
        const parts: UploadPart[] = [];
        for (let start = 0, n = 1; start < contentLength; start += chunk, n++) {
          parts.push({ id: randomUUID(), partNumber: n, startingPosition: start, endingPosition: Math.min(start + chunk, contentLength) - 1, etag: null, completed: false });
        }
        const upload: Upload = { id: randomUUID(), assetId: asset.id, contentLength, startDate: new Date().toISOString(), parts, done: false };
        uploads.set(upload.id, upload);
        for (const part of parts) partsById.set(part.id, { upload, part });
        return { status: 200, body: uploadModel(upload) };
      },
    },
    {
      method: 'GET',
      pattern: '/admin/asset/upload/:id',
      handler: ({ params }) => {
        const upload = uploads.get(params['id'] ?? '');
        return upload ? { status: 200, body: upload.parts.map(partModel) } : problem(404, 'No upload exists with the specified ID.');
      },
    },
    {
      method: 'POST',
      pattern: '/asset/upload/part/:id/complete',
      handler: async ({ params, body }) => {
        const found = partsById.get(params['id'] ?? '');
        if (!found) return problem(404, 'No upload part exists with the specified ID.');
        const etag = scalarText((body as { etag?: unknown } | null)?.etag).replace(/"/g, '');
        const stored = store.info(partKey(found.part.id));
        if (!etag) return problem(400, 'The etag is required.');
        if (!stored || stored.md5 !== etag) return problem(400, 'The etag does not match the uploaded part.');
        const expected = found.part.endingPosition - found.part.startingPosition + 1;
        if (stored.size !== expected) return problem(400, `The part holds ${stored.size} bytes; ${expected} were expected.`);
        found.part.etag = etag;
        found.part.completed = true;
        return { status: 200, body: {} };
      },
    },
    {
      method: 'POST',
      pattern: '/asset/upload/:id/complete',
      handler: async ({ params }) => {
        const upload = uploads.get(params['id'] ?? '');
        if (!upload) return problem(404, 'No upload exists with the specified ID.');
        const asset = state.assets.get(upload.assetId);
        if (!asset) return problem(404, 'The upload was cancelled.');
        if (!upload.done) {
          const missing = upload.parts.filter((part) => !part.completed).map((part) => part.partNumber);
          if (missing.length) return problem(400, `Parts ${missing.join(', ')} are not completed.`);
          upload.done = true;
          // Nomad assembles the parts and then processes the file: a big file shows
          // Registering (PROCESSING) for a while; small ones are done before the answer.
          const assemble = store.concat(`original:${asset.id}`, upload.parts.map((part) => partKey(part.id))).then(() => {
            asset.fileKey = `original:${asset.id}`;
            asset.assetStatus = 'Available';
            asset.lastModifiedDate = new Date().toISOString();
          });
          if (upload.contentLength <= ASSEMBLE_WHILE_ANSWERING) await assemble;
          else {
            asset.assetStatus = 'Registering';
            assemble.catch(() => (asset.assetStatus = 'Error'));
          }
        }
        return { status: 200, body: { items: [{ id: asset.id, assetStatus: asset.assetStatus }], totalItemCount: 1 } };
      },
    },
    {
      method: 'POST',
      pattern: '/asset/upload/:id/cancel',
      handler: async ({ params }) => {
        const upload = uploads.get(params['id'] ?? '');
        if (!upload) return problem(404, 'No upload exists with the specified ID.');
        for (const part of upload.parts) await store.delete(partKey(part.id));
        if (!upload.done) state.assets.delete(upload.assetId);
        uploads.delete(upload.id);
        return { status: 200, body: {} };
      },
    },
  ];

  const byteRoutes: ByteRoute[] = [
    {
      method: 'PUT',
      pattern: '/upload/parts/:partId',
      handle: async (req, res, params, _query, cut) => {
        const found = partsById.get(params['partId'] ?? '');
        if (!found || found.upload.done) {
          res.writeHead(404, { 'content-type': 'application/xml' }).end('<Error><Code>NoSuchUpload</Code></Error>');
          return;
        }
        await receivePart(store, partKey(found.part.id), req, res, cut);
      },
    },
    {
      method: 'GET',
      pattern: '/media/original/:assetId/:name',
      handle: async (req, res, params, _query, cut) => {
        const asset = state.assets.get(params['assetId'] ?? '');
        await serveFile(store, asset?.fileKey ?? '', req, res, cut);
      },
    },
  ];

  return {
    routes,
    byteRoutes,
    originalUrl: (asset) => (asset.fileKey ? `${origin()}/media/original/${asset.id}/${encodeURIComponent(asset.displayName)}` : null),
  };
}
