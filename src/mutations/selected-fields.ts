// What a mutation's client asked to see of each per-item result, so a write does not pay
// for read-backs nobody reads (for example Icareus' recycle bin listing after a delete,
// which only fills `asset` and `note`). Follows inline fragments and fragment spreads.
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** Field names selected directly in `selectionSet` (through fragments), with their sub-selections. */
function fieldsOf(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo, into: Map<string, SelectionSetNode[]>): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      const subs = into.get(selection.name.value) ?? [];
      if (selection.selectionSet) subs.push(selection.selectionSet);
      into.set(selection.name.value, subs);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      fieldsOf(selection.selectionSet, info, into);
    } else {
      fieldsOf(info.fragments[selection.name.value]?.selectionSet, info, into);
    }
  }
}

/** True when the client selected any of `names` inside `results` of this mutation's payload. */
export function selectsInResults(info: GraphQLResolveInfo, names: readonly string[]): boolean {
  const payload = new Map<string, SelectionSetNode[]>();
  for (const node of info.fieldNodes) fieldsOf(node.selectionSet, info, payload);
  const inResults = new Map<string, SelectionSetNode[]>();
  for (const selectionSet of payload.get('results') ?? []) fieldsOf(selectionSet, info, inResults);
  return names.some((name) => inResults.has(name));
}
