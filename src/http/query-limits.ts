// Limits checked before execution, so one abusive query cannot fan out into thousands of
// vendor calls (GraphQL Armor, the maintained set of Apollo protections). Field-level
// limits (`first` <= 100, `ids` <= 100 or 1000) live with the fields.
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GatewayContext } from '../context.js';

export const QUERY_LIMITS = {
  // Each Relay connection level costs three (field, edges, node): a collection tree three
  // levels deep with assets is depth 13, so the cap sits just above what the schema needs.
  maxDepth: 15,
  maxAliases: 15,
  maxTokens: 1000,
  maxDirectives: 50,
} as const;

export function queryLimits(options: { production: boolean }) {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    // Tokens: enforced by Apollo's parseOptions (src/server.ts).
    maxTokens: { enabled: false },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    // Armor's cost counts fields and multiplies by a literal `first` only (not its default,
    // a variable, or a list of IDs); the vendor-call budget (./vendor-call-budget.ts) bounds
    // what matters, the vendor calls an operation can cause, and replaces it.
    costLimit: { enabled: false },
    // Field suggestions ("Did you mean ...?") reveal the schema field by field: off in
    // production, where introspection is off too; on elsewhere, where the Sandbox shows all.
    blockFieldSuggestion: { enabled: options.production },
  }).protect();
  // Armor's plugins read no context, so they fit any context type; Apollo's plugin type
  // is invariant in its context parameter, hence the widening here.
  return { plugins: plugins as unknown as Array<ApolloServerPlugin<GatewayContext>>, validationRules };
}
