// Compiles every vendor answer's zod schema to a JSON Schema validator ahead of time, as
// source: src/generated/response-validators/<vendor>.ts (ajv's standalone code). The zod
// schemas in src/vendors/<vendor>/responses.ts stay the one description of each answer;
// this is their compiled form, the way src/generated/resolvers-types.ts is the schema's.
//
// Why (issue 17): compiling on the first answer kept ajv and its code generator loaded in
// every gateway that had read one: a warmed gateway kept 16.9-17.0 MB of heap live after a
// full collection instead of 18.5, and its RSS read 111-112 MB instead of 119 (two starts
// each). The validators come from the same JSON Schema through the same ajv; the gateway
// no longer generates code at run time.
//
// Inputs, per vendor folder: `<VENDOR>_ENDPOINTS` (each endpoint's `response`) and, when
// an adapter checks part of an answer on its own, `<VENDOR>_ANSWER_PARTS`, both exported
// by src/vendors/<vendor>/endpoints.ts. A schema JSON Schema cannot express (an empty 204
// answer) gets no validator and is parsed with zod at run time.
//
// `npm run codegen` writes them; `npm test` fails when they are stale (scripts/check-codegen.mjs).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { build } from 'rolldown';
import { z } from 'zod';

const VENDORS_DIR = 'src/vendors';
export const OUTPUT_DIR = 'src/generated/response-validators';
const CACHE_DIR = 'node_modules/.cache/response-validators';
const standaloneCode = standalone.default ?? standalone;

/** The JSON Schema a validator is compiled from: the same options the runtime used. */
const jsonSchemaOf = (schema) => z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'throw' });

/** Each vendor's endpoints and responses modules, compiled from TypeScript with their imports of packages left to node_modules. */
async function loadVendorModules() {
  const vendors = readdirSync(VENDORS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && readdirSync(join(VENDORS_DIR, entry.name)).includes('endpoints.ts'))
    .map((entry) => entry.name)
    .sort();
  rmSync(CACHE_DIR, { recursive: true, force: true });
  await build({
    input: Object.fromEntries(
      vendors.flatMap((vendor) => [
        [`${vendor}-endpoints`, join(VENDORS_DIR, vendor, 'endpoints.ts')],
        [`${vendor}-responses`, join(VENDORS_DIR, vendor, 'responses.ts')],
      ]),
    ),
    platform: 'node',
    external: (id) => !id.startsWith('.') && !id.startsWith('/'),
    // The modules import the files made here: an empty stand-in, so a missing or stale file
    // never feeds its own generation.
    plugins: [
      {
        name: 'without-generated-validators',
        resolveId: (id) => (id.includes('generated/response-validators/') ? '\0generated-validators' : null),
        load: (id) => (id === '\0generated-validators' ? 'export {};' : null),
      },
    ],
    logLevel: 'warn',
    output: { dir: CACHE_DIR, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
  });
  const load = (name) => import(pathToFileURL(join(process.cwd(), CACHE_DIR, `${name}.mjs`)).href);
  const modules = [];
  for (const vendor of vendors) {
    const exports = await load(`${vendor}-endpoints`);
    const endpoints = Object.entries(exports).find(([name]) => name.endsWith('_ENDPOINTS'))?.[1];
    const parts = Object.entries(exports).find(([name]) => name.endsWith('_ANSWER_PARTS'))?.[1] ?? {};
    if (!endpoints) throw new Error(`${VENDORS_DIR}/${vendor}/endpoints.ts exports no <VENDOR>_ENDPOINTS table`);
    const shared = Object.entries(await load(`${vendor}-responses`)).filter(([, value]) => value instanceof z.ZodType);
    modules.push({ vendor, endpoints, parts, shared });
  }
  rmSync(CACHE_DIR, { recursive: true, force: true });
  return modules;
}

/**
 * One vendor's module: a validator per endpoint key and per answer part (`part_<name>`).
 * The schemas responses.ts exports are compiled once and referenced (JSON Schema `$ref`)
 * from every answer that contains them, instead of inlined into each.
 */
function validatorModule({ vendor, endpoints, parts, shared }) {
  const expressible = (schema) => {
    try {
      jsonSchemaOf(schema);
      return true;
    } catch {
      return false; // not expressible in JSON Schema: zod at run time
    }
  };
  const registry = z.registry();
  const register = (schema, id) => {
    if (!registry.has(schema)) registry.add(schema, { id });
    return registry.get(schema).id;
  };
  for (const [name, schema] of shared) if (expressible(schema)) register(schema, `shared.${name}`);
  const exported = {};
  for (const [key, endpoint] of Object.entries(endpoints)) if (expressible(endpoint.response)) exported[key] = register(endpoint.response, `endpoint.${key}`);
  for (const [name, schema] of Object.entries(parts)) if (expressible(schema)) exported[`part_${name}`] = register(schema, `part.${name}`);
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-7', io: 'input', unrepresentable: 'throw', uri: (id) => id });
  const ajv = new Ajv({ strict: false, messages: false, inlineRefs: false, code: { source: true, esm: true, lines: true } });
  for (const jsonSchema of Object.values(schemas)) ajv.addSchema(jsonSchema);
  // Each schema compiled once under its own name, then exported under every name that uses
  // it (ajv's standalone code repeats a function exported under two names).
  const ids = [...new Set(Object.values(exported))];
  const compiledName = (id) => `compiled${ids.indexOf(id)}`;
  const code = [
    standaloneCode(ajv, Object.fromEntries(ids.map((id) => [compiledName(id), id]))),
    ...Object.entries(exported).map(([name, id]) => `export const ${name} = ${compiledName(id)};`),
  ].join('\n');
  if (/\brequire\(/.test(code)) throw new Error(`${vendor}: the compiled validators need ajv at run time (${/require\([^)]*\)/.exec(code)?.[0]})`);
  return [
    `// Generated by scripts/generate-response-validators.mjs from ${VENDORS_DIR}/${vendor}/; do not edit.`,
    '// Run `npm run codegen`. One JSON Schema validator (ajv standalone code) per endpoint answer and answer part.',
    '/* eslint-disable */',
    '// @ts-nocheck',
    code.replace(/^"use strict";\n?/, ''),
    '',
  ].join('\n');
}

export async function generateResponseValidators() {
  const modules = await loadVendorModules();
  return modules.map((module) => ({ filename: join(OUTPUT_DIR, `${module.vendor}.ts`), content: validatorModule(module) }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outputs = await generateResponseValidators();
  rmSync(OUTPUT_DIR, { recursive: true, force: true });
  mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const { filename, content } of outputs) writeFileSync(filename, content);
  console.log(`response validators: ${outputs.length} generated file(s) written`);
}
