// The one upstream HTTP seam every vendor adapter is built on (the role Apollo's
// RESTDataSource plays): a keep-alive undici Pool per source, a timeout per call, JSON in
// and out, an auth hook where headers and signatures are added, and one place that turns
// a vendor response into data or a typed GatewayError.
//
// Why undici and not @apollo/datasource-rest: RESTDataSource adds its own GET
// de-duplication and HTTP caching, which would sit beside our per-request DataLoaders and
// blur both the call counts we test and (later) per-tenant cache keys. undici's Pool gives
// exactly the pooling and timeouts we need and nothing else.
import { Pool, errors as undiciErrors } from 'undici';
import { ErrorCode, GatewayError, codeForUpstreamStatus, type ErrorOrigin } from '../errors.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

export interface UpstreamRequest {
  readonly method: HttpMethod;
  /** Path below the base URL, built with encodePath. */
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: unknown;
}

/** What the auth hook sees and may add headers to (after the query string is final). */
export interface OutgoingRequest {
  readonly method: HttpMethod;
  /** Path as sent on the wire, base path included, with `?query`. */
  readonly pathWithQuery: string;
  readonly headers: Record<string, string>;
}

export interface UpstreamResponse {
  readonly status: number;
  /** Parsed JSON body; undefined for an empty body (204). */
  readonly body: unknown;
}

export interface UpstreamClientOptions {
  readonly origin: ErrorOrigin;
  /** For example `https://app.iconik.io/API/`; the path part prefixes every request path. */
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly connections: number;
  /** Adds credentials (headers, signatures) to every request. */
  readonly authorize: (request: OutgoingRequest) => void;
  /**
   * Picks a client-safe message out of a vendor's documented error body; the raw body is
   * never passed on. Return undefined to use a generic message.
   */
  readonly describeError?: (status: number, body: unknown) => string | undefined;
}

/** The source settings every vendor configuration shares (src/config.ts). */
export interface SourceConnection {
  readonly name: string;
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly maxConnections: number;
}

export class UpstreamClient {
  private readonly pool: Pool;
  private readonly basePath: string;
  readonly origin: ErrorOrigin;

  /** A client for one configured source; the adapter adds only its auth and error hooks. */
  static forSource(
    source: SourceConnection,
    vendor: ErrorOrigin['vendor'],
    hooks: Pick<UpstreamClientOptions, 'authorize' | 'describeError'>,
  ): UpstreamClient {
    return new UpstreamClient({
      origin: { source: source.name, vendor },
      baseUrl: source.baseUrl,
      timeoutMs: source.timeoutMs,
      connections: source.maxConnections,
      ...hooks,
    });
  }

  constructor(private readonly options: UpstreamClientOptions) {
    this.origin = options.origin;
    const url = new URL(options.baseUrl);
    this.pool = new Pool(url.origin, {
      connections: options.connections,
      keepAliveTimeout: 30_000,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    this.basePath = url.pathname.replace(/\/+$/, '');
  }

  /** Sends a request and returns the parsed 2xx response; any other outcome throws a GatewayError. */
  async send(request: UpstreamRequest): Promise<UpstreamResponse> {
    const { origin } = this.options;
    const pathWithQuery = this.basePath + request.path + queryString(request.query);
    const headers: Record<string, string> = { accept: 'application/json' };
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    this.options.authorize({ method: request.method, pathWithQuery, headers });

    let status: number;
    let text: string;
    try {
      const response = await this.pool.request({
        method: request.method,
        path: pathWithQuery,
        headers,
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      status = response.statusCode;
      text = await response.body.text();
    } catch (error) {
      throw transportError(error, origin, this.options.timeoutMs);
    }

    const parsed = parseJson(text);
    if (status < 200 || status >= 300) {
      const described = parsed.ok ? this.options.describeError?.(status, parsed.value) : undefined;
      throw new GatewayError(
        codeForUpstreamStatus(status),
        `${origin.vendor} source "${origin.source}" answered HTTP ${status}${described ? `: ${described}` : ''}.`,
        { ...origin, upstreamStatus: status },
      );
    }
    if (!parsed.ok) {
      throw new GatewayError(
        ErrorCode.UPSTREAM_UNAVAILABLE,
        `${origin.vendor} source "${origin.source}" sent a response that is not JSON.`,
        { ...origin, upstreamStatus: status },
      );
    }
    return { status, body: parsed.value };
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}

function queryString(query: UpstreamRequest['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function transportError(error: unknown, origin: ErrorOrigin, timeoutMs: number): GatewayError {
  const timedOut =
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'));
  if (timedOut) {
    return new GatewayError(
      ErrorCode.UPSTREAM_TIMEOUT,
      `${origin.vendor} source "${origin.source}" did not answer within ${timeoutMs} ms.`,
      origin,
    );
  }
  return new GatewayError(
    ErrorCode.UPSTREAM_UNAVAILABLE,
    `${origin.vendor} source "${origin.source}" could not be reached.`,
    origin,
  );
}
