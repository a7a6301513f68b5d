// The vendor documents one request has read, by native id, so a field that needs more of
// the same document (an Icareus asset's presets, an NCP asset's metaData, a Nomad asset's
// fullUrl) does not read it again. Adapters are built per request, so this lives exactly
// as long as the request; a later read of the same id replaces the entry.
export class RequestDocuments<D> {
  private readonly documents = new Map<string, D>();

  remember(nativeId: string, document: D): D {
    this.documents.set(nativeId, document);
    return document;
  }

  /** The document read earlier in this request, else `read()`. */
  async get(nativeId: string, read: () => Promise<D | null>): Promise<D | null> {
    return this.documents.get(nativeId) ?? read();
  }
}
