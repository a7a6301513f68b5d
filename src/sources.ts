// The configured sources, created once at start-up: name, vendor, capabilities and the
// adapter (with its connection pool). Each GraphQL request gets a view whose adapters are
// bound to its scope (forRequest). Resolvers look sources up here by name.
import type { Capability, Vendor } from './generated/resolvers-types.js';
import type { SourceConfig } from './config.js';
import { badUserInput } from './errors.js';
import type { RequestScope } from './request-scope.js';
import type { VendorAdapter } from './vendors/adapter.js';
import { createAdapter } from './vendors/create-adapter.js';

export interface SourceEntry {
  readonly name: string;
  readonly vendor: Vendor;
  readonly capabilities: readonly Capability[];
  readonly adapter: VendorAdapter;
}

export class SourceRegistry {
  private readonly byName: ReadonlyMap<string, SourceEntry>;

  constructor(readonly all: readonly SourceEntry[]) {
    this.byName = new Map(all.map((entry) => [entry.name, entry]));
  }

  static fromConfig(sources: readonly SourceConfig[]): SourceRegistry {
    return new SourceRegistry(
      sources.map((config) => {
        const adapter = createAdapter(config);
        return { name: config.name, vendor: adapter.vendor, capabilities: [...adapter.capabilities], adapter };
      }),
    );
  }

  /** The same sources with adapters bound to one GraphQL request (deadline, credentials, stats). */
  forRequest(scope: RequestScope): SourceRegistry {
    return new SourceRegistry(this.all.map((entry) => ({ ...entry, adapter: entry.adapter.forRequest(scope) })));
  }

  has(name: string): boolean {
    return this.byName.has(name);
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

  async close(): Promise<void> {
    await Promise.all(this.all.map((entry) => entry.adapter.close()));
  }
}
