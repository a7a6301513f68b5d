import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GATEWAY_ENTRY, GATEWAY_NODE_FLAGS } from '../../bench/gateway-process.js';

const scripts = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('the gateway is launched with its node flags', () => {
  it('one V8 worker thread (issue 17: peak RSS and latency at 10 clients on two cores)', () => {
    expect(GATEWAY_NODE_FLAGS).toEqual(['--v8-pool-size=1']);
  });

  it('by `npm run serve`, the production entry, as the bench launches it', () => {
    expect(scripts.serve).toMatch(new RegExp(`(^|&& )node ${GATEWAY_NODE_FLAGS.join(' ')} ${GATEWAY_ENTRY}$`));
  });

  it('by `npm start`, the demo', () => {
    expect(scripts.start).toMatch(new RegExp(`(^|&& )node ${GATEWAY_NODE_FLAGS.join(' ')} dist/simulators/demo\\.js$`));
  });
});
