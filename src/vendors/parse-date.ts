// Vendor timestamps to Date: ISO 8601 text, or epoch milliseconds. Anything unreadable is
// null rather than an Invalid Date that would fail the DateTime scalar.
export function parseDate(value: string | number | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
