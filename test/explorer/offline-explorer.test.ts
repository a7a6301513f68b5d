// The explorer a browser gets at /graphql works without internet access (issue 14): in a
// real headless Chromium (Debian's, installed by .ci/run) with every request off this
// machine refused, the page loads from the gateway alone, shows the schema, and runs the
// example operation.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

describe.runIf(existsSync(CHROMIUM))('offline explorer in headless Chromium', () => {
  let h: DemoHarness;
  let browser: Browser;
  beforeAll(async () => {
    h = await startDemoHarness();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('renders the schema and runs the example query with no request leaving the machine', async () => {
    const page = await browser.newPage();
    const offMachine: string[] = [];
    await page.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
      offMachine.push(route.request().url());
      return route.abort();
    });
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));

    await page.goto(h.gateway.url);
    await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });

    // The schema: the documentation explorer lists the Query type's fields.
    await page.getByRole('button', { name: /documentation explorer/i }).click();
    await page.getByText('Query', { exact: true }).first().click();
    await page.locator('.graphiql-doc-explorer').getByText('assets', { exact: true }).first().waitFor({ timeout: 20_000 });

    // The example operation, run from the page: its answer is shown, and it is the newest
    // assets of all four vendors (read off the wire: the editor renders only what is in view).
    const answered = page.waitForResponse((res) => res.url() === h.gateway.url && (res.request().postData() ?? '').includes('ExampleAssets'));
    await page.locator('.graphiql-execute-button').click();
    const body = (await (await answered).json()) as { data?: { assets?: { edges: Array<{ node: { source: { name: string } } }> } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(new Set(body.data?.assets?.edges.map((edge) => edge.node.source.name))).toEqual(new Set(['iconik-demo', 'icareus-demo', 'ncp-demo', 'nomad-demo']));
    await expect.poll(async () => page.locator('.graphiql-response').innerText(), { timeout: 20_000 }).toContain('"sources"');

    expect(offMachine).toEqual([]);
    expect(failures).toEqual([]);
  }, 90_000);
});
