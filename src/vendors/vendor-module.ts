// What the rest of the gateway knows about a vendor: one module per vendor
// (src/vendors/<vendor>/index.ts) exports its configuration schema, the credentials it
// needs, and `connect`, which builds the long-lived connection (pool, breaker) once at
// start-up. Each GraphQL request gets a fresh, plain adapter object from the connection
// (RESTDataSource's shape): nothing a request or tenant sets up is shared with another.
import type { z } from 'zod';
import type { Capability, Vendor } from '../generated/resolvers-types.js';
import { internalScope, type RequestScope } from '../request-scope.js';
import type { VendorAdapter } from './adapter.js';
import { capabilitiesOf } from './capabilities.js';
import type { RequestClient, UpstreamClient } from './http.js';

export interface VendorConnection {
  readonly vendor: Vendor;
  readonly capabilities: readonly Capability[];
  /** The adapter for one GraphQL request: cheap, built in the context factory. */
  forRequest(scope: RequestScope): VendorAdapter;
  /** Releases connection pools; called once at shutdown. */
  close(): Promise<void>;
}

export interface VendorModule<S extends z.ZodType = z.ZodType> {
  readonly vendor: Vendor;
  /** The source's configuration block (strict: unknown fields are configuration errors). */
  readonly configSchema: S;
  readonly credentials: {
    /** Needed on every call: configured, or sent per request through credentialHeaders. */
    readonly required: readonly string[];
    /** Needed only for some operations (Icareus' archive token for deletes). */
    readonly optional: readonly string[];
  };
  connect(config: z.output<S>): VendorConnection;
}

/**
 * The connection every vendor module's `connect` returns: the shared upstream client, and
 * a fresh adapter per request on top of it. Capabilities are derived from the ports of an
 * adapter built once at start-up (an adapter without a request makes no call).
 */
export function connectionOf(vendor: Vendor, http: UpstreamClient, adapterFor: (client: RequestClient) => VendorAdapter): VendorConnection {
  return {
    vendor,
    capabilities: capabilitiesOf(adapterFor(http.forRequest(internalScope(0)))),
    forRequest: (scope) => adapterFor(http.forRequest(scope)),
    close: () => http.close(),
  };
}
