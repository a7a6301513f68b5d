// Fails when src/generated/ is stale: regenerates from codegen.yml and the vendors' response
// schemas in memory (nothing is written) and compares with the committed files. Fix with
// `npm run codegen`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { parse } from 'yaml';
import { OUTPUT_DIR, generateResponseValidators } from './generate-response-validators.mjs';

const config = parse(readFileSync('codegen.yml', 'utf8'));
const outputs = [...(await generate({ ...config, silent: true }, false)), ...(await generateResponseValidators())];
const stale = outputs.filter(({ filename, content }) => {
  let current = '';
  try {
    current = readFileSync(filename, 'utf8');
  } catch {
    return true;
  }
  return current !== content;
});
// A file the generator no longer makes (a vendor folder removed) is stale too.
for (const file of readdirSync(OUTPUT_DIR)) {
  const filename = join(OUTPUT_DIR, file);
  if (!outputs.some((output) => output.filename === filename)) stale.push({ filename });
}
if (stale.length > 0) {
  console.error(`Generated files are stale: ${stale.map((o) => o.filename).join(', ')}. Run \`npm run codegen\` and commit.`);
  process.exit(1);
}
console.log(`codegen: ${outputs.length} generated file(s) up to date`);
