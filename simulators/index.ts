// Starts every vendor simulator with fresh demo credentials and returns a gateway
// configuration pointing at them: the embedded default behind `npm start`.
import { randomBytes } from 'node:crypto';
import { startIconikSimulator, type IconikSimulator } from './iconik/server.js';

export interface DemoSimulators {
  readonly iconik: IconikSimulator;
  /** Gateway configuration (unvalidated, as if read from GATEWAY_CONFIG) for these simulators. */
  readonly config: { sources: Array<Record<string, unknown>> };
  close(): Promise<void>;
}

export interface DemoOptions {
  /** Fixed ports (for `npm run simulators`); default: free ports. */
  readonly ports?: { readonly iconik?: number };
}

/** Random per-run demo credentials: nothing secret is committed, and each run differs. */
const demoSecret = () => randomBytes(18).toString('base64url');

export async function startDemoSimulators(options: DemoOptions = {}): Promise<DemoSimulators> {
  const iconikCredentials = { appId: `demo-app-${demoSecret().slice(0, 8)}`, authToken: demoSecret() };
  const iconik = await startIconikSimulator({ ...iconikCredentials, ...(options.ports?.iconik ? { port: options.ports.iconik } : {}) });
  return {
    iconik,
    config: {
      sources: [{ name: 'iconik-demo', vendor: 'ICONIK', baseUrl: iconik.baseUrl, credentials: iconikCredentials }],
    },
    close: async () => {
      await iconik.close();
    },
  };
}
