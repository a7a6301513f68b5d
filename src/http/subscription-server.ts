// GraphQL subscriptions over WebSocket on /graphql: the graphql-ws protocol with `ws`, as
// Apollo Server documents it (useServer over a WebSocketServer sharing the HTTP server).
// What is ours around it:
//  - the upgrade is refused (plain HTTP answer) for other paths, for origins the CORS
//    policy does not list, and past `maxConnections`;
//  - connection_init carries credentials under the HTTP credential header names; a
//    connection whose own credentials a vendor rejects is closed (4403) there and then;
//  - only subscription operations are served here (queries and mutations go over HTTP,
//    through admission control and the vendor-call budget), validated with the same rules
//    as HTTP, at most `maxSubscriptionsPerConnection` at once;
//  - errors leave through the same normaliser as HTTP (codes, no stack traces);
//  - keep-alive pings; a slow reader's connection is closed (1013) rather than buffered.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError, OperationTypeNode, getOperationAST, parse, specifiedRules, validate, type ExecutionArgs, type GraphQLFormattedError, type GraphQLSchema, type ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { GatewayContext } from '../context.js';
import { ErrorCode, GatewayError } from '../errors.js';
import type { SubscriptionLimits } from '../live/live-updates.js';
import { SubscriptionContext } from '../live/subscription-context.js';
import { logger } from '../logger.js';
import { formatError } from '../normalize-error.js';
import type { RequestScope } from '../request-scope.js';
import { upgradeOriginAllowed, type CrossOriginPolicy } from './cross-origin.js';
import { GRAPHQL_PATH } from './http-server.js';
import { QUERY_LIMITS } from './query-limits.js';
import { vendorCallBudgetError } from './vendor-call-budget.js';

export interface SubscriptionServerOptions {
  readonly schema: GraphQLSchema;
  readonly limits: SubscriptionLimits;
  readonly crossOrigin: CrossOriginPolicy;
  /** The same reader as for HTTP headers (connection_init keys are header names). */
  readonly credentialsFromHeaders: (headers: IncomingMessage['headers']) => RequestScope['credentials'];
  /** Sources these credentials can read, and those read with the connection's own. */
  readonly readableSources: (credentials: RequestScope['credentials']) => { readable: ReadonlySet<string>; own: ReadonlySet<string> };
  /** Rejects credentials a vendor refuses (a cheap authenticated read per source); resolves to the refused sources. */
  readonly refusedSources: (credentials: RequestScope['credentials'], sources: ReadonlySet<string>) => Promise<string[]>;
  readonly makeContext: (scope: RequestScope) => GatewayContext;
  /** What every context shares (jobs, live updates). */
  readonly shared: Pick<GatewayContext, 'jobs' | 'live'>;
  /** Validation rules besides graphql's own (the HTTP endpoint's query limits and introspection rule). */
  readonly validationRules: readonly ValidationRule[];
  readonly requestDeadlineMs: number;
}

interface ConnectionState {
  credentials: RequestScope['credentials'];
  readable: ReadonlySet<string>;
  own: ReadonlySet<string>;
}

export interface SubscriptionServer {
  /** Open WebSocket connections. */
  readonly connections: () => number;
  close(): Promise<void>;
}

const SLOW_CONSUMER = 1013;

