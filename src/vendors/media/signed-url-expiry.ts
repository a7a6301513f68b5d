// When a signed URL stops working, read from the URL itself: S3 presigned URLs (SigV4:
// X-Amz-Date + X-Amz-Expires; SigV2: Expires), Google Cloud Storage V4 (X-Goog-Date +
// X-Goog-Expires) and CloudFront (Expires). Null when the URL does not say.

const BASIC_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function basicIsoDate(value: string | null): number | null {
  const match = value ? BASIC_DATE.exec(value) : null;
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

export function signedUrlExpiry(url: string | null | undefined): Date | null {
  if (!url) return null;
  let query: URLSearchParams;
  try {
    query = new URL(url).searchParams;
  } catch {
    return null;
  }
  for (const prefix of ['X-Amz', 'X-Goog']) {
    const signedAt = basicIsoDate(query.get(`${prefix}-Date`));
    const seconds = Number(query.get(`${prefix}-Expires`));
    if (signedAt !== null && Number.isFinite(seconds) && seconds > 0) return new Date(signedAt + seconds * 1000);
  }
  const epoch = Number(query.get('Expires'));
  return Number.isInteger(epoch) && epoch > 0 ? new Date(epoch * 1000) : null;
}
