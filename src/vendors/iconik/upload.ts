// iconik's upload (its files API): an asset in the destination collection, its ORIGINAL
// format, a file set on the configured storage, and a file whose `upload_url` takes the
// bytes (S3 storage: one pre-signed PUT, whose ETag is the MD5 of the bytes); closing the
// file (status CLOSED) ends it. One part per file: an interrupted upload restarts that file
// into the same iconik file, never a second asset (docs/vendors.md A14).
import type { RequestClient } from '../http.js';
import type { UploadPart, UploadPort, UploadRequest, UploadSession } from '../adapter.js';
import type { AssetModel } from '../models.js';
import { ICONIK_ENDPOINTS } from './endpoints.js';

const uploadIdOf = (assetId: string, fileId: string, size: number) => `${assetId}/${fileId}/${size}`;

function parseUploadId(uploadId: string): { assetId: string; fileId: string; size: number } | null {
  const [assetId, fileId, size] = uploadId.split('/');
  return assetId && fileId && Number(size) > 0 ? { assetId, fileId, size: Number(size) } : null;
}

export class IconikUploads implements UploadPort {
  constructor(
    private readonly http: RequestClient,
    private readonly storageId: string,
    private readonly readAsset: (id: string) => Promise<AssetModel | null>,
  ) {}

  private session(assetId: string, fileId: string, size: number, url: string, closed: boolean): UploadSession {
    const part: UploadPart = { id: fileId, number: 1, start: 0, end: size - 1, url, completed: closed };
    return { uploadId: uploadIdOf(assetId, fileId, size), assetId, parts: [part] };
  }

  async startUpload(request: UploadRequest): Promise<UploadSession> {
    const title = request.title?.trim() || request.fileName.replace(/\.[A-Za-z0-9]{1,8}$/, '');
    const asset = await this.http.call(ICONIK_ENDPOINTS.createAsset, { body: { title, type: 'ASSET', collection_id: request.collectionId } });
    const format = await this.http.call(ICONIK_ENDPOINTS.createFormat, { params: { id: asset.id }, body: { name: 'ORIGINAL', storage_methods: ['S3'] } });
    const fileSet = await this.http.call(ICONIK_ENDPOINTS.createFileSet, {
      params: { id: asset.id },
      body: { format_id: format.id, storage_id: this.storageId, base_dir: asset.id, name: request.fileName, component_ids: [] },
    });
    const file = await this.http.call(ICONIK_ENDPOINTS.createFile, {
      params: { id: asset.id },
      body: { original_name: request.fileName, directory_path: asset.id, size: request.size, type: 'FILE', storage_id: this.storageId, file_set_id: fileSet.id, format_id: format.id },
    });
    return this.session(asset.id, file.id, request.size, file.upload_url ?? '', false);
  }

  /** A fresh upload URL for the file (signed URLs expire), and whether it is closed already. */
  async getUpload(session: UploadSession): Promise<UploadSession> {
    const ref = parseUploadId(session.uploadId);
    if (!ref) return { ...session, parts: [] };
    const file = await this.http.call(ICONIK_ENDPOINTS.file, { params: { id: ref.assetId, fileId: ref.fileId }, query: { generate_signed_post_url: true } });
    return this.session(ref.assetId, ref.fileId, ref.size, file.upload_url ?? '', file.status === 'CLOSED');
  }

  /** iconik has no per-part confirmation: the PUT's ETag was checked against the bytes sent. */
  async completePart(): Promise<void> {}

  async completeUpload(session: UploadSession): Promise<AssetModel | null> {
    const ref = parseUploadId(session.uploadId);
    if (!ref) return null;
    // FileSchema's required fields go with the change, as the file has them.
    const file = await this.http.call(ICONIK_ENDPOINTS.file, { params: { id: ref.assetId, fileId: ref.fileId } });
    await this.http.call(ICONIK_ENDPOINTS.closeFile, {
      params: { id: ref.assetId, fileId: ref.fileId },
      body: { original_name: file.original_name, directory_path: file.directory_path, file_set_id: file.file_set_id, type: file.type ?? 'FILE', status: 'CLOSED', size: ref.size },
    });
    return this.readAsset(ref.assetId);
  }

  /** The asset goes to iconik's delete queue with its file. */
  async cancelUpload(session: UploadSession): Promise<void> {
    const ref = parseUploadId(session.uploadId);
    if (ref) await this.http.call(ICONIK_ENDPOINTS.deleteAssets, { body: { ids: [ref.assetId] } });
  }
}
