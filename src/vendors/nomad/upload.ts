// Nomad's multipart upload (admin API): start with the folder, file name and size; Nomad
// answers the asset the upload becomes and one pre-signed URL per part; each part's bytes
// go to its URL and are confirmed with the ETag storage answered; complete assembles the
// file and starts Nomad's processing. The parts list tells which parts are complete, so
// an interrupted upload resumes from there.
import type { RequestClient } from '../http.js';
import type { UploadPart, UploadPort, UploadRequest, UploadSession } from '../adapter.js';
import type { AssetModel } from '../models.js';
import { NOMAD_ENDPOINTS } from './endpoints.js';
import type { NomadUpload } from './responses.js';

/** Part size asked for (Nomad's chunkSize); S3, behind it, needs at least 5 MiB but for the last part. */
export const NOMAD_PART_SIZE = 8 * 1024 * 1024;

type PartModel = NonNullable<NomadUpload['parts']>[number];

const toPart = (part: PartModel): UploadPart => ({
  id: part.id,
  number: part.partNumber,
  start: part.startingPosition,
  end: part.endingPosition,
  url: part.url ?? '',
  completed: part.isCompleted ?? false,
});

export class NomadUploads implements UploadPort {
  constructor(
    private readonly http: RequestClient,
    private readonly readAsset: (id: string) => Promise<AssetModel | null>,
    private readonly partSize = NOMAD_PART_SIZE,
  ) {}

  async startUpload(request: UploadRequest): Promise<UploadSession> {
    const upload = await this.http.call(NOMAD_ENDPOINTS.uploadStart, {
      body: { parentId: request.collectionId, displayName: request.fileName, contentLength: request.size, chunkSize: this.partSize },
    });
    return { uploadId: upload.id, assetId: upload.assetId, parts: (upload.parts ?? []).map(toPart) };
  }

  async getUpload(session: UploadSession): Promise<UploadSession> {
    const parts = await this.http.call(NOMAD_ENDPOINTS.uploadParts, { params: { id: session.uploadId } });
    return { ...session, parts: parts.map(toPart) };
  }

  async completePart(_session: UploadSession, part: UploadPart, etag: string): Promise<void> {
    await this.http.call(NOMAD_ENDPOINTS.uploadPartComplete, { params: { id: part.id }, body: { etag } });
  }

  async completeUpload(session: UploadSession): Promise<AssetModel | null> {
    await this.http.call(NOMAD_ENDPOINTS.uploadComplete, { params: { id: session.uploadId } });
    return this.readAsset(session.assetId);
  }

  async cancelUpload(session: UploadSession): Promise<void> {
    await this.http.call(NOMAD_ENDPOINTS.uploadCancel, { params: { id: session.uploadId } });
  }
}
