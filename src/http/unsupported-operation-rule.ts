// A subscription sent to a schema without a Subscription type fails in validation, with
// GRAPHQL_VALIDATION_FAILED and a message saying so, instead of reaching execution, where
// graphql-js throws and Apollo reports INTERNAL_SERVER_ERROR (and logs a stack trace).
import { GraphQLError, OperationTypeNode, type ValidationRule } from 'graphql';

export const unsupportedOperationRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root =
      node.operation === OperationTypeNode.SUBSCRIPTION
        ? schema.getSubscriptionType()
        : node.operation === OperationTypeNode.MUTATION
          ? schema.getMutationType()
          : schema.getQueryType();
    if (!root) {
      context.reportError(new GraphQLError(`This gateway does not serve ${node.operation} operations.`, { nodes: [node] }));
    }
  },
});
