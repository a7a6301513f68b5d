// The configured sources: connected once at start-up (each vendor module's `connect`:
// pool, breaker), and for each GraphQL request a registry of plain adapter objects bound
// to that request's scope. Resolvers look sources up here by name.
import type { Capability, Vendor } from './generated/resolvers-types.js';
import type { SourceConfig } from './config.js';
import { badUserInput } from './errors.js';
import { decodeGlobalId, invalidId, type DecodedId } from './ids.js';
import type { RequestScope } from './request-scope.js';
import type { VendorAdapter } from './vendors/adapter.js';
import { connectSource } from './vendors/registry.js';
import type { VendorConnection } from './vendors/vendor-module.js';

/** One source as a GraphQL request sees it. */
export interface SourceEntry {
  readonly name: string;
  readonly vendor: Vendor;
  readonly capabilities: readonly Capability[];
  /** This request's adapter of the source. */
  readonly adapter: VendorAdapter;
}

interface ConnectedSource {
  readonly name: string;
  readonly connection: VendorConnection;
}

/** The sources' long-lived connections; `forRequest` gives each GraphQL request its registry. */
export class SourceConnections {
  private constructor(private readonly connected: readonly ConnectedSource[]) {}

  static fromConfig(sources: readonly SourceConfig[]): SourceConnections {
    return new SourceConnections(sources.map((config) => ({ name: config.name, connection: connectSource(config) })));
  }

  /** The sources with fresh adapters bound to one GraphQL request (deadline, credentials, stats). */
  forRequest(scope: RequestScope): SourceRegistry {
    return new SourceRegistry(
      this.connected.map(({ name, connection }) => ({
        name,
        vendor: connection.vendor,
        capabilities: connection.capabilities,
        adapter: connection.forRequest(scope),
      })),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.connected.map(({ connection }) => connection.close()));
  }
}

export class SourceRegistry {
  private readonly byName: ReadonlyMap<string, SourceEntry>;

  constructor(readonly all: readonly SourceEntry[]) {
    this.byName = new Map(all.map((entry) => [entry.name, entry]));
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /**
   * Decodes a global ID (ids.ts) of a configured source, and checks its native id has the
   * shape the vendor's ids have (a non-numeric NCP or Icareus id is BAD_USER_INPUT, like any
   * malformed ID, rather than a silent null).
   */
  decode(id: string, expectedType?: DecodedId['type']): DecodedId {
    const decoded = decodeGlobalId(id, (name) => this.byName.has(name), expectedType);
    const problem = decoded.type === 'Job' ? null : this.byName.get(decoded.source)?.adapter.nativeIdProblem?.(decoded.type, decoded.nativeId);
    if (problem) throw invalidId(id, problem);
    return decoded;
  }

  /** The named source; an unknown name is the client's mistake (BAD_USER_INPUT). */
  get(name: string): SourceEntry {
    const entry = this.byName.get(name);
    if (!entry) throw badUserInput(`Unknown source "${name}". Known sources: ${[...this.byName.keys()].join(', ')}.`);
    return entry;
  }

  /** The named sources in configuration order, or all when `names` is null/undefined. */
  select(names: readonly string[] | null | undefined): readonly SourceEntry[] {
    if (!names) return this.all;
    names.forEach((name) => this.get(name));
    return this.all.filter((entry) => names.includes(entry.name));
  }
}