export function attachSubscriptionServer(httpServer: Server, options: SubscriptionServerOptions): SubscriptionServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/$/, '');
    if (path !== GRAPHQL_PATH) return refuseUpgrade(socket, 404, 'NOT_FOUND', `Subscriptions are served at ${GRAPHQL_PATH}.`);
    if (!upgradeOriginAllowed(options.crossOrigin, req.headers.origin, req.headers.host)) {
      return refuseUpgrade(socket, 403, 'FORBIDDEN', 'Cross-origin WebSocket connections from this origin are not allowed; list it in cors.allowedOrigins.');
    }
    if (wss.clients.size >= options.limits.maxConnections) {
      return refuseUpgrade(socket, 503, 'SERVICE_UNAVAILABLE', 'This gateway instance holds as many WebSocket connections as it accepts; retry shortly.');
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const rules = [...specifiedRules, ...options.validationRules];
  const disposable = useServer<Record<string, unknown> | undefined, { state: ConnectionState }>(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const headers: Record<string, string> = {};
        for (const [key, value] of Object.entries(params)) {
          // Credential values are strings, as HTTP headers are; anything else is a client bug.
          if (typeof value !== 'string') return false;
          headers[key.toLowerCase()] = value;
        }
        const credentials = options.credentialsFromHeaders(headers);
        const { readable, own } = options.readableSources(credentials);
        const refused = own.size > 0 ? await options.refusedSources(credentials, own) : [];
        if (refused.length > 0) {
          logger.info({ sources: refused }, 'subscription connection refused: a vendor rejected its credentials');
          return false;
        }
        ctx.extra.state = { credentials, readable, own };
        return true;
      },
      onSubscribe: (ctx, id, payload) => {
        const state = ctx.extra.state;
        if (!state) return [new GraphQLError('The connection is not initialised.')];
        // graphql-ws has already reserved this subscription's id.
        const open = Object.keys(ctx.subscriptions).filter((key) => key !== id).length;
        if (open >= options.limits.maxSubscriptionsPerConnection) {
          return [coded(`This connection already has ${open} subscriptions, the most one connection may hold; complete one or open another connection.`, 'BAD_USER_INPUT')];
        }
        let document;
        try {
          document = parse(payload.query, { maxTokens: QUERY_LIMITS.maxTokens });
        } catch (error) {
          return [coded(error instanceof GraphQLError ? error.message : 'Syntax error.', 'GRAPHQL_PARSE_FAILED')];
        }
        const errors = validate(options.schema, document, rules);
        if (errors.length > 0) return errors.map((error) => coded(error.message, 'GRAPHQL_VALIDATION_FAILED'));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [coded('Name the operation to run (operationName).', 'BAD_USER_INPUT')];
        if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
          return [coded(`Only subscriptions are served over WebSocket; send ${operation.operation} operations over HTTP POST to ${GRAPHQL_PATH}.`, 'BAD_USER_INPUT')];
        }
        // The same vendor-call budget as HTTP, per change.
        const overBudget = vendorCallBudgetError(options.schema, document, operation, payload.variables ?? {});
        if (overBudget) return [overBudget];
        const socket = ctx.extra.socket;
        const contextValue = new SubscriptionContext(options.makeContext, state.credentials, options.requestDeadlineMs, {
          readable: state.readable,
          ownCredentials: state.own,
          dropSlowConsumer: () => socket.close(SLOW_CONSUMER, 'Slow consumer: changes were not read fast enough'),
        }, options.shared);
        const args: ExecutionArgs = {
          schema: options.schema,
          document,
          contextValue,
          ...(payload.operationName ? { operationName: payload.operationName } : {}),
          ...(payload.variables ? { variableValues: payload.variables } : {}),
        };
        return args;
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map(formatted) } : undefined),
      onError: (_ctx, _id, _payload, errors) => errors.map(formatted),
    },
    wss,
    options.limits.keepAliveMs,
  );

  return {
    connections: () => wss.clients.size,
    close: () => disposable.dispose() as Promise<void>,
  };
}

function coded(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

function formatted(error: GraphQLError): GraphQLFormattedError {
  // Errors raised before execution carry their code already; a resolver's error is
  // normalised like on HTTP (GatewayError codes, everything else masked).
  const original = error.originalError ?? error;
  return formatError(error.toJSON(), original instanceof GatewayError ? original : error);
}

function refuseUpgrade(socket: Duplex, status: number, code: keyof typeof ErrorCode | 'SERVICE_UNAVAILABLE', message: string): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  const reason = { 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' }[status] ?? 'Error';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${status === 503 ? 'Retry-After: 1\r\n' : ''}Connection: close\r\n\r\n${body}`,
  );
}
