// Which fields a client selected below a resolver, read from its query: so a write does not
// pay for read-backs nobody reads (for example Icareus' recycle bin listing after a delete,
// which only fills `asset` and `note`), and `node`/`nodes` can start the reads an asset's
// selected fields need together with the asset's own (../loaders/read-ahead.ts). Follows
// inline fragments and fragment spreads, and leaves out what @skip/@include leave out.
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  isAbstractType,
  isObjectType,
  type FieldNode,
  type FragmentSpreadNode,
  type GraphQLResolveInfo,
  type InlineFragmentNode,
  type SelectionSetNode,
} from 'graphql';

/** False when @skip or @include drops this selection for the request's variables. */
function included(selection: FieldNode | FragmentSpreadNode | InlineFragmentNode, info: GraphQLResolveInfo): boolean {
  if (!selection.directives?.length) return true;
  if (getDirectiveValues(GraphQLSkipDirective, selection, info.variableValues)?.['if'] === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, selection, info.variableValues)?.['if'] !== false;
}

/** True when a fragment with this type condition applies to an object of `typeName` (any type when absent). */
function applies(condition: string | undefined, typeName: string | undefined, info: GraphQLResolveInfo): boolean {
  if (!condition || !typeName || condition === typeName) return true;
  const conditionType = info.schema.getType(condition);
  const type = info.schema.getType(typeName);
  return conditionType !== undefined && isAbstractType(conditionType) && isObjectType(type) && info.schema.isSubType(conditionType, type);
}

/** Field names selected directly in `selectionSet` (through fragments that apply to `typeName`), with their sub-selections. */
function fieldsOf(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo, into: Map<string, SelectionSetNode[]>, typeName?: string): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (!included(selection, info)) continue;
    if (selection.kind === Kind.FIELD) {
      const subs = into.get(selection.name.value) ?? [];
      if (selection.selectionSet) subs.push(selection.selectionSet);
      into.set(selection.name.value, subs);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (applies(selection.typeCondition?.name.value, typeName, info)) fieldsOf(selection.selectionSet, info, into, typeName);
    } else {
      const fragment = info.fragments[selection.name.value];
      if (fragment && applies(fragment.typeCondition.name.value, typeName, info)) fieldsOf(fragment.selectionSet, info, into, typeName);
    }
  }
}

/** The fields this resolver's client selected on the objects it returns that are of `typeName`. */
export function selectedFieldsOn(info: GraphQLResolveInfo, typeName: string): ReadonlySet<string> {
  const fields = new Map<string, SelectionSetNode[]>();
  for (const node of info.fieldNodes) fieldsOf(node.selectionSet, info, fields, typeName);
  return new Set(fields.keys());
}

/** True when the client selected any of `names` inside `results` of this mutation's payload. */
export function selectsInResults(info: GraphQLResolveInfo, names: readonly string[]): boolean {
  const payload = new Map<string, SelectionSetNode[]>();
  for (const node of info.fieldNodes) fieldsOf(node.selectionSet, info, payload);
  const inResults = new Map<string, SelectionSetNode[]>();
  for (const selectionSet of payload.get('results') ?? []) fieldsOf(selectionSet, info, inResults);
  return names.some((name) => inResults.has(name));
}
