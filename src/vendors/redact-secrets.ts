// Vendor messages may echo what they received (a token in an error text, a query string
// with the Icareus archive token). Before a vendor's words reach a client or the log, every
// credential value the call could have carried is cut out, in each form it takes in a URL.

const MIN_SECRET_LENGTH = 4;

/** The forms a secret takes in a request: as is, percent-encoded, form-encoded. */
function forms(secret: string): string[] {
  const form = new URLSearchParams({ s: secret }).toString().slice(2);
  return [...new Set([secret, encodeURIComponent(secret), form])];
}

export function redactSecrets(text: string, secrets: Iterable<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of forms(secret)) out = out.split(form).join('[redacted]');
  }
  return out;
}
