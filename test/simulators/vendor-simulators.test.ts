import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedHeaders } from '../../src/vendors/ncp/sign-request.js';
import { startIcareusSimulator, type IcareusSimulator } from '../../simulators/icareus/server.js';
import { startNcpSimulator, type NcpSimulator } from '../../simulators/ncp/server.js';
import { startNomadSimulator, type NomadSimulator } from '../../simulators/nomad/server.js';

async function call(url: string, init: RequestInit = {}) {
  const res = await fetch(url, init);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('Icareus simulator', () => {
  let sim: IcareusSimulator;
  const auth = { authorization: 'Bearer user-token' };
  beforeAll(async () => {
    sim = await startIcareusSimulator({ userToken: 'user-token' });
  });
  afterAll(async () => sim.close());
  const bin = (query: string, headers: Record<string, string> = auth) =>
    call(`${sim.baseUrl}api/recyclebin?organizationId=2631609&${query}`, { headers });

  it('answers Archive API failures with HTTP 200 and "status":"error"', async () => {
    expect(await call(`${sim.baseUrl}api/archive?action=getOrganizationAssets&organizationId=2631609`)).toEqual({
      status: 200,
      body: { status: 'error', message: 'invalid-token' },
    });
    expect(await call(`${sim.baseUrl}api/archive?action=getOrganizationAssets&organizationId=1`, { headers: auth })).toEqual({
      status: 200,
      body: { status: 'error', message: 'organization-not-found' },
    });
  });

  it('accepts the userToken header as well as a Bearer token', async () => {
    const res = await call(`${sim.baseUrl}api/archive?action=getOrganizationAssets&organizationId=2631609&limit=2`, {
      headers: { userToken: 'user-token' },
    });
    expect(res.body['status']).toBe('ok');
    expect(res.body['assets']).toHaveLength(2);
  });

  it('recovers, deletes and empties the recycle bin with state, answering non-200 on failure', async () => {
    expect((await bin('action=getAssets', {})).status).toBe(401);
    const listed = (await bin('action=getAssets')).body['assets'] as Array<{ id: number; deletedAt: string; deletedAt_ms: number }>;
    expect(listed).toHaveLength(2);
    expect(listed[0]?.deletedAt).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d \(UTC\)$/);
    const [first, second] = listed;

    const recovered = await bin(`action=recoverAsset&assetId=${first?.id}`);
    expect(recovered).toMatchObject({ status: 200, body: { status: 'ok', asset: { id: first?.id } } });
    expect(sim.state.assets.has(first?.id ?? 0)).toBe(true);
    expect((await bin(`action=recoverAsset&assetId=${first?.id}`)).status).toBe(404);

    expect(await bin(`action=deleteAsset&assetId=${second?.id}`)).toEqual({
      status: 200,
      body: { message: 'asset-permanently-deleted', assetId: second?.id, status: 'ok' },
    });
    const restored = sim.state.assets.get(first?.id ?? 0);
    if (!restored) throw new Error('recovered asset missing');
    sim.state.recycleBin.set(42, { asset: { ...restored, id: 42 }, deletedAtMs: Date.now() });
    expect((await bin('action=emptyRecycleBin')).body).toEqual({ message: 'assets-deleted', status: 'ok' });
    expect((await bin('action=getAssets')).body['assets']).toEqual([]);
  });
});

