// An operation HTTP does not serve fails in validation, with GRAPHQL_VALIDATION_FAILED and
// a message saying so, instead of reaching execution, where graphql-js throws and Apollo
// reports INTERNAL_SERVER_ERROR: a subscription (served over WebSocket, see
// ./subscription-server.ts, where this rule is not used), or a root type the schema lacks.
import { GraphQLError, OperationTypeNode, type ValidationRule } from 'graphql';

export const unsupportedOperationRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    if (node.operation === OperationTypeNode.SUBSCRIPTION && schema.getSubscriptionType()) {
      context.reportError(new GraphQLError('Subscriptions are served over WebSocket (graphql-ws protocol) at /graphql, not over HTTP.', { nodes: [node] }));
      return;
    }
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
