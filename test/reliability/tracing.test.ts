import { trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';

// With an OpenTelemetry SDK registered (here an in-memory one), every upstream call is a
// client span naming vendor, source, method, path and status, and nothing secret.
const exporter = new InMemorySpanExporter();
let h: DemoHarness;
beforeAll(async () => {
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  h = await startDemoHarness();
});
afterAll(async () => {
  await h.stop();
  trace.disable();
});

describe('OpenTelemetry tracing of upstream calls', () => {
  it('records one span per vendor call with safe attributes', async () => {
    exporter.reset();
    await h.gql('{ assets(first: 100) { edges { cursor } } }');
    const spans = exporter.getFinishedSpans();
    const upstreamCalls = [h.demo.iconik, h.demo.icareus, h.demo.ncp, h.demo.nomad].reduce((n, sim) => n + sim.requests.length, 0);
    expect(spans).toHaveLength(upstreamCalls);
    const icareus = spans.find((span) => span.attributes['mam.vendor'] === 'ICAREUS');
    expect(icareus?.name).toBe('ICAREUS GET');
    expect(icareus?.attributes).toMatchObject({ 'mam.source': 'icareus-demo', 'url.path': '/api/archive', 'http.response.status_code': 200 });
    const serialized = JSON.stringify(spans.map((span) => span.attributes));
    expect(serialized).not.toMatch(/token|authorization|signature|\?/i);
  });
});
