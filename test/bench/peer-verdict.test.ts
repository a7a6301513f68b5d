import { describe, expect, it } from 'vitest';
import { peerRows, type PeerRow } from '../../bench/mesh-peer.js';

// The peer's verdict names the bound that keeps a shape under 10x Mesh, from the same run.
const side = (requestsPerSecond: number, cpuMsPerRequest: number, benchProcessCores = 0.5) => ({
  calls: 1,
  requestsPerSecond,
  cpuMsPerRequest,
  failed: 0,
  warmUpCpuMs: [],
  benchProcessCores,
});
const row: PeerRow = {
  shape: 'one asset under two aliases',
  ours: side(1687, 0.526),
  mesh: side(515, 2.069),
  floor: { inMemoryCpuMs: 0.1, bareUpstreamCpuMs: 0.069, cpuMsPerRequest: 0.169, maxRequestsPerSecond: 5917 },
};
const verdict = (stockTrivialCpuMs?: number) => peerRows([row], stockTrivialCpuMs).find((line) => line.measure.endsWith('req/s and CPU/request'))?.holds;

describe('peer verdict', () => {
  it("prints what stock Apollo's trivial query allows on one core beside the same-shape floor", () => {
    expect(verdict(0.21)).toBe(
      "NO (same-shape floor 0.169 ms allows 5917 req/s on one core = 11.5x Mesh; stock Apollo's trivial query alone (0.210 ms, no vendor call) allows 4762 req/s = 9.2x Mesh)",
    );
  });

  it('prints the floor alone when no stock baseline was measured (npm run bench:peer)', () => {
    expect(verdict()).toBe('NO (same-shape floor 0.169 ms allows 5917 req/s on one core = 11.5x Mesh)');
  });
});
