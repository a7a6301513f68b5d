// Reads a JSON request body with a size cap, so one huge or broken request is refused
// with a clear HTTP status (413, 400) instead of buffering without limit.
import type { IncomingMessage } from 'node:http';

export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new BodyError(413, `Request body is larger than ${MAX_BODY_BYTES} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyError(413, `Request body is larger than ${MAX_BODY_BYTES} bytes.`);
    chunks.push(buffer);
  }
  if (size === 0) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/(graphql-response\+)?json\b/i.test(type)) {
    // Apollo answers 400 for a non-JSON POST; its CSRF check needs the raw content type.
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new BodyError(400, 'Request body is not valid JSON.');
  }
}
