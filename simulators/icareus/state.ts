// The Icareus simulator's in-memory domain: organizations (with their recycle-bin setting),
// assets shaped like the Archive API's asset object, and the recycle bin.
export interface IcareusFolderRecord {
  id: number;
  name: string;
}

export interface IcareusAssetRecord {
  id: number;
  organizationId: number;
  name: Record<string, string>;
  description: Record<string, string>;
  duration: number;
  created: number;
  date: number;
  transcodingStatus: number;
  publishReady: boolean;
  isPodcastAsset: boolean;
  thumbnailSmall: string;
  thumbnailMedium: string;
  thumbnailLarge: string;
  folders: IcareusFolderRecord[];
  groupItemIds: string;
  presets: Array<Record<string, unknown>>;
  downloadable: boolean;
  createdBy: number;
  createdByName: string;
  /** Descriptive fields as the asset object has them: "" (0 for the year) when unset. */
  tags: string;
  director: string;
  actors: string;
  productionCompany: string;
  publisher: string;
  license: string;
  ownership: string;
  releaseYear: number;
}

export interface IcareusState {
  readonly organizations: Map<number, { id: number; recycleBinEnabled: boolean }>;
  readonly assets: Map<number, IcareusAssetRecord>;
  readonly recycleBin: Map<number, { asset: IcareusAssetRecord; deletedAtMs: number }>;
}

export function createIcareusState(): IcareusState {
  return { organizations: new Map(), assets: new Map(), recycleBin: new Map() };
}

/** The recycle bin's "deletedAt" text, as in the vendor example: "05.04.2023 11:19:19 (UTC)". */
export function recycleBinDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} (UTC)`;
}
