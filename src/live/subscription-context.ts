// The context of one subscription. A subscription lives for hours, but the gateway's
// per-request machinery (deadline, upstream stats, DataLoader caches) is made for one
// request; so each change a subscription delivers is resolved as a request of its own:
// `renew()` swaps in a fresh scope and loaders before the change is executed. graphql-ws
// executes one change of a subscription at a time, so a renewal never races a resolution.
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
  private current: GatewayContext;
  readonly connection: LiveConnection;

  constructor(
    private readonly make: (scope: RequestScope) => GatewayContext,
    private readonly credentials: RequestScope['credentials'],
    private readonly deadlineMs: number,
    connection: Omit<LiveConnection, 'renew'>,
  ) {
    this.current = make(this.scopeNow());
    this.connection = { ...connection, renew: () => (this.current = this.make(this.scopeNow())) };
  }

  get scope() {
    return this.current.scope;
  }
  get sources() {
    return this.current.sources;
  }
  get loaders() {
    return this.current.loaders;
  }
  get sourceErrors(): GraphQLFormattedError[] {
    return this.current.sourceErrors;
  }
  get cache() {
    return this.current.cache;
  }
  get jobs() {
    return this.current.jobs;
  }
  get live() {
    return this.current.live;
  }

  private scopeNow(): RequestScope {
    return { requestId: `ws-${randomUUID()}`, upstream: new Map(), deadline: Date.now() + this.deadlineMs, credentials: this.credentials };
  }
}
