// A vendor call described as data (src/vendors/<vendor>/endpoints.ts lists every call an
// adapter makes). The upstream client runs these descriptions, so retries, the circuit
// breaker and error mapping treat every vendor the same way:
//
// - `safeToRepeat` decides retries, never the HTTP verb: Icareus writes are GETs and must
//   go out once; iconik's and Nomad's searches are POSTs that may be repeated.
// - `errorInBody` reads a vendor's error reported inside a 2xx answer (Icareus'
//   `status: "error"`, NCP's non-zero `code`) as part of the call, where retries and the
//   breaker see it, instead of after it in each adapter.
// - `response` validates the answer like every read (a write's answer too: an empty 204 or a
//   wrong shape where the vendor documents a body is an error, not success).
// - `reference` names the spec operation or vendor page the description comes from; the
//   contract tests check the table against it.
import type { z } from 'zod';
import type { ErrorCode } from '../errors.js';
import type { HttpMethod, QueryValue } from './http.js';

/** A vendor's error found inside a 2xx answer: our code and a client-safe message. */
export interface BodyError {
  readonly code: ErrorCode;
  readonly message: string;
}

export interface Endpoint<S extends z.ZodType = z.ZodType> {
  /** Short name for logs, spans and errors ("asset by id"). */
  readonly name: string;
  readonly method: HttpMethod;
  /** Path below the base URL; `{name}` segments are filled from `params`, URL-encoded. */
  readonly path: string;
  /** Query parameters every call sends (Icareus' `action`). */
  readonly fixedQuery?: Readonly<Record<string, string>>;
  /** True for reads, and for writes the vendor documents as idempotent: only these retry. */
  readonly safeToRepeat: boolean;
  /** The 2xx answer's shape (fields the adapter reads). */
  readonly response: S;
  /** How the vendor reports an error inside a 2xx answer, if it does. */
  readonly errorInBody?: (body: unknown) => BodyError | undefined;
  /** Where this call is documented: spec operation or vendor page (see docs/vendors.md). */
  readonly reference: string;
}

export interface EndpointCall {
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: unknown;
}
