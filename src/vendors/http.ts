// The one upstream HTTP seam every vendor adapter is built on (the role Apollo's
// RESTDataSource plays): a keep-alive undici Pool per source, a timeout per call, JSON in
// and out, an auth hook where headers and signatures are added, and one place that turns
// a vendor response into data or a typed GatewayError.
//
// Why undici and not @apollo/datasource-rest: RESTDataSource adds its own GET
// de-duplication and HTTP caching, which would sit beside our per-request DataLoaders and
// blur both the call counts we test and (later) per-tenant cache keys. undici's Pool gives
// exactly the pooling and timeouts we need and nothing else.
import {
  ConsecutiveBreaker,
  DelegateBackoff,
  circuitBreaker,
  handleWhen,
  isBrokenCircuitError,
  retry,
  type CircuitBreakerPolicy,
  type RetryPolicy,
} from 'cockatiel';
import { SpanKind, SpanStatusCode, context, trace, type Span } from '@opentelemetry/api';
import { Pool, errors as undiciErrors, requestText } from './undici-core.js';
import type { z } from 'zod';
import { ErrorCode, GatewayError, badUserInput, codeForUpstreamStatus, type ErrorOrigin } from '../errors.js';
import type { RequestScope } from '../request-scope.js';
import { encodePathSegment } from './encode-path.js';
import type { Endpoint, EndpointCall } from './endpoint.js';
import { parseResponse } from './parse-response.js';
import { redactSecrets } from './redact-secrets.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

export interface UpstreamRequest {
  readonly method: HttpMethod;
  /** True when sending the request twice is harmless (the endpoint's safeToRepeat). Only these retry. */
  readonly idempotent: boolean;
  /** The vendor's error inside a 2xx answer, checked as part of the attempt. */
  readonly errorInBody?: Endpoint['errorInBody'];
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
  /** Credential fields the GraphQL request sent for this source (credentialHeaders). */
  readonly requestCredentials: Readonly<Record<string, string>> | undefined;
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
  /** Extra attempts for idempotent requests after 429, 5xx, timeouts or connection errors. */
  readonly retries?: number;
  /** Consecutive vendor-down failures that open the circuit. */
  readonly breakerThreshold?: number;
  /** How long an open circuit fails fast before one probe request is let through. */
  readonly breakerHalfOpenMs?: number;
  /** The configured credential values, cut out of any vendor message (with the request's own). */
  readonly secrets?: readonly (string | undefined)[];
}

/** A vendor error that may say when to come back (HTTP Retry-After). */
export class UpstreamError extends GatewayError {
  constructor(code: GatewayError['code'], message: string, origin: ErrorOrigin, readonly retryAfterMs?: number) {
    super(code, message, origin);
  }
}

const tracer = trace.getTracer('mam-graphql-gateway');

/** Statuses after which a write may have been done all the same (see sendOnce). */
const AMBIGUOUS_STATUSES: ReadonlySet<number> = new Set([500, 502, 504]);

const RETRY_BASE_MS = 100;
const RETRY_MAX_MS = 2_000;

/**
 * A call cut short by the GraphQL request's own deadline: not refused or timed out by the
 * vendor within its own timeout, so it says nothing about the vendor's health.
 */
export class DeadlineError extends GatewayError {
  constructor(message: string, origin: ErrorOrigin) {
    super(ErrorCode.UPSTREAM_TIMEOUT, message, origin);
  }
}

/**
 * Vendor down or overloaded: what retries and the circuit breaker react to (never 4xx, and
 * never our own deadline: one large slow request must not open a healthy vendor's circuit
 * for the next client).
 */
const isVendorFailure = (error: Error) =>
  error instanceof GatewayError &&
  !(error instanceof DeadlineError) &&
  (error.code === ErrorCode.UPSTREAM_UNAVAILABLE || error.code === ErrorCode.UPSTREAM_TIMEOUT);

/** Worth another attempt: the vendor refused or dropped the call (429, 5xx, connection), not a timeout. */
const isRetryable = (error: Error) => isVendorFailure(error) && error instanceof GatewayError && error.code !== ErrorCode.UPSTREAM_TIMEOUT;

// Full-jitter exponential backoff, or the vendor's Retry-After when it sent one (capped).
const backoff = new DelegateBackoff<{ attempt: number; result: { error?: Error } | { value: unknown } }>((context) => {
  const error = 'error' in context.result ? context.result.error : undefined;
  if (error instanceof UpstreamError && error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, RETRY_MAX_MS);
  return Math.random() * Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** context.attempt);
});

