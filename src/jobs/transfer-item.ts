// One asset from a source's download URL into a destination's multipart upload. Each part
// is a ranged GET of the source piped into the part's PUT, so bytes stream through with
// backpressure and memory stays bounded whatever the file size (a few parts at once at
// most). Each part's MD5 is checked against the ETag storage answered and its byte count
// against its range; when the source reports a checksum, parts go in order and the whole
// file's MD5 is checked too. An upload interrupted earlier resumes after its completed parts
// (in order, their bytes are hashed from the source again, so the checksum covers the file).
import { createHash, type Hash } from 'node:crypto';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { request as undiciRequest } from 'undici';
import { ErrorCode, GatewayError } from '../errors.js';
import type { OriginalFile, UploadPort, UploadSession } from '../vendors/adapter.js';
import type { ByteRateLimit } from './byte-rate-limit.js';

export interface PartProgress {
  /** Bytes of the file sent or verified so far; awaited after each part (a checkpoint). */
  (bytesDone: number): Promise<void>;
}

const STORAGE_TIMEOUT_MS = 60_000;
const PART_ATTEMPTS = 3;
/** Parts sent at once when no whole-file checksum needs them in order. */
const PARALLEL_PARTS = 4;

/**
 * undici's `request` (the global dispatcher), loaded with the first transfer: its index
 * loads all of undici, which a gateway that never copies a file does not need in memory
 * (../vendors/undici-core.ts).
 */
const request: typeof undiciRequest = async (...args) => (await import('undici')).request(...args);

/** Storage trouble worth another try: a dropped or refused connection, a timeout, a 5xx. */
const isTransient = (error: unknown) => error instanceof GatewayError && error.code === ErrorCode.UPSTREAM_UNAVAILABLE;

/** A storage request; transport failures become UPSTREAM_UNAVAILABLE (no URL or signature in the message). */
async function storage(what: string, send: () => ReturnType<typeof undiciRequest>): ReturnType<typeof undiciRequest> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw new GatewayError(ErrorCode.UPSTREAM_UNAVAILABLE, `${what}: the storage connection failed (${error instanceof Error ? (error as Error & { code?: string }).code ?? error.name : 'error'}).`);
  }
}

/** The size of the file at `url` from a HEAD request (vendors that report no size). */
export async function sizeAt(url: string): Promise<number> {
  const res = await request(url, { method: 'HEAD', headersTimeout: STORAGE_TIMEOUT_MS });
  await res.body.dump();
  const size = Number(res.headers['content-length']);
  if (res.statusCode >= 300 || !Number.isFinite(size)) throw new GatewayError(ErrorCode.UPSTREAM_REJECTED, `The source file could not be sized (HTTP ${res.statusCode}).`);
  return size;
}

