// The vendor documents one request has read, by native id, so a field that needs more of
// the same document (an Icareus asset's presets, an NCP asset's metaData, a Nomad asset's
// fullUrl) does not read it again. Adapters are built per request, so this lives exactly
// as long as the request. A read still on its way is shared too: `node`/`nodes` start an
// asset's media reads together with the asset's own (src/loaders/read-ahead.ts), and
// without that each would read the same document.
export class RequestDocuments<D> {
  private readonly documents = new Map<string, Promise<D | null>>();

  /** Reads the document afresh (an asset read, a write's read-back), replacing an earlier one; `get` shares it meanwhile. */
  read<R extends D | null>(nativeId: string, read: () => Promise<R>): Promise<R> {
    const pending = read();
    this.documents.set(nativeId, pending);
    // A failed read is not kept: the next `get` reads again.
    pending.catch(() => {
      if (this.documents.get(nativeId) === pending) this.documents.delete(nativeId);
    });
    return pending;
  }

  /** A document the adapter got otherwise (a write's answer). */
  remember(nativeId: string, document: D): D {
    this.documents.set(nativeId, Promise.resolve(document));
    return document;
  }

  /** The document read, or being read, earlier in this request, else `read()`. */
  get(nativeId: string, read: () => Promise<D | null>): Promise<D | null> {
    return this.documents.get(nativeId) ?? this.read(nativeId, read);
  }
}
