// Fails when src/generated/ is stale: regenerates from codegen.yml in memory (nothing is
// written) and compares with the committed files. Fix with `npm run codegen`.
import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { parse } from 'yaml';

const config = parse(readFileSync('codegen.yml', 'utf8'));
const outputs = await generate({ ...config, silent: true }, false);
const stale = outputs.filter(({ filename, content }) => {
  let current = '';
  try {
    current = readFileSync(filename, 'utf8');
  } catch {
    return true;
  }
  return current !== content;
});
if (stale.length > 0) {
  console.error(`Generated files are stale: ${stale.map((o) => o.filename).join(', ')}. Run \`npm run codegen\` and commit.`);
  process.exit(1);
}
console.log(`codegen: ${outputs.length} generated file(s) up to date`);
