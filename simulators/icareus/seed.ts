// Demo data for the Icareus simulator: one organization of a regional broadcaster with
// news clips, podcast episodes and event recordings in folders, one asset still
// transcoding, and two assets in the recycle bin.
import type { IcareusAssetRecord, IcareusState } from './state.js';

export const DEMO_ORGANIZATION_ID = 2631609;
/** A second organization of the same user: a destination for copy and move. */
export const PARTNER_ORGANIZATION_ID = 2631610;
const BASE = Date.parse('2026-10-29T07:00:00Z');
const FOLDERS = { news: { id: 11001, name: 'News clips' }, podcasts: { id: 11002, name: 'Podcasts' }, events: { id: 11003, name: 'Events' } };

interface Seed {
  readonly en: string;
  readonly fi?: string;
  readonly seconds: number;
  readonly folder: keyof typeof FOLDERS;
  readonly podcast?: boolean;
  readonly transcoding?: boolean;
  readonly description?: string;
  readonly deletedHoursAgo?: number;
}

const SEEDS: readonly Seed[] = [
  { en: 'Morning News 23.11.', fi: 'Aamun uutiset 23.11.', seconds: 612, folder: 'news', description: 'Full morning bulletin.' },
  { en: 'Storm Warning - Coast', fi: 'Myrskyvaroitus - rannikko', seconds: 95, folder: 'news' },
  { en: 'Ice Hockey Highlights', fi: 'Jääkiekon kooste', seconds: 240, folder: 'news', description: 'Saturday league round.' },
  { en: 'City Budget Explained', seconds: 180, folder: 'news' },
  { en: 'Ferry Line Reopens', seconds: 75, folder: 'news', transcoding: true },
  { en: 'Tech Talk Episode 41', seconds: 2710, folder: 'podcasts', podcast: true, description: 'On AI in newsrooms.' },
  { en: 'Tech Talk Episode 42', seconds: 2544, folder: 'podcasts', podcast: true },
  { en: 'Local Voices: Fishermen', seconds: 1980, folder: 'podcasts', podcast: true },
  { en: 'Christmas Market Opening', seconds: 1320, folder: 'events' },
  { en: 'Independence Day Concert', seconds: 5400, folder: 'events', description: 'Live recording, multicam.' },
  { en: 'Marathon Finish Line', seconds: 900, folder: 'events' },
  { en: 'Old Weather Graphics Test', seconds: 30, folder: 'news', deletedHoursAgo: 2 },
  { en: 'Duplicate Podcast Upload', seconds: 2544, folder: 'podcasts', podcast: true, deletedHoursAgo: 30 },
];

export function seedIcareus(state: IcareusState, imageOrigin: string): void {
  state.organizations.set(DEMO_ORGANIZATION_ID, { id: DEMO_ORGANIZATION_ID, recycleBinEnabled: true });
  state.organizations.set(PARTNER_ORGANIZATION_ID, { id: PARTNER_ORGANIZATION_ID, recycleBinEnabled: false });
  SEEDS.forEach((seed, i) => {
    const id = 11487501 + i * 101;
    const created = BASE + (SEEDS.length - i) * 5 * 3_600_000;
    const image = (size: string) => `${imageOrigin}/image/image_gallery?img_id=${id + 1}&size=${size}`;
    const asset: IcareusAssetRecord = {
      id,
      organizationId: DEMO_ORGANIZATION_ID,
      name: { en_US: seed.en, ...(seed.fi ? { fi_FI: seed.fi } : {}) },
      description: seed.description ? { en_US: seed.description } : {},
      duration: seed.seconds,
      created,
      date: created,
      transcodingStatus: seed.transcoding ? 0 : 1,
      publishReady: !seed.transcoding,
      isPodcastAsset: seed.podcast ?? false,
      thumbnailSmall: image('s'),
      thumbnailMedium: image('m'),
      thumbnailLarge: image('l'),
      folders: [FOLDERS[seed.folder]],
      groupItemIds: String(FOLDERS[seed.folder].id),
      presets: seed.transcoding
        ? []
        : [
            { fileId: id + 3, presetId: 0, description: 'master', name: 'master', dlUrl: `${imageOrigin}/s3files/${id}/master.mp4`, url: '' },
            seed.podcast
              ? { fileId: id + 4, presetId: 1447301, description: 'Audio 96K mp3', name: 'Audio 96K mp3', dlUrl: `${imageOrigin}/s3files/${id}/audio-96k.mp3`, url: '' }
              : { fileId: id + 4, presetId: 3204101, description: 'Fallback (Master size and bitrate)', name: 'Fallback (Master size and bitrate)', dlUrl: `${imageOrigin}/s3files/${id}/fallback.mp4`, url: '' },
          ],
      downloadable: false,
      createdBy: 3931601,
      createdByName: 'Demo Editor',
      tags: seed.podcast ? 'podcast, audio' : 'demo, video',
      director: seed.podcast ? '' : 'Demo Director',
      actors: '',
      productionCompany: 'Demo Productions Oy',
      publisher: '',
      license: '',
      ownership: '',
      releaseYear: 2026,
    };
    if (seed.deletedHoursAgo !== undefined) {
      state.recycleBin.set(id, { asset, deletedAtMs: Date.now() - seed.deletedHoursAgo * 3_600_000 });
    } else {
      state.assets.set(id, asset);
    }
  });
}
