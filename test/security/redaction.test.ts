// A vendor that echoes the credentials it received must not leak them: vendor messages are
// cut of every configured or per-request secret, in each URL encoding, before they reach
// the client or the log. Before, the echoed token reached both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLogSink } from '../../src/logger.js';
import { encodeGlobalId } from '../../src/ids.js';
import { startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';

let h: DemoHarness;
const logLines: string[] = [];
beforeAll(async () => {
  setLogSink((line) => logLines.push(line));
  h = await startDemoHarness();
});
afterAll(async () => {
  await h.stop();
  setLogSink(null);
});

const credentials = (vendor: string) => (h.demo.config.sources.find((s) => s['vendor'] === vendor)?.['credentials'] ?? {}) as Record<string, string>;

describe('vendor messages are redacted', () => {
  it('cuts an echoed iconik token (as is and percent-encoded) out of the client error and the log', async () => {
    const { authToken } = credentials('ICONIK');
    h.demo.iconik.faults.inject({
      fault: { kind: 'status', status: 400, body: { errors: [`token ${authToken} (${encodeURIComponent(authToken ?? '')}) is not allowed here`] } },
      times: 1,
    });
    const res = await h.gql(`{ assets(first: 1, filter: { sources: ["iconik-demo"] }) { edges { cursor } } }`);
    expect(res.body.errors?.[0]?.message).toContain('[redacted]');
    expect(res.text).not.toContain(authToken);
    expect(logLines.join('\n')).not.toContain(authToken);
  });

  it('cuts the Icareus archive token out of an Archive API error that quotes the query string', async () => {
    const { archiveToken } = credentials('ICAREUS');
    const asset = [...h.demo.icareus.state.assets.values()].find((a) => a.organizationId === 2631609);
    h.demo.icareus.faults.inject({
      fault: { kind: 'status', status: 200, body: { status: 'error', message: `permission denied for action=deleteAsset&token=${new URLSearchParams({ t: archiveToken ?? '' }).toString().slice(2)}` } },
      times: 1,
      match: 'GET /api/archive',
    });
    const res = await h.gql(`mutation($ids: [ID!]!) { deleteAssets(input: { ids: $ids }) { results { ok error { code message } } } }`, {
      ids: [encodeGlobalId('Asset', 'icareus-demo', String(asset?.id))],
    });
    const [result] = (res.body.data?.['deleteAssets'] as { results: Array<{ ok: boolean; error: { code: string; message: string } }> }).results;
    expect(result?.ok).toBe(false);
    expect(result?.error.message).toContain('[redacted]');
    expect(res.text).not.toContain(archiveToken);
    expect(logLines.join('\n')).not.toContain(archiveToken);
  });
});
