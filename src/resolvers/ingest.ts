// Ingest from an app: createAsset starts the destination vendor's own multipart upload and
// hands its pre-signed part URLs to the client, so bytes go straight to the vendor's
// storage; completeUpload confirms each part's ETag with the vendor and completes the
// upload. The upload id given to the client carries the source, the vendor's upload id
// and the asset id (opaque, validated on the way back).
import type { GatewayContext } from '../context.js';
import { ErrorCode, GatewayError, badUserInput } from '../errors.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import { userErrorsFrom } from '../mutations/user-errors.js';
import { requirePort } from '../vendors/capabilities.js';

const PREFIX = 'upload1:';
/** Files up to 5 TiB (S3's limit), the largest any vendor here takes. */
const MAX_SIZE = 5 * 1024 ** 4;

interface UploadToken {
  readonly source: string;
  readonly uploadId: string;
  readonly assetId: string;
}

const encodeToken = (token: UploadToken) => Buffer.from(`${PREFIX}${JSON.stringify([token.source, token.uploadId, token.assetId])}`, 'utf8').toString('base64url');

function decodeToken(context: GatewayContext, id: string): UploadToken {
  const invalid = badUserInput('Invalid upload id: use the `upload.id` createAsset answered.');
  if (id.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(id)) throw invalid;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX)) throw invalid;
  let parts: unknown;
  try {
    parts = JSON.parse(text.slice(PREFIX.length));
  } catch {
    throw invalid;
  }
  if (!Array.isArray(parts) || parts.length !== 3 || !parts.every((part) => typeof part === 'string' && part.length > 0 && part.length < 300)) throw invalid;
  const [source, uploadId, assetId] = parts as [string, string, string];
  if (!context.sources.has(source)) throw invalid;
  return { source, uploadId, assetId };
}

export const ingestMutations: MutationResolvers = {
  createAsset: async (_root, { input }, context) => {
    try {
      const destination = context.sources.decode(input.destinationId, 'Collection');
      const source = context.sources.get(destination.source);
      const uploads = requirePort(source, 'upload', 'uploading assets (UPLOAD)');
      if (!Number.isInteger(input.size) || input.size <= 0 || input.size > MAX_SIZE) throw badUserInput('"size" must be a whole number of bytes, 1 to 5 TiB.');
      const fileName = input.fileName.trim();
      if (!fileName || /[\\/\u0000-\u001f]/.test(fileName) || !/\.[A-Za-z0-9]{1,8}$/.test(fileName)) throw badUserInput('"fileName" must be a file name with its extension, without folders.');
      const session = await uploads.startUpload({ collectionId: destination.nativeId, fileName, size: input.size });
      const ref = { source: source.name, nativeId: session.assetId };
      const asset = await context.loaders.assets.load(ref);
      // Not polled while UPLOADING: completeUpload (a write) ends that state.
      context.live.assetsChanged([{ ref, kind: 'CREATED', status: asset?.status ?? null, poll: false }], 'WRITE', context.scope.credentials);
      return {
        asset,
        upload: {
          id: encodeToken({ source: source.name, uploadId: session.uploadId, assetId: session.assetId }),
          parts: session.parts.map((part) => ({ number: part.number, url: part.url, start: part.start, end: part.end })),
        },
        userErrors: [],
      };
    } catch (error) {
      return { asset: null, upload: null, userErrors: userErrorsFrom(['input'], error) };
    }
  },
  completeUpload: async (_root, { input }, context) => {
    try {
      const token = decodeToken(context, input.uploadId);
      const source = context.sources.get(token.source);
      const uploads = requirePort(source, 'upload', 'uploading assets (UPLOAD)');
      const session = await uploads.getUpload({ uploadId: token.uploadId, assetId: token.assetId, parts: [] });
      const etags = new Map(input.parts.map((part) => [part.number, part.etag]));
      const missing = session.parts.filter((part) => !part.completed && !etags.get(part.number)).map((part) => part.number);
      if (missing.length) throw badUserInput(`No ETag for parts ${missing.join(', ')}: send every part, then each part's ETag.`);
      for (const part of session.parts) {
        const etag = etags.get(part.number);
        if (!part.completed && etag) {
          await uploads.completePart(session, part, etag).catch((error: unknown) => {
            // The vendor refuses an ETag that is not the part it stored: the client can resend that part.
            throw error instanceof GatewayError && error.code === ErrorCode.UPSTREAM_REJECTED ? badUserInput(`Part ${part.number}: ${error.message}`) : error;
          });
        }
      }
      const asset = await uploads.completeUpload(session);
      context.loaders.assets.clear({ source: source.name, nativeId: token.assetId });
      // Vendors process the file after the upload: the asset is polled until it is AVAILABLE.
      context.live.assetsChanged([{ ref: { source: source.name, nativeId: token.assetId }, kind: 'UPDATED', status: asset?.status ?? null }], 'WRITE', context.scope.credentials);
      return { asset, userErrors: [] };
    } catch (error) {
      return { asset: null, userErrors: userErrorsFrom(['input'], error) };
    }
  },
};
