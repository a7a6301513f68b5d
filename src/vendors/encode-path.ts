// Builds vendor paths from a template whose interpolated values are always URL-encoded, so
// a native id can never add path segments, a query or a fragment, or climb with `..`
// (STYLE.md: paths are built from encoded parameters only).
//
//   encodePath`/assets/v1/assets/${assetId}/` -> "/assets/v1/assets/a%2Fb/"

export function encodePathSegment(value: string): string {
  const encoded = encodeURIComponent(value);
  // encodeURIComponent leaves "." alone; "." and ".." as a whole segment would be
  // normalised away by servers and proxies, so encode them too.
  return encoded === '.' || encoded === '..' ? encoded.replaceAll('.', '%2E') : encoded;
}

export function encodePath(strings: TemplateStringsArray, ...values: ReadonlyArray<string>): string {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += encodePathSegment(value) + (strings[i + 1] ?? '');
  });
  return out;
}
