// iconik's OpenAPI (docs/iconik/iconik-openapi.json, ISC licence) as a contract checker:
// finds the operation of a recorded request and validates its query, body and answer
// with ajv, $refs resolved against the document's components.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

interface Operation {
  readonly parameters?: ReadonlyArray<{ name: string; in: string; required?: boolean }>;
  readonly requestBody?: { content?: Record<string, { schema?: object }> };
  readonly responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}

interface OpenApi {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

export const iconikSpec = JSON.parse(readFileSync(new URL('../../docs/iconik/iconik-openapi.json', import.meta.url), 'utf8')) as OpenApi;

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
// iconik's schemas use a non-standard "bool" format on booleans; the type already says it.
ajv.addFormat('bool', true);
ajv.addSchema({ components: iconikSpec.components }, 'iconik');
// OpenAPI's $refs are "#/components/schemas/X": point them at the registered document.
const rewrite = (schema: unknown): unknown =>
  Array.isArray(schema)
    ? schema.map(rewrite)
    : schema && typeof schema === 'object'
      ? Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? `iconik${v}` : rewrite(v)]))
      : schema;
ajv.removeSchema('iconik');
ajv.addSchema(rewrite({ components: iconikSpec.components }) as object, 'iconik');

const compiled = new Map<object, ValidateFunction>();
function validator(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(rewrite(schema) as object);
    compiled.set(schema, validate);
  }
  return validate;
}

const templates = Object.keys(iconikSpec.paths).map((template) => ({
  template,
  regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  // Literal segments first: /collections/{id}/ loses to /collections/contents-like literals.
  literal: template.replace(/\{[^}]+\}/g, '').length,
}));

/** The OpenAPI operation for a method and a path below /API, most literal template first. */
export function findOperation(method: string, path: string): { template: string; operation: Operation } | null {
  const candidates = templates
    .filter(({ template, regex }) => regex.test(path) && iconikSpec.paths[template]?.[method.toLowerCase()])
    .sort((a, b) => b.literal - a.literal);
  const best = candidates[0];
  return best ? { template: best.template, operation: iconikSpec.paths[best.template]?.[method.toLowerCase()] as Operation } : null;
}

/** Problems of one exchange against its operation; empty when it conforms. */
export function checkExchange(operation: Operation, query: URLSearchParams, body: unknown, status: number, response: unknown): string[] {
  const problems: string[] = [];
  const declared = new Set((operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
  for (const name of query.keys()) if (!declared.has(name)) problems.push(`query parameter "${name}" is not declared`);
  const requestSchema = operation.requestBody?.content?.['application/json']?.schema;
  if (body !== undefined) {
    if (!requestSchema) problems.push('sends a body the operation does not take');
    else if (!validator(requestSchema)(body)) problems.push(`request body: ${ajv.errorsText(validator(requestSchema).errors)}`);
  }
  const answer = operation.responses[String(status)];
  if (!answer) {
    if (!operation.responses['default']) problems.push(`status ${status} is not declared`);
    return problems;
  }
  const responseSchema = answer.content?.['application/json']?.schema;
  if (responseSchema && status < 300 && !validator(responseSchema)(response)) {
    problems.push(`response ${status}: ${ajv.errorsText(validator(responseSchema).errors)}`);
  }
  return problems;
}

/** Property names a component schema declares. */
export function declaredFields(schemaName: string): Set<string> {
  return new Set(Object.keys(iconikSpec.components.schemas[schemaName]?.properties ?? {}));
}
