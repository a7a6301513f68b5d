// Vendors' custom fields as the schema's MetadataEntry: text values, with the JSON type they
// had (numbers and booleans stay recognisable). Nested objects are written as JSON text.
import type { MetadataEntry, MetadataValueType } from '../../generated/resolvers-types.js';
import { compareCodeUnits } from '../../text-order.js';

function typeOf(values: readonly unknown[]): MetadataValueType {
  if (values.length > 0 && values.every((value) => typeof value === 'number')) return 'NUMBER';
  if (values.length > 0 && values.every((value) => typeof value === 'boolean')) return 'BOOLEAN';
  return 'TEXT';
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** One entry per key; null and undefined values are left out, arrays are several values. */
export function metadataEntry(key: string, raw: unknown): MetadataEntry {
  const values = (Array.isArray(raw) ? raw : [raw]).filter((value) => value !== null && value !== undefined);
  return { key, type: typeOf(values), values: values.map(asText) };
}

/** Entries of a flat record, sorted by key so answers are stable. */
export function metadataEntries(record: Readonly<Record<string, unknown>> | null | undefined): MetadataEntry[] {
  return Object.entries(record ?? {})
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([key, raw]) => metadataEntry(key, raw));
}
