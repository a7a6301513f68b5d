import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIconikSimulator, type IconikSimulator } from '../../simulators/iconik/server.js';

let sim: IconikSimulator;
const auth = { 'App-ID': 'app', 'Auth-Token': 'tok' };
beforeAll(async () => {
  sim = await startIconikSimulator({ appId: 'app', authToken: 'tok' });
});
afterAll(async () => sim.close());

async function get(path: string, headers: Record<string, string> = auth) {
  const res = await fetch(`${sim.baseUrl}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('iconik simulator', () => {
  it('requires App-ID and Auth-Token, answering 401 with iconik\'s error body', async () => {
    expect(await get('assets/v1/collections/', {})).toEqual({ status: 401, body: { errors: ['Token is invalid'] } });
    expect((await get('assets/v1/collections/', { ...auth, 'Auth-Token': 'other' })).status).toBe(401);
  });

  it('pages lists with iconik\'s envelope and 404s past the last page', async () => {
    const page = await get('assets/v1/collections/?per_page=4&page=2');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ page: 2, pages: 3, per_page: 4, total: 11 });
    expect(page.body['objects']).toHaveLength(4);
    expect(await get('assets/v1/collections/?per_page=4&page=4')).toEqual({
      status: 404,
      body: { errors: ['Requested page does not exist'] },
    });
  });

  it('404s unknown collections and shares', async () => {
    expect((await get('assets/v1/collections/00000000-0000-0000-0000-000000000000/contents/')).status).toBe(404);
    expect((await get('assets/v1/assets/nope/shares/')).status).toBe(404);
  });

  it('searches by ids through the documented criteria body', async () => {
    const ids = [...sim.state.assets.keys()].slice(0, 3);
    const res = await fetch(`${sim.baseUrl}search/v1/search/?per_page=10`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ doc_types: ['assets'], filter: { operator: 'AND', terms: [{ name: 'id', value_in: ids }] } }),
    });
    const body = (await res.json()) as { objects: Array<{ id: string; object_type: string }>; total: number };
    expect(body.total).toBe(3);
    expect(body.objects.map((o) => o.id).sort()).toEqual([...ids].sort());
    expect(body.objects.every((o) => o.object_type === 'assets')).toBe(true);
  });
});

describe('simulator robustness', () => {
  it('keeps serving after a client abandons a request during an injected latency', async () => {
    let unhandled: unknown = null;
    const onUnhandled = (reason: unknown) => {
      unhandled = reason;
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      sim.faults.inject({ fault: { kind: 'latency', ms: 150 }, times: 1, match: 'POST /API/search/v1/search/' });
      const gaveUp = new AbortController();
      const pending = fetch(`${sim.baseUrl}search/v1/search/`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ doc_types: ['assets'] }),
        signal: gaveUp.signal,
      }).catch(() => 'aborted');
      setTimeout(() => gaveUp.abort(), 30);
      expect(await pending).toBe('aborted');
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect((await get('assets/v1/collections/')).status).toBe(200);
      expect(unhandled).toBeNull();
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