describe('NCP simulator', () => {
  let sim: NcpSimulator;
  const keys = { accessKey: 'AK', secretKey: 'SK' };
  beforeAll(async () => {
    sim = await startNcpSimulator({ workspaceName: 'ws', ...keys });
  });
  afterAll(async () => sim.close());
  const signed = (method: string, pathWithQuery: string, at = Date.now(), secretKey = keys.secretKey, contentType = 'application/json') =>
    call(`${sim.origin}${pathWithQuery}`, {
      method,
      headers: { ...signedHeaders({ method, pathWithQuery, accessKey: 'AK', secretKey }, at), ...(contentType ? { 'content-type': contentType } : {}) },
    });

  it('verifies the signature and the five-minute clock skew', async () => {
    expect(await signed('GET', '/api/v1/workspaces/ws/projects')).toMatchObject({ status: 200, body: { code: '0', message: 'success' } });
    expect(await signed('GET', '/api/v1/workspaces/ws/projects', Date.now(), 'other')).toEqual({
      status: 401,
      body: { error: { errorCode: '200', message: 'Authentication Failed', details: 'Invalid authentication information.' } },
    });
    expect((await signed('GET', '/api/v1/workspaces/ws/projects', Date.now() - 6 * 60_000)).status).toBe(401);
    expect((await call(`${sim.origin}/api/v1/workspaces/ws/projects`)).status).toBe(401);
    // Content-Type is among the required common headers.
    expect(await signed('GET', '/api/v1/workspaces/ws/projects', Date.now(), keys.secretKey, '')).toMatchObject({ status: 400, body: { code: '10001' } });
  });

  it('lists projects whole and assets by pageNum/pageSize, with the documented fields', async () => {
    const projects = await signed('GET', '/api/v1/workspaces/ws/projects');
    const result = projects.body['result'] as { projects: unknown[]; totalCount: number };
    expect(result.totalCount).toBe(3);
    expect(result.projects[0]).toMatchObject({ projectId: 1234, name: 'Drama Season 3 Promos', isBaseProject: true });
    const page = await signed('GET', '/api/v1/workspaces/ws/projects/1234/assets?pageNum=2&pageSize=3');
    expect(page.body['result']).toMatchObject({ totalCount: 4, totalPage: 2, pageNo: 2, pageSize: 3, content: [{ fileName: 'poster-main.jpg' }] });
    expect((await signed('GET', '/api/v1/workspaces/ws/projects/1234/assets')).status).toBe(400);
  });

  it('moves an asset to another project with a signed PATCH, as documented', async () => {
    const res = await signed('PATCH', '/api/v1/workspaces/ws/projects/1234/assets/1001?new_project_id=5678');
    expect(res).toMatchObject({ status: 200, body: { code: '0', result: { assetId: 1001, projectId: 5678 } } });
    expect((await signed('GET', '/api/v1/workspaces/ws/projects/1234/assets/1001')).status).toBe(404);
    expect((await signed('GET', '/api/v1/workspaces/ws/projects/5678/assets/1001')).body['code']).toBe('0');
  });
});

describe('Nomad simulator', () => {
  let sim: NomadSimulator;
  const headers = { authorization: 'Bearer nomad-token', 'content-type': 'application/json' };
  beforeAll(async () => {
    sim = await startNomadSimulator({ token: 'nomad-token', settleMs: 50 });
  });
  afterAll(async () => sim.close());
  const byName = (name: string) => [...sim.state.assets.values()].find((a) => a.displayName === name);

  it('runs batch Move asynchronously: Moving first, then the new parent', async () => {
    const file = byName('press-kit.pdf');
    const destination = byName('Productions');
    const res = await call(`${sim.origin}/admin/asset/move`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ targetIds: [file?.id], actionArguments: { destinationFolderAssetId: destination?.id } }),
    });
    expect(res).toMatchObject({ status: 200, body: { items: [{ id: file?.id, assetStatus: 'Moving' }], totalItemCount: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 120));
    const after = await call(`${sim.origin}/admin/asset/${file?.id}`, { headers });
    expect(after.body).toMatchObject({ parentId: destination?.id, assetStatus: 'Available' });
  });

  it('archives and restores through the documented statuses, and 401s without a token', async () => {
    const file = byName('festival-trailer.mp4');
    // The per-asset endpoints answer IdModel only; the status is read with GET.
    const archived = await call(`${sim.origin}/admin/asset/${file?.id}/archive`, { method: 'POST', headers, body: '{}' });
    expect(archived.body).toEqual({ id: file?.id });
    expect((await call(`${sim.origin}/admin/asset/${file?.id}`, { headers })).body).toMatchObject({ assetStatus: 'PendingArchive', assetType: 'File' });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(byName('festival-trailer.mp4')?.assetStatus).toBe('Archived');
    const restored = await call(`${sim.origin}/admin/asset/${file?.id}/restore`, { method: 'POST', headers, body: '{}' });
    expect(restored.body).toEqual({ id: file?.id });
    expect((await call(`${sim.origin}/admin/asset/${file?.id}`, { headers })).body).toMatchObject({ assetStatus: 'PendingRestore' });
    expect((await call(`${sim.origin}/admin/asset/${file?.id}`)).status).toBe(401);
  });
});
