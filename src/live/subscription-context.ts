// The context of one subscription. A subscription lives for hours, but the gateway's
// per-request machinery (deadline, upstream stats, DataLoader caches) is made for one
// request; so each change a subscription delivers is resolved as a request of its own:
// `renew()` drops the current scope and loaders, and the next resolver that needs them
// gets fresh ones; a change whose selection reads nothing from vendors (ids, status, time)
// builds none, which keeps an idle subscription small. graphql-ws executes one change of
// a subscription at a time, so a renewal never races a resolution.
import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from '../context.js';
import type { RequestScope } from '../request-scope.js';

export interface LiveConnection {
  /** Sources this connection may read: configured credentials, or its own from connection_init. */
  readonly readable: ReadonlySet<string>;
  /** Sources read with the connection's own credentials: each change is read back with them before it is delivered. */
  readonly ownCredentials: ReadonlySet<string>;
  /** A fresh scope and loaders for the next change. */
  readonly renew: () => void;
  /** Closes the connection because it reads changes too slowly. */
  readonly dropSlowConsumer: () => void;
}

export class SubscriptionContext implements GatewayContext {
  private current: GatewayContext | undefined;
  readonly connection: LiveConnection;

  constructor(
    private readonly make: (scope: RequestScope) => GatewayContext,
    private readonly credentials: RequestScope['credentials'],
    private readonly deadlineMs: number,
    connection: Omit<LiveConnection, 'renew'>,
    /** The same for every request: reaching them builds no per-request context. */
    private readonly shared: Pick<GatewayContext, 'jobs' | 'live'>,
  ) {
    this.connection = { ...connection, renew: () => (this.current = undefined) };
  }

  private get now(): GatewayContext {
    return (this.current ??= this.make(this.scopeNow()));
  }

  get scope() {
    return this.now.scope;
  }
  get sources() {
    return this.now.sources;
  }
  get loaders() {
    return this.now.loaders;
  }
  get sourceErrors(): GraphQLFormattedError[] {
    return this.now.sourceErrors;
  }
  get cache() {
    return this.now.cache;
  }
  get jobs() {
    return this.shared.jobs;
  }
  get live() {
    return this.shared.live;
  }

  private scopeNow(): RequestScope {
    return { requestId: `ws-${randomUUID()}`, upstream: new Map(), deadline: Date.now() + this.deadlineMs, credentials: this.credentials };
  }
}
