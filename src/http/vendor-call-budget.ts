// Bounds the vendor calls one operation can cause, counting list arguments (GraphQL
// Armor's cost limit counts fields, not list sizes: 15 aliases of `nodes(ids: 100)` passed
// it and made 1,500 vendor calls). The estimate is the worst case the schema allows:
//
// - every root field, every connection (a field with `first`) and the few object fields a
//   vendor is asked for (Collection.parent and ancestors, Share.target and recipients,
//   RecycleBin.enabled, the asset's media fields, a job's assets) costs one call per parent
//   object (Asset.renditions three: iconik reads formats, files and proxies);
// - a list multiplies what is below it: `nodes(ids)`, bulk mutations and Query.shares
//   (filter.targets) by their IDs,
//   `_entities` by its representations, a connection by `first` (default 20).
//
// Checked after the operation is resolved (variables known), before any resolver runs.
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type GraphQLField,
  type FieldNode,
  type GraphQLSchema,
  type GraphQLType,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { GatewayContext } from '../context.js';
import { DEFAULT_FIRST } from '../pagination/connection.js';

export const MAX_VENDOR_CALLS = 1_000;

/**
 * Object fields without list arguments that still ask a vendor, with the most calls one
 * costs per parent (iconik's renditions read formats, files and proxies).
 */
const VENDOR_FIELDS: ReadonlyMap<string, number> = new Map([
  ['Collection.parent', 1],
  ['Collection.ancestors', 1],
  ['Share.target', 1],
  ['Share.recipients', 1],
  ['RecycleBin.enabled', 1],
  ['Asset.media', 1],
  ['Asset.renditions', 3],
  ['Asset.metadata', 1],
  ['Job.destination', 1],
  ['JobItem.source', 1],
  ['JobItem.destination', 1],
]);
const LIST_ARGUMENTS = ['ids', 'representations'];

// The schema reaches this plugin through Apollo Server, whose copy of graphql-js may be the
// CommonJS one while this module loads the ES one (graphql's dual package): its instanceof
// predicates (isObjectType, ...) would not recognise the types. Types are read by shape.
interface FieldsType {
  readonly name: string;
  getFields(): Record<string, GraphQLField<unknown, unknown>>;
}

const hasFields = (type: unknown): type is FieldsType => typeof type === 'object' && type !== null && 'getFields' in type;

/** The named type under list and non-null wrappers. */
function namedType(type: GraphQLType): unknown {
  let current: unknown = type;
  while (typeof current === 'object' && current !== null && 'ofType' in current && (current).ofType) {
    current = (current).ofType;
  }
  return current;
}

interface Walk {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Readonly<Record<string, unknown>>;
}

function valueOf(node: ValueNode | undefined, walk: Walk): unknown {
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE) return walk.variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.LIST) return node.values;
  if (node.kind === Kind.OBJECT) return Object.fromEntries(node.fields.map((field) => [field.name.value, field.value]));
  return undefined;
}

/**
 * How many objects the field's list arguments ask for: IDs or representations (each may be
 * its own vendor call: `byIds`), or a connection's `first`.
 */
function listSize(field: FieldNode, definition: GraphQLField<unknown, unknown>, walk: Walk): { size: number; byIds: boolean } {
  const args = new Map(field.arguments?.map((arg) => [arg.name.value, arg.value]));
  for (const name of LIST_ARGUMENTS) {
    const value = valueOf(args.get(name), walk);
    if (Array.isArray(value)) return { size: value.length, byIds: true };
  }
  // Bulk mutations: input { ids }; Query.shares: filter { targets }; as literals or variables.
  const input = (valueOf(args.get('input'), walk) ?? valueOf(args.get('filter'), walk)) as Record<string, unknown> | undefined;
  const ids = input && typeof input === 'object' ? (input['ids'] ?? input['targets']) : undefined;
  const resolved = ids && typeof ids === 'object' && 'kind' in ids ? valueOf(ids as ValueNode, walk) : ids;
  if (Array.isArray(resolved)) return { size: resolved.length, byIds: true };
  if (definition.args.some((arg) => arg.name === 'first')) {
    const first = valueOf(args.get('first'), walk);
    return { size: typeof first === 'number' && first > 0 ? first : DEFAULT_FIRST, byIds: false };
  }
  return { size: 1, byIds: false };
}

function calls(selectionSet: SelectionSetNode | undefined, parent: unknown, multiplier: number, walk: Walk, root: boolean): number {
  if (!selectionSet) return 0;
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? walk.fragments.get(selection.name.value) : selection;
      const condition = fragment?.typeCondition ? walk.schema.getType(fragment.typeCondition.name.value) : parent;
      if (fragment && condition) total += calls(fragment.selectionSet, condition, multiplier, walk, root);
      continue;
    }
    // Unions have no fields of their own (only __typename); their members come as fragments.
    if (!hasFields(parent)) continue;
    const definition = parent.getFields()[selection.name.value];
    if (!definition) continue;
    const type = namedType(definition.type);
    const { size, byIds } = listSize(selection, definition, walk);
    const weight = VENDOR_FIELDS.get(`${parent.name}.${definition.name}`) ?? (root || definition.args.some((arg) => arg.name === 'first') ? 1 : 0);
    if (weight > 0) total += multiplier * (byIds ? size : weight);
    if (selection.selectionSet) total += calls(selection.selectionSet, type, multiplier * size, walk, false);
  }
  return total;
}

/**
 * Refuses an operation that could cost more than MAX_VENDOR_CALLS vendor calls (for a
 * subscription: per change, counting every watched ID, an upper bound), or returns null.
 */
export function vendorCallBudgetError(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): GraphQLError | null {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const rootType =
    operation.operation === OperationTypeNode.MUTATION
      ? schema.getMutationType()
      : operation.operation === OperationTypeNode.SUBSCRIPTION
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!rootType) return null;
  const estimate = calls(operation.selectionSet, rootType, 1, { schema, fragments, variables }, true);
  if (estimate <= MAX_VENDOR_CALLS) return null;
  return new GraphQLError(
    `This operation could cost up to ${estimate} vendor calls; the limit is ${MAX_VENDOR_CALLS}. Ask for fewer IDs, a smaller "first", or split it.`,
    // The numbers too, for clients that adjust and retry: the estimate and the limit.
    { extensions: { code: 'BAD_USER_INPUT', vendorCalls: estimate, vendorCallLimit: MAX_VENDOR_CALLS, http: { status: 400 } } },
  );
}

export const vendorCallBudgetPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, operation, schema, request }) {
        if (!operation) return;
        const error = vendorCallBudgetError(schema, document, operation, request.variables ?? {});
        if (error) throw error;
      },
    };
  },
};
