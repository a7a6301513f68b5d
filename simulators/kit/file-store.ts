// Bytes of the simulators' files, on disk in a temporary folder (never in memory), and the
// HTTP side of object storage: signed-URL downloads with Range, and part uploads answered
// with an ETag (the part's MD5, as S3 does). Seeded demo files are "virtual": deterministic
// bytes generated on read from a seed, so the demo does not write gigabytes at start.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const BLOCK = 64 * 1024;

interface StoredFile {
  readonly size: number;
  /** Hex MD5 of the whole file, when known (files written through the store). */
  readonly md5: string | null;
  readonly path?: string;
  readonly seed?: string;
}

/** A 64 KiB block of pseudo-random bytes per seed (a few cached), made once. */
const baseBlocks = new Map<string, Buffer>();
function baseBlock(seed: string): Buffer {
  let block = baseBlocks.get(seed);
  if (!block) {
    block = Buffer.alloc(BLOCK);
    let state = createHash('sha256').update(seed).digest();
    for (let offset = 0; offset < BLOCK; offset += state.length) {
      state.copy(block, offset);
      state = createHash('sha256').update(state).digest();
    }
    if (baseBlocks.size > 64) baseBlocks.clear();
    baseBlocks.set(seed, block);
  }
  return block;
}

/** Deterministic bytes for a virtual file: the seed's block, stamped with the block's index so no two blocks are equal. */
function virtualBlock(seed: string, index: number): Buffer {
  const block = Buffer.from(baseBlock(seed));
  block.writeUInt32BE(index >>> 0, 0);
  block.writeUInt32BE(Math.floor(index / 2 ** 32), 4);
  return block;
}

function virtualStream(seed: string, start: number, end: number): Readable {
  let position = start;
  return new Readable({
    read() {
      if (position > end) {
        this.push(null);
        return;
      }
      const index = Math.floor(position / BLOCK);
      const from = position - index * BLOCK;
      const to = Math.min(BLOCK, end - index * BLOCK + 1);
      this.push(virtualBlock(seed, index).subarray(from, to));
      position = index * BLOCK + to;
    },
  });
}

export class FileStore {
  readonly directory = mkdtempSync(join(tmpdir(), 'mam-simulator-'));
  private readonly files = new Map<string, StoredFile>();

  /** A seeded file of `size` bytes whose content is generated on read. */
  defineVirtual(key: string, size: number, seed = key): void {
    this.files.set(key, { size, md5: null, seed });
  }

  has(key: string): boolean {
    return this.files.has(key);
  }

  info(key: string): { size: number; md5: string | null } | null {
    const file = this.files.get(key);
    return file ? { size: file.size, md5: file.md5 } : null;
  }

  /** Writes a stream to disk under `key`; answers its size and MD5. */
  async write(key: string, source: Readable | Iterable<Buffer> | AsyncIterable<Buffer>): Promise<{ size: number; md5: string }> {
    const path = join(this.directory, randomUUID());
    const hash = createHash('md5');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    await pipeline(Readable.from(source), meter, createWriteStream(path));
    const md5 = hash.digest('hex');
    const previous = this.files.get(key);
    this.files.set(key, { size, md5, path });
    if (previous?.path) await unlink(previous.path).catch(() => undefined);
    return { size, md5 };
  }

  /** Joins stored files (upload parts, in order) into one file under `key`. */
  async concat(key: string, parts: readonly string[]): Promise<{ size: number; md5: string }> {
    const files = this.files;
    async function* chunks() {
      for (const part of parts) {
        const file = files.get(part);
        if (!file?.path) throw new Error(`missing part ${part}`);
        yield* createReadStream(file.path) as AsyncIterable<Buffer>;
      }
    }
    const written = await this.write(key, chunks());
    for (const part of parts) await this.delete(part);
    return written;
  }

  async delete(key: string): Promise<void> {
    const file = this.files.get(key);
    this.files.delete(key);
    if (file?.path) await unlink(file.path).catch(() => undefined);
  }

  read(key: string, start = 0, end?: number): Readable | null {
    const file = this.files.get(key);
    if (!file) return null;
    const last = Math.min(end ?? file.size - 1, file.size - 1);
    if (file.path) return file.size === 0 ? Readable.from([]) : createReadStream(file.path, { start, end: last });
    return virtualStream(file.seed ?? key, start, last);
  }

  /** Size of the bytes on disk (tests check that files are stored on disk). */
  async bytesOnDisk(key: string): Promise<number | null> {
    const file = this.files.get(key);
    return file?.path ? (await stat(file.path)).size : null;
  }

  close(): void {
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/** GET (with an optional single `Range: bytes=a-b`) or HEAD of a stored file. */
export async function serveFile(store: FileStore, key: string, req: IncomingMessage, res: ServerResponse, cut?: number, contentType = 'application/octet-stream'): Promise<void> {
  const info = store.info(key);
  if (!info) {
    res.writeHead(404, { 'content-type': 'application/xml' }).end('<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
    return;
  }
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  let start = 0;
  let end = info.size - 1;
  if (range && (range[1] || range[2])) {
    if (range[1]) {
      start = Number(range[1]);
      end = range[2] ? Math.min(Number(range[2]), info.size - 1) : info.size - 1;
    } else {
      start = Math.max(0, info.size - Number(range[2]));
    }
    if (start >= info.size || start > end) {
      res.writeHead(416, { 'content-range': `bytes */${info.size}` }).end();
      return;
    }
  }
  const headers: Record<string, string> = {
    'content-type': contentType,
    'content-length': String(end - start + 1),
    'accept-ranges': 'bytes',
    ...(info.md5 ? { etag: `"${info.md5}"` } : {}),
    ...(range ? { 'content-range': `bytes ${start}-${end}/${info.size}` } : {}),
  };
  res.writeHead(range ? 206 : 200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const body = store.read(key, start, end);
  if (!body) return void res.end();
  await pipeline(body, cutAfter(cut, () => res.destroy()), res).catch(() => res.destroy());
}

/** Passes bytes on until `limit`, then drops the connection (a storage fault mid-body). */
function cutAfter(limit: number | undefined, drop: () => void): Transform {
  let passed = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (limit === undefined) return done(null, chunk);
      const room = limit - passed;
      passed += chunk.length;
      if (room > chunk.length) return done(null, chunk);
      this.push(chunk.subarray(0, Math.max(0, room)));
      setImmediate(drop);
      done();
    },
  });
}

/** A part upload (PUT with the bytes as body): stored on disk, answered with the part's MD5 as ETag. */
export async function receivePart(store: FileStore, key: string, req: IncomingMessage, res: ServerResponse, cut?: number): Promise<{ size: number; md5: string } | null> {
  const declared = Number(req.headers['content-length']);
  try {
    const written = await store.write(key, cut === undefined ? req : req.pipe(cutAfter(cut, () => req.socket.destroy())));
    if (Number.isFinite(declared) && written.size !== declared) {
      await store.delete(key);
      res.writeHead(400, { 'content-type': 'application/xml' }).end('<Error><Code>IncompleteBody</Code></Error>');
      return null;
    }
    res.writeHead(200, { etag: `"${written.md5}"` }).end();
    return written;
  } catch {
    await store.delete(key);
    if (!res.headersSent) res.writeHead(400).end();
    return null;
  }
}