/** Streams bytes `start`..`end` of the source through `hash` (and, with `url`, into a PUT to it); answers the PUT's ETag. */
async function movePart(source: string, start: number, end: number, hash: Hash, target: string | null, signal: AbortSignal, limit?: ByteRateLimit): Promise<string | null> {
  const download = await storage('Reading the source file', () =>
    request(source, { method: 'GET', headers: { range: `bytes=${start}-${end}` }, signal, headersTimeout: STORAGE_TIMEOUT_MS, bodyTimeout: STORAGE_TIMEOUT_MS }),
  );
  if (download.statusCode !== 206 && !(download.statusCode === 200 && start === 0)) {
    await download.body.dump();
    const code = download.statusCode >= 500 ? ErrorCode.UPSTREAM_UNAVAILABLE : ErrorCode.UPSTREAM_REJECTED;
    throw new GatewayError(code, `The source file answered HTTP ${download.statusCode} for bytes ${start}-${end}.`);
  }
  const partHash = createHash('md5');
  let counted = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      partHash.update(chunk);
      counted += chunk.length;
      done(null, chunk);
    },
  });
  const length = end - start + 1;
  if (!target) {
    await storage('Reading the source file', async () => {
      await pipeline(download.body, meter, async function* (chunks) {
        for await (const _chunk of chunks) void _chunk;
      });
      return download;
    });
    if (counted !== length) throw new GatewayError(ErrorCode.UPSTREAM_REJECTED, `The source sent ${counted} bytes for ${length}.`);
    return null;
  }
  const limited = limit ? download.body.pipe(limit.stream()) : download.body;
  if (limited !== download.body) download.body.on('error', (error) => limited.destroy(error));
  const metered = limited.pipe(meter);
  limited.on('error', (error) => metered.destroy(error));
  const upload = await storage('Sending a part', () =>
    request(target, { method: 'PUT', body: metered, headers: { 'content-length': String(length) }, signal, headersTimeout: STORAGE_TIMEOUT_MS, bodyTimeout: STORAGE_TIMEOUT_MS }),
  );
  await upload.body.dump();
  if (upload.statusCode >= 300) {
    const code = upload.statusCode >= 500 ? ErrorCode.UPSTREAM_UNAVAILABLE : ErrorCode.UPSTREAM_REJECTED;
    throw new GatewayError(code, `The destination storage refused part bytes ${start}-${end} (HTTP ${upload.statusCode}).`);
  }
  if (counted !== length) throw new GatewayError(ErrorCode.UPSTREAM_REJECTED, `The source sent ${counted} bytes for a part of ${length}.`);
  const etag = String(upload.headers['etag'] ?? '');
  const md5 = partHash.digest('hex');
  if (etag.replace(/"/g, '') !== md5) throw new GatewayError(ErrorCode.UPSTREAM_REJECTED, `The destination stored part ${start}-${end} with ETag ${etag.slice(0, 40)}, not the MD5 of the bytes sent.`);
  return etag;
}

/**
 * Sends the file into the upload, part by part, and completes each part. Answers the
 * whole file's MD5. `signal` stops it between or inside parts.
 */
/** A part tried up to PART_ATTEMPTS times on storage trouble (the same bytes to the same pre-signed URL: safe to repeat). */
async function withAttempts<T>(signal: AbortSignal, attemptOnce: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce();
    } catch (error) {
      if (signal.aborted || attempt >= PART_ATTEMPTS || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

const sizeOf = (part: UploadSession['parts'][number]) => part.end - part.start + 1;

/**
 * Sends the file into the upload, part by part, and completes each part. When the source
 * reports a checksum, parts go in order so the whole file's MD5 can be checked (parts done
 * earlier are read again for it); otherwise PARALLEL_PARTS go at once, each verified by its
 * ETag, and completed parts are skipped. `signal` stops it between or inside parts.
 */
export async function sendFile(
  file: OriginalFile & { size: number },
  uploads: UploadPort,
  session: UploadSession,
  progress: PartProgress,
  signal: AbortSignal,
  limit?: ByteRateLimit,
): Promise<void> {
  const parts = [...session.parts].sort((a, b) => a.number - b.number);
  const covered = parts.reduce((sum, part) => sum + sizeOf(part), 0);
  if (covered !== file.size) throw new GatewayError(ErrorCode.UPSTREAM_REJECTED, `The destination planned ${covered} bytes of parts for a file of ${file.size}.`);
  const stopped = () => (signal.aborted ? (signal.reason instanceof Error ? signal.reason : new Error('cancelled')) : null);

  if (!file.md5) {
    let done = parts.filter((part) => part.completed).reduce((sum, part) => sum + sizeOf(part), 0);
    const queue = parts.filter((part) => !part.completed);
    const failure: { error?: Error } = {};
    const lane = async () => {
      for (let part = queue.shift(); part && !failure.error; part = queue.shift()) {
        const stop = stopped();
        if (stop) throw stop;
        const current = part;
        const etag = await withAttempts(signal, () => movePart(file.url, current.start, current.end, createHash('md5'), current.url, signal, limit));
        if (etag !== null) await uploads.completePart(session, current, etag);
        done += sizeOf(current);
        await progress(done);
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(PARALLEL_PARTS, queue.length) }, () =>
        lane().catch((error: unknown) => {
          failure.error ??= error instanceof Error ? error : new Error(String(error));
        }),
      ),
    );
    if (failure.error) throw failure.error;
    return;
  }

  let hash = createHash('md5');
  let done = 0;
  for (const part of parts) {
    const stop = stopped();
    if (stop) throw stop;
    // The file's hash is taken back to before the part when an attempt fails.
    const etag = await withAttempts(signal, async () => {
      const before = hash.copy();
      try {
        return await movePart(file.url, part.start, part.end, hash, part.completed ? null : part.url, signal, part.completed ? undefined : limit);
      } catch (error) {
        hash = before;
        throw error;
      }
    });
    if (etag !== null) await uploads.completePart(session, part, etag);
    done += sizeOf(part);
    await progress(done);
  }
  const md5 = hash.digest('hex');
  if (file.md5 !== md5) throw new GatewayError(ErrorCode.UPSTREAM_REJECTED, `The bytes read do not match the source's checksum (${file.md5}).`);
}
