// A small language for hand-written vendor contracts (Nomad, NCP, Icareus): each endpoint
// the gateway may call, with the request it accepts and the answer it gives, every part
// citing its reference. The checker compares recorded exchanges with them; the same
// descriptions tell which response fields a reference names (for the adapters' parsers).
import type { Exchange } from '../../simulators/kit/simulator-server.js';

export type Confidence = 'documented' | 'vendor sample' | 'assumption';

export type Shape =
  | { readonly kind: 'string'; readonly enum?: readonly string[]; readonly nullable?: boolean }
  | { readonly kind: 'number' | 'integer' | 'boolean' | 'any'; readonly nullable?: boolean }
  | { readonly kind: 'array'; readonly items: Shape; readonly nullable?: boolean }
  | {
      readonly kind: 'object';
      /** Field -> shape; a name ending in "?" is optional. */
      readonly fields: Readonly<Record<string, Shape>>;
      /** Other fields are allowed (the reference says the object is open). */
      readonly open?: boolean;
      readonly nullable?: boolean;
    };

export const str = (options: { enum?: readonly string[]; nullable?: boolean } = {}): Shape => ({ kind: 'string', ...options });
export const int = (nullable = false): Shape => ({ kind: 'integer', nullable });
export const num = (nullable = false): Shape => ({ kind: 'number', nullable });
export const bool = (nullable = false): Shape => ({ kind: 'boolean', nullable });
export const any: Shape = { kind: 'any', nullable: true };
export const arr = (items: Shape, nullable = false): Shape => ({ kind: 'array', items, nullable });
export const obj = (fields: Record<string, Shape>, options: { open?: boolean; nullable?: boolean } = {}): Shape => ({ kind: 'object', fields, ...options });

export interface EndpointContract {
  readonly name: string;
  readonly method: string;
  /** Path below the source's base URL. */
  readonly path: RegExp;
  /** Extra condition on the query (Icareus: the `action` parameter selects the operation). */
  readonly when?: (query: URLSearchParams) => boolean;
  /** The page, spec operation or sample this comes from, and how sure we are. */
  readonly reference: string;
  readonly confidence: Confidence;
  readonly query?: { readonly allowed: readonly string[]; readonly required?: readonly string[] };
  readonly headers?: Readonly<Record<string, RegExp>>;
  /** Request body shape; undefined: no body. */
  readonly body?: Shape;
  /** Answer shapes by status; 'error' is the shape of any non-2xx answer. */
  readonly responses: Readonly<Partial<Record<number | 'error', Shape | 'empty'>>>;
}

function checkShape(shape: Shape, value: unknown, path: string, problems: string[]): void {
  if (value === null || value === undefined) {
    if (!shape.nullable && shape.kind !== 'any') problems.push(`${path} is ${value === null ? 'null' : 'missing'}`);
    return;
  }
  switch (shape.kind) {
    case 'any':
      return;
    case 'string':
      if (typeof value !== 'string') problems.push(`${path} is not a string`);
      else if (shape.enum && !shape.enum.includes(value)) problems.push(`${path} "${value}" is not one of ${shape.enum.join(', ')}`);
      return;
    case 'integer':
      if (!Number.isInteger(value)) problems.push(`${path} is not an integer`);
      return;
    case 'number':
      if (typeof value !== 'number') problems.push(`${path} is not a number`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${path} is not a boolean`);
      return;
    case 'array':
      if (!Array.isArray(value)) problems.push(`${path} is not an array`);
      else value.forEach((item, i) => checkShape(shape.items, item, `${path}[${i}]`, problems));
      return;
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        problems.push(`${path} is not an object`);
        return;
      }
      const record = value as Record<string, unknown>;
      const names = new Set<string>();
      for (const [key, fieldShape] of Object.entries(shape.fields)) {
        const optional = key.endsWith('?');
        const name = optional ? key.slice(0, -1) : key;
        names.add(name);
        if (optional && !(name in record)) continue;
        checkShape(fieldShape, record[name], `${path}.${name}`, problems);
      }
      if (!shape.open) for (const key of Object.keys(record)) if (!names.has(key)) problems.push(`${path}.${key} is not in the reference`);
      return;
    }
  }
}

/** The endpoint an exchange is for, or null. */
export function endpointOf(contract: readonly EndpointContract[], exchange: Exchange): EndpointContract | null {
  return contract.find((e) => e.method === exchange.method && e.path.test(exchange.path) && (!e.when || e.when(exchange.query))) ?? null;
}

/** Problems of one exchange against the contract; empty when it conforms. */
export function checkAgainst(contract: readonly EndpointContract[], exchange: Exchange, basePath = ''): string[] {
  const path = exchange.path.slice(basePath.length);
  const endpoint = endpointOf(contract, { ...exchange, path });
  if (!endpoint) return [`${exchange.method} ${path}?${exchange.query.toString()}: no documented endpoint`];
  const problems: string[] = [];
  const names = [...exchange.query.keys()];
  for (const name of names) if (!endpoint.query?.allowed.includes(name)) problems.push(`query parameter "${name}" is not documented`);
  for (const name of endpoint.query?.required ?? []) if (!names.includes(name)) problems.push(`query parameter "${name}" is required`);
  for (const [header, pattern] of Object.entries(endpoint.headers ?? {})) {
    if (!pattern.test(String(exchange.headers[header] ?? ''))) problems.push(`header ${header} does not match ${pattern}`);
  }
  if (endpoint.body) checkShape(endpoint.body, exchange.body, 'body', problems);
  else if (exchange.body !== undefined) problems.push('sends a body the endpoint does not take');
  const expected = endpoint.responses[exchange.status] ?? (exchange.status >= 300 ? endpoint.responses.error : undefined);
  if (!expected) problems.push(`answer status ${exchange.status} is not documented`);
  else if (expected === 'empty') {
    if (exchange.response !== undefined) problems.push('answer has a body where none is documented');
  } else checkShape(expected, exchange.response, 'answer', problems);
  return problems.map((problem) => `${endpoint.name}: ${problem}`);
}

/** Field names a shape declares at the top level of an object (for the adapters' parsers). */
export function fieldsOf(shape: Shape): Set<string> {
  return new Set(shape.kind === 'object' ? Object.keys(shape.fields).map((key) => key.replace(/\?$/, '')) : []);
}
