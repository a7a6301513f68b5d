// `npm run simulators` takes its ports from SIMULATOR_BASE_PORT (issue 14: they were fixed).
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { simulatorPortsFrom, startDemoSimulators } from '../../simulators/index.js';

describe('simulator ports', () => {
  it('defaults to 4101-4104, follows SIMULATOR_BASE_PORT, and takes free ports for 0', () => {
    expect(simulatorPortsFrom({})).toEqual({ iconik: 4101, icareus: 4102, ncp: 4103, nomad: 4104 });
    expect(simulatorPortsFrom({ SIMULATOR_BASE_PORT: '5200' })).toEqual({ iconik: 5200, icareus: 5201, ncp: 5202, nomad: 5203 });
    expect(simulatorPortsFrom({ SIMULATOR_BASE_PORT: '0' })).toEqual({});
    expect(() => simulatorPortsFrom({ SIMULATOR_BASE_PORT: 'http' })).toThrow(/SIMULATOR_BASE_PORT/);
  });

  it('serves the four simulators on the ports chosen', async () => {
    // A free block of four: the system picks a base; another test may take one of the next
    // three meanwhile, so a taken block is tried again elsewhere.
    for (let attempt = 0; ; attempt++) {
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      const base = Math.min((probe.address() as AddressInfo).port, 60_000);
      await new Promise((resolve) => probe.close(resolve));
      const demo = await startDemoSimulators({ ports: simulatorPortsFrom({ SIMULATOR_BASE_PORT: String(base) }) }).catch((error: unknown) => {
        if (attempt < 5 && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') return null;
        throw error;
      });
      if (!demo) continue;
      try {
        expect([demo.iconik.port, demo.icareus.port, demo.ncp.port, demo.nomad.port]).toEqual([base, base + 1, base + 2, base + 3]);
        expect(demo.config.sources.map((source) => source['baseUrl'])).toContain(`http://127.0.0.1:${base}/API/`);
      } finally {
        await demo.close();
      }
      return;
    }
  });
});