/** The source settings every vendor configuration shares (src/config.ts). */
export interface SourceConnection {
  readonly name: string;
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly maxConnections: number;
  readonly retries?: number;
  readonly breakerThreshold?: number;
  readonly breakerHalfOpenMs?: number;
  /** The configured credentials (their values are redacted from vendor messages). */
  readonly credentials?: Readonly<Record<string, string | undefined>>;
}

/** The upstream client as one GraphQL request's adapters see it. */
export interface RequestClient {
  readonly origin: ErrorOrigin;
  /** How many calls to this vendor may run at once: the pool's connection count. */
  readonly concurrency: number;
  /** Runs one described call and returns its validated answer (src/vendors/endpoint.ts). */
  call<S extends z.ZodType>(endpoint: Endpoint<S>, call?: EndpointCall): Promise<z.output<S>>;
  /** Credential fields this GraphQL request sent for this source, if any. */
  requestCredentials(): Readonly<Record<string, string>> | undefined;
}

export class UpstreamClient {
  private readonly pool: Pool;
  private readonly basePath: string;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly retries: RetryPolicy;
  readonly origin: ErrorOrigin;
  /** How many calls to this vendor may run at once: the pool's connection count. */
  readonly concurrency: number;
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
      ...(source.retries !== undefined ? { retries: source.retries } : {}),
      ...(source.breakerThreshold !== undefined ? { breakerThreshold: source.breakerThreshold } : {}),
      ...(source.breakerHalfOpenMs !== undefined ? { breakerHalfOpenMs: source.breakerHalfOpenMs } : {}),
      secrets: Object.values(source.credentials ?? {}),
    });
  }

  constructor(private readonly options: UpstreamClientOptions) {
    this.origin = options.origin;
    this.concurrency = options.connections;
    const url = new URL(options.baseUrl);
    this.pool = new Pool(url.origin, {
      connections: options.connections,
      keepAliveTimeout: 30_000,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    this.basePath = url.pathname.replace(/\/+$/, '');
    // One breaker per source: while a vendor is down, its calls fail fast instead of
    // tying up the request deadline, and a probe after breakerHalfOpenMs closes it again.
    this.breaker = circuitBreaker(handleWhen(isVendorFailure), {
      halfOpenAfter: options.breakerHalfOpenMs ?? 10_000,
      breaker: new ConsecutiveBreaker(options.breakerThreshold ?? 5),
    });
    // Timeouts are not retried: a hung vendor would hold the request for every attempt's
    // timeout (3 x 10 s, capped only by the 25 s deadline) instead of one.
    this.retries = retry(handleWhen(isRetryable), { maxAttempts: options.retries ?? 2, backoff });
  }

  /**
   * This client for one GraphQL request: a plain object holding the request's scope (its
   * deadline, the credentials it sent, its call stats) beside this shared pool, breaker and
   * policies. Built per request and source; nothing in it outlives the request.
   */
  forRequest(scope: RequestScope): RequestClient {
    return {
      origin: this.origin,
      concurrency: this.concurrency,
      call: (endpoint, call) => this.call(endpoint, call ?? {}, scope),
      requestCredentials: () => scope.credentials.get(this.origin.source),
    };
  }

  /** Runs one described call: its path filled and encoded, its answer checked and validated. */
  async call<S extends z.ZodType>(endpoint: Endpoint<S>, call: EndpointCall, scope?: RequestScope): Promise<z.output<S>> {
    const request: UpstreamRequest = {
      method: endpoint.method,
      idempotent: endpoint.safeToRepeat,
      path: this.fillPath(endpoint, call),
      ...(endpoint.fixedQuery || call.query ? { query: { ...endpoint.fixedQuery, ...call.query } } : {}),
      ...(call.body !== undefined ? { body: call.body } : {}),
      ...(endpoint.errorInBody ? { errorInBody: endpoint.errorInBody } : {}),
    };
    const send = () => this.sendOnce(request, scope);
    let body: unknown;
    // Awaited here rather than in a method of its own: each async layer is a promise and a
    // microtask more per vendor call (issue 17).
    try {
      try {
        ({ body } = await this.breaker.execute(send));
      } catch (error) {
        // Requests safe to repeat are retried on vendor failures; others are sent once.
        if (!request.idempotent || !(error instanceof Error) || !isRetryable(error)) throw error;
        ({ body } = await this.retryAfterFailure(error, send));
      }
    } catch (error) {
      if (isBrokenCircuitError(error)) {
        throw new GatewayError(
          ErrorCode.UPSTREAM_UNAVAILABLE,
          `${this.origin.vendor} source "${this.origin.source}" is failing; calls are paused for a few seconds (circuit open).`,
          this.origin,
        );
      }
      throw error;
    }
    try {
      return parseResponse(endpoint.response, body, this.origin, endpoint.name);
    } catch (error) {
      // A 2xx of the wrong shape (an empty 204 included): the vendor may have acted.
      if (error instanceof GatewayError) error.ambiguous = true;
      throw error;
    }
  }

  /**
   * The retries after a first attempt that failed with `failure`, run by cockatiel's retry
   * policy (attempts, backoff, the vendor's Retry-After) as if it had run the first attempt
   * too: the policy's first attempt hands it that failure, and each later one goes through
   * the breaker again. The first attempt itself goes through the breaker alone: the retry
   * policy and its wrapper around every call cost 6 of 48 us of client CPU per vendor call
   * (median of ten alternating rounds, issue 17), and nearly every call succeeds.
   */
  private retryAfterFailure(failure: Error, send: () => Promise<UpstreamResponse>): Promise<UpstreamResponse> {
    let first: Error | undefined = failure;
    return this.retries.execute(() => {
      if (first === undefined) return this.breaker.execute(send);
      const failed = first;
      first = undefined;
      throw failed;
    });
  }

  /** The endpoint's path with its `{name}` segments filled from the call's params, each encoded. */
  private fillPath(endpoint: Endpoint, call: EndpointCall): string {
    const parts = pathTemplate(endpoint);
    let path = parts[0] ?? '';
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i] ?? '';
      const value = call.params?.[name];
      if (value === undefined) throw new Error(`${endpoint.name}: no value for path parameter "${name}"`);
      // An empty or dot segment would change which resource the path names (URL parsers
      // resolve "." and ".." even percent-encoded): refused before anything is sent.
      if (value === '' || value === '.' || value === '..') throw badUserInput(`"${value}" cannot name a ${this.origin.vendor} object.`);
      path += encodePathSegment(value) + (parts[i + 1] ?? '');
    }
    return path;
  }

  /**
   * One attempt, as an OpenTelemetry span (no-op unless the process registers an OTel SDK).
   * The span names the vendor, source, method, path and status; never the query string,
   * which may carry a vendor token (Icareus' Archive API), nor any header. A span that
   * records (an SDK is registered and sampled it) is made the active one for the attempt;
   * the no-op span is not, which spares every call a context copy (issue 17).
   */
  private sendOnce(request: UpstreamRequest, scope: RequestScope | undefined): Promise<UpstreamResponse> {
    const { origin } = this.options;
    const span = tracer.startSpan(`${origin.vendor} ${request.method}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'mam.source': origin.source, 'mam.vendor': origin.vendor, 'http.request.method': request.method, 'url.path': this.basePath + request.path },
    });
    if (!span.isRecording()) return this.attempt(request, scope, span);
    return context.with(trace.setSpan(context.active(), span), () => this.attempt(request, scope, span));
  }

  private async attempt(request: UpstreamRequest, scope: RequestScope | undefined, span: Span): Promise<UpstreamResponse> {
    try {
      const { origin } = this.options;
      // The per-call timeout, shortened to what is left of the GraphQL request's deadline.
      const deadline = scope?.deadline ?? Infinity;
      const timeoutMs = Math.min(this.options.timeoutMs, deadline - Date.now());
      if (timeoutMs <= 0) {
        throw new DeadlineError(`The request's deadline passed before ${origin.vendor} source "${origin.source}" was called.`, origin);
      }
      const cutByDeadline = timeoutMs < this.options.timeoutMs;
      const pathWithQuery = this.basePath + request.path + queryString(request.query);
      const headers: Record<string, string> = { accept: 'application/json' };
      const body = request.body === undefined ? undefined : JSON.stringify(request.body);
      if (body !== undefined) headers['content-type'] = 'application/json';
      this.options.authorize({ method: request.method, pathWithQuery, headers, requestCredentials: scope?.credentials.get(origin.source) });

      let status: number;
      let text: string;
      let retryAfter: string | string[] | undefined;
      const started = performance.now();
      try {
        const response = await requestText(this.pool, {
          method: request.method,
          path: pathWithQuery,
          headers,
          body,
          // undici's own per-request timers (no AbortSignal and timer object per call): the
          // answer must start, and the body keep flowing, within what is left of the budget.
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
        status = response.statusCode;
        retryAfter = response.headers['retry-after'];
        text = response.text;
      } catch (error) {
        throw transportError(error, origin, timeoutMs, cutByDeadline);
      } finally {
        if (scope) recordCall(scope, origin.source, performance.now() - started);
      }

      const answer = this.answerOf(request, scope, status, text, retryAfter);
      span.setAttribute('http.response.status_code', status);
      return answer;
    } catch (error) {
      if (error instanceof GatewayError) {
        span.setAttribute('mam.error.code', error.code);
        if (error.origin?.upstreamStatus !== undefined) span.setAttribute('http.response.status_code', error.origin.upstreamStatus);
      }
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  }

  /** A vendor's answer as data, or the GatewayError it amounts to (an error status, a body that is not JSON, an error inside a 2xx). */
  private answerOf(request: UpstreamRequest, scope: RequestScope | undefined, status: number, text: string, retryAfter: string | string[] | undefined): UpstreamResponse {
    const { origin } = this.options;
    const parsed = parseJson(text);
    if (status < 200 || status >= 300) {
      const vendorSaid = parsed.ok ? this.options.describeError?.(status, parsed.value) : undefined;
      const described = vendorSaid === undefined ? undefined : this.redact(vendorSaid, scope);
      const refused = new UpstreamError(
        codeForUpstreamStatus(status),
        `${origin.vendor} source "${origin.source}" answered HTTP ${status}${described ? `: ${described}` : ''}.`,
        { ...origin, upstreamStatus: status },
        retryAfterMs(retryAfter),
      );
      // A 500 can come after the work was done, and a 502 or 504 is a proxy that lost the
      // vendor's answer: the write may have happened. Other statuses say it was refused.
      refused.ambiguous = AMBIGUOUS_STATUSES.has(status);
      throw refused;
    }
    if (!parsed.ok) {
      // A 2xx said the vendor acted; what it did is unreadable.
      const garbled = new GatewayError(
        ErrorCode.UPSTREAM_UNAVAILABLE,
        `${origin.vendor} source "${origin.source}" sent a response that is not JSON.`,
        { ...origin, upstreamStatus: status },
      );
      garbled.ambiguous = true;
      throw garbled;
    }
    const inBody = request.errorInBody?.(parsed.value);
    if (inBody) {
      throw new GatewayError(inBody.code, `${origin.vendor} source "${origin.source}" reported an error: ${this.redact(inBody.message, scope)}.`, { ...origin, upstreamStatus: status });
    }
    return { status, body: parsed.value };
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  /** A vendor's message without any credential the call could have carried. */
  private redact(message: string, scope: RequestScope | undefined): string {
    const fromRequest = Object.values(scope?.credentials.get(this.origin.source) ?? {});
    return redactSecrets(message, [...(this.options.secrets ?? []), ...fromRequest]);
  }
}

/** Each endpoint's path split once into literal parts (even indices) and parameter names (odd). */
const pathTemplates = new WeakMap<Endpoint, readonly string[]>();

function pathTemplate(endpoint: Endpoint): readonly string[] {
  let parts = pathTemplates.get(endpoint);
  if (!parts) {
    parts = endpoint.path.split(/\{([A-Za-z_]+)\}/);
    pathTemplates.set(endpoint, parts);
  }
  return parts;
}

/** Counts the call and its time in the request's per-source stats (for the request log). */
function recordCall(scope: RequestScope, source: string, ms: number): void {
  const stats = scope.upstream;
  const entry = stats.get(source) ?? { calls: 0, totalMs: 0 };
  entry.calls += 1;
  entry.totalMs += ms;
  stats.set(source, entry);
}

/** Retry-After as seconds or an HTTP date (RFC 9110), in milliseconds from now. */
function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
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

function transportError(error: unknown, origin: ErrorOrigin, timeoutMs: number, cutByDeadline: boolean): GatewayError {
  const timedOut =
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'));
  // Sent, then no answer: a timeout or a connection the other side closed. (A refused
  // connection never carried the request, so the vendor cannot have acted.)
  const ambiguous = timedOut || error instanceof undiciErrors.SocketError;
  let mapped: GatewayError;
  if (timedOut && cutByDeadline) {
    mapped = new DeadlineError(`${origin.vendor} source "${origin.source}" had not answered when the request's deadline passed (${timeoutMs} ms left).`, origin);
  } else if (timedOut) {
    mapped = new GatewayError(ErrorCode.UPSTREAM_TIMEOUT, `${origin.vendor} source "${origin.source}" did not answer within ${timeoutMs} ms.`, origin);
  } else {
    mapped = new GatewayError(ErrorCode.UPSTREAM_UNAVAILABLE, `${origin.vendor} source "${origin.source}" could not be reached.`, origin);
  }
  mapped.ambiguous = ambiguous;
  return mapped;
}
