// Introspection is off in production unless GATEWAY_INTROSPECTION=on. This rule replaces
// Apollo's own (whose message tells the client to pass an Apollo option) with one that
// names the gateway's switch.
import { GraphQLError, type ValidationRule } from 'graphql';

export const introspectionOffRule: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type') {
      context.reportError(
        new GraphQLError('Introspection is off in production. The operator can set GATEWAY_INTROSPECTION=on to serve the schema.', { nodes: [node] }),
      );
    }
  },
});
