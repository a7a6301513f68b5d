// Starts every vendor simulator with fresh demo credentials and returns a gateway
// configuration pointing at them: the embedded default behind `npm start`.
import { ICONIK_DEMO_STORAGE_ID } from './iconik/media.js';
import { randomBytes } from 'node:crypto';
import { DEMO_ORGANIZATION_ID, PARTNER_ORGANIZATION_ID } from './icareus/seed.js';
import { startIcareusSimulator, type IcareusSimulator } from './icareus/server.js';
import { startIconikSimulator, type IconikSimulator } from './iconik/server.js';
import { startNcpSimulator, type NcpSimulator } from './ncp/server.js';
import { startNomadSimulator, type NomadSimulator } from './nomad/server.js';

export interface DemoSimulators {
  readonly iconik: IconikSimulator;
  readonly icareus: IcareusSimulator;
  readonly ncp: NcpSimulator;
  readonly nomad: NomadSimulator;
  /** Gateway configuration (unvalidated, as if read from GATEWAY_CONFIG) for these simulators. */
  readonly config: { sources: Array<Record<string, unknown>>; webhooks: { secret: string } };
  close(): Promise<void>;
}

export interface DemoPorts {
  readonly iconik?: number;
  readonly icareus?: number;
  readonly ncp?: number;
  readonly nomad?: number;
}

export const DEMO_NCP_WORKSPACE = 'demo-workspace';

/** `npm run simulators` listens on SIMULATOR_BASE_PORT and the three ports after it (iconik, Icareus, NCP, Nomad). */
export const DEFAULT_SIMULATOR_BASE_PORT = 4101;

/**
 * The four ports of `npm run simulators` from the environment: SIMULATOR_BASE_PORT (default
 * 4101) and the next three, or free ports chosen by the system when it is 0.
 */
export function simulatorPortsFrom(env: NodeJS.ProcessEnv): DemoPorts {
  const text = env['SIMULATOR_BASE_PORT'];
  const base = text === undefined || text === '' ? DEFAULT_SIMULATOR_BASE_PORT : Number(text);
  if (!Number.isInteger(base) || base < 0 || base > 65_532) {
    throw new Error(`SIMULATOR_BASE_PORT must be 0 (free ports) or a port up to 65532, not "${text}".`);
  }
  if (base === 0) return {};
  return { iconik: base, icareus: base + 1, ncp: base + 2, nomad: base + 3 };
}

/** Random per-run demo credentials: nothing secret is committed, and each run differs. */
const demoSecret = () => randomBytes(18).toString('base64url');
const portOption = (port: number | undefined) => (port ? { port } : {});

export async function startDemoSimulators(options: { ports?: DemoPorts; latencyMs?: number } = {}): Promise<DemoSimulators> {
  const ports = options.ports ?? {};
  const latency = options.latencyMs ? { latencyMs: options.latencyMs } : {};
  const iconikCredentials = { appId: `demo-app-${demoSecret().slice(0, 8)}`, authToken: demoSecret() };
  const icareusCredentials = { userToken: demoSecret(), archiveToken: demoSecret() };
  const ncpCredentials = { accessKey: `DEMO${demoSecret().slice(0, 16)}`, secretKey: demoSecret() };
  const nomadCredentials = { token: demoSecret() };

  const started = await Promise.allSettled([
    startIconikSimulator({ ...iconikCredentials, ...portOption(ports.iconik), ...latency }),
    startIcareusSimulator({ ...icareusCredentials, ...portOption(ports.icareus), ...latency }),
    startNcpSimulator({ workspaceName: DEMO_NCP_WORKSPACE, ...ncpCredentials, ...portOption(ports.ncp), ...latency }),
    startNomadSimulator({ ...nomadCredentials, ...portOption(ports.nomad), ...latency }),
  ] as const);
  const [iconikStart, icareusStart, ncpStart, nomadStart] = started;
  if (iconikStart.status === 'rejected' || icareusStart.status === 'rejected' || ncpStart.status === 'rejected' || nomadStart.status === 'rejected') {
    // One could not listen (a port in use): stop the others rather than leave them running.
    await Promise.all(started.flatMap((result) => (result.status === 'fulfilled' ? [result.value.close()] : [])));
    throw started.find((result) => result.status === 'rejected')?.reason;
  }
  const [iconik, icareus, ncp, nomad] = [iconikStart.value, icareusStart.value, ncpStart.value, nomadStart.value];
  return {
    iconik,
    icareus,
    ncp,
    nomad,
    config: {
      sources: [
        { name: 'iconik-demo', vendor: 'ICONIK', baseUrl: iconik.baseUrl, credentials: iconikCredentials, uploadStorageId: ICONIK_DEMO_STORAGE_ID },
        {
          name: 'icareus-demo',
          vendor: 'ICAREUS',
          baseUrl: icareus.baseUrl,
          organizationId: DEMO_ORGANIZATION_ID,
          otherOrganizationIds: [PARTNER_ORGANIZATION_ID],
          credentials: icareusCredentials,
        },
        {
          name: 'ncp-demo',
          vendor: 'NCP_MEDIA_INTELLIGENCE',
          baseUrl: ncp.baseUrl,
          workspaceName: DEMO_NCP_WORKSPACE,
          credentials: ncpCredentials,
        },
        { name: 'nomad-demo', vendor: 'NOMAD', baseUrl: nomad.baseUrl, credentials: nomadCredentials },
      ],
      // The iconik simulator calls the gateway back at its own address with this secret.
      webhooks: { secret: demoSecret() },
    },
    close: async () => {
      await Promise.all([iconik.close(), icareus.close(), ncp.close(), nomad.close()]);
    },
  };
}
