import { afterAll, beforeAll, expect, it } from 'vitest';
import { LOG_LIMIT, startSimulatorServer, type RunningSimulator } from '../../simulators/kit/simulator-server.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulatorServer({
    routes: [{ method: 'GET', pattern: '/items/:id', handler: ({ params }) => ({ status: 200, body: { id: params['id'] } }) }],
    authenticate: () => undefined,
    notFound: () => ({ status: 404, body: { errors: ['Not found'] } }),
  });
});
afterAll(async () => sim.close());

it('keeps the newest requests and exchanges only, and counts every request received', async () => {
  const total = 2 * LOG_LIMIT + 5;
  for (let i = 0; i < total; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, total - i) }, async (_, j) => (await fetch(`${sim.origin}/items/${i + j}`)).text()));
  }
  expect(sim.receivedCount()).toBe(total);
  for (const log of [sim.requests, sim.exchanges]) {
    expect(log.length).toBeGreaterThanOrEqual(LOG_LIMIT);
    expect(log.length).toBeLessThanOrEqual(2 * LOG_LIMIT);
  }
  // The newest request is still there, with its answer.
  const newest = `/items/${total - 1}`;
  expect(sim.requests.some((request) => request.url === newest)).toBe(true);
  expect(sim.exchanges.find((exchange) => exchange.rawUrl === newest)?.response).toEqual({ id: String(total - 1) });
  expect(sim.requests.some((request) => request.url === '/items/0')).toBe(false);

  sim.clearRequests();
  expect(sim.requests).toHaveLength(0);
  expect(sim.receivedCount()).toBe(total);
});
