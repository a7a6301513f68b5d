// Believable demo data for the iconik simulator: a marketing team, a news desk and a
// documentary unit, with nested collections, assets in one or two collections, archived
// and failed-to-archive assets, a placeholder, shares with recipients, and a few assets in
// the delete queue. Deterministic: the same ids and dates on every start.
import { seedMedia } from './media.js';
import { IconikState, uuidFor, type IconikAssetRecord } from './state.js';

const BASE_TIME = Date.parse('2026-09-01T20:00:00Z');
const hours = (n: number) => new Date(BASE_TIME + n * 3_600_000).toISOString();

interface CollectionSeed {
  readonly key: string;
  readonly title: string;
  readonly parent?: string;
}

const COLLECTIONS: readonly CollectionSeed[] = [
  { key: 'marketing', title: 'Marketing' },
  { key: 'spring', title: 'Spring Campaign 2026', parent: 'marketing' },
  { key: 'social', title: 'Social Cutdowns', parent: 'spring' },
  { key: 'brand', title: 'Brand Library', parent: 'marketing' },
  { key: 'news', title: 'News Desk' },
  { key: 'raw', title: 'Raw Footage', parent: 'news' },
  { key: 'broll', title: 'B-Roll', parent: 'news' },
  { key: 'docs', title: 'Documentaries' },
  { key: 'ocean', title: 'Ocean Stories', parent: 'docs' },
  { key: 'interviews', title: 'Interviews', parent: 'ocean' },
  { key: 'archive2019', title: 'Archive 2019' },
];

type Media = 'video' | 'audio' | 'image' | 'application/pdf';

interface AssetSeed {
  readonly title: string;
  readonly media: Media;
  readonly seconds?: number;
  readonly in: readonly string[];
  readonly description?: string;
  readonly archive?: IconikAssetRecord['archive_status'];
  readonly placeholder?: boolean;
  readonly deletedHoursAgo?: number;
}

const ASSETS: readonly AssetSeed[] = [
  { title: 'Spring Hero Film 60s', media: 'video', seconds: 60, in: ['spring'], description: 'Master 60-second hero film for the spring launch.' },
  { title: 'Spring Hero Film 30s', media: 'video', seconds: 30, in: ['spring', 'social'], description: '30-second cutdown of the hero film.' },
  { title: 'Spring Teaser 15s Vertical', media: 'video', seconds: 15, in: ['social'], description: '9:16 teaser for stories.' },
  { title: 'Spring Teaser 6s Bumper', media: 'video', seconds: 6, in: ['social'] },
  { title: 'Key Visual - Meadow', media: 'image', in: ['spring', 'brand'], description: 'Main key visual, 8K master.' },
  { title: 'Key Visual - City', media: 'image', in: ['spring'] },
  { title: 'Campaign Voice-over EN', media: 'audio', seconds: 58, in: ['spring'], description: 'Final English voice-over, mixed.' },
  { title: 'Campaign Voice-over FI', media: 'audio', seconds: 61, in: ['spring'] },
  { title: 'Spring Music Bed', media: 'audio', seconds: 62, in: ['spring', 'brand'], description: 'Licensed music bed, perpetual.' },
  { title: 'Creative Brief - Spring 2026', media: 'application/pdf', in: ['spring'], description: 'Agency brief v3.' },
  { title: 'Logo Animation 4K', media: 'video', seconds: 8, in: ['brand'] },
  { title: 'Brand Guidelines 2026', media: 'application/pdf', in: ['brand'], description: 'Typography, colour and logo usage.' },
  { title: 'Product Packshot Front', media: 'image', in: ['brand'] },
  { title: 'Product Packshot Side', media: 'image', in: ['brand'] },
  { title: 'Sonic Logo', media: 'audio', seconds: 3, in: ['brand'] },
  { title: 'City Council Meeting - Cam A', media: 'video', seconds: 5420, in: ['raw'], description: 'Full session, camera A.' },
  { title: 'City Council Meeting - Cam B', media: 'video', seconds: 5388, in: ['raw'] },
  { title: 'Harbour Fire - Mobile Upload', media: 'video', seconds: 212, in: ['raw'], description: 'Viewer footage, verified by the desk.' },
  { title: 'Election Night Wide Shots', media: 'video', seconds: 1800, in: ['raw', 'broll'] },
  { title: 'Reporter Stand-up Take 3', media: 'video', seconds: 95, in: ['raw'] },
  { title: 'Skyline Timelapse Dawn', media: 'video', seconds: 40, in: ['broll'], description: 'Helsinki skyline, 6K timelapse.' },
  { title: 'Traffic Night Drone', media: 'video', seconds: 75, in: ['broll'] },
  { title: 'Parliament Exterior', media: 'video', seconds: 32, in: ['broll'] },
  { title: 'Market Square Crowd', media: 'video', seconds: 48, in: ['broll'] },
  { title: 'Studio Ident Loop', media: 'video', seconds: 20, in: ['news'] },
  { title: 'Newsroom Photo - Morning Meeting', media: 'image', in: ['news'] },
  { title: 'Reef Dive Sequence', media: 'video', seconds: 640, in: ['ocean'], description: 'Underwater sequence, graded.' },
  { title: 'Whale Song Recording', media: 'audio', seconds: 900, in: ['ocean'], description: 'Hydrophone recording, 96 kHz.' },
  { title: 'Coastline Aerials', media: 'video', seconds: 300, in: ['ocean'] },
  { title: 'Ocean Stories - Rough Cut v2', media: 'video', seconds: 2940, in: ['ocean'], description: 'Director review cut.' },
  { title: 'Interview - Marine Biologist', media: 'video', seconds: 2310, in: ['interviews'], description: 'Dr. Aalto, two-camera interview.' },
  { title: 'Interview - Fisherman', media: 'video', seconds: 1745, in: ['interviews'] },
  { title: 'Interview Transcripts', media: 'application/pdf', in: ['interviews'] },
  { title: 'Ocean Stories - Final Mix', media: 'audio', in: ['ocean'], placeholder: true, description: 'Placeholder until the mix is delivered.' },
  { title: '2019 Annual Report Film', media: 'video', seconds: 420, in: ['archive2019'], archive: 'ARCHIVED' },
  { title: '2019 Product Launch Live', media: 'video', seconds: 3600, in: ['archive2019'], archive: 'ARCHIVED' },
  { title: '2019 Holiday Spot', media: 'video', seconds: 30, in: ['archive2019'], archive: 'ARCHIVING' },
  { title: '2019 Event Photos', media: 'image', in: ['archive2019'], archive: 'FAILED_TO_ARCHIVE', description: 'Archive job failed; retry pending.' },
  { title: 'Spring Teaser 15s - Old Grade', media: 'video', seconds: 15, in: ['social'], deletedHoursAgo: 3 },
  { title: 'Council Meeting Test Clip', media: 'video', seconds: 12, in: ['raw'], deletedHoursAgo: 5 },
  { title: 'Duplicate Upload - Skyline', media: 'video', seconds: 40, in: ['broll'], deletedHoursAgo: 9 },
  { title: 'Unused Packshot Draft', media: 'image', in: ['brand'], deletedHoursAgo: 20 },
];

interface ShareSeed {
  readonly target: { readonly asset?: string; readonly collection?: string };
  readonly title: string;
  readonly emails: readonly string[];
  readonly expiresInDays: number | null;
  readonly download: boolean;
  readonly comments: boolean;
}

const SHARES: readonly ShareSeed[] = [
  { target: { asset: 'Spring Hero Film 60s' }, title: 'Hero film for client approval', emails: ['anna.virtanen@client.example', 'brand.team@client.example'], expiresInDays: 14, download: false, comments: true },
  { target: { asset: 'Spring Hero Film 60s' }, title: 'Hero film - broadcaster delivery', emails: ['traffic@broadcaster.example'], expiresInDays: 30, download: true, comments: false },
  { target: { asset: 'Key Visual - Meadow' }, title: 'Key visual for print', emails: ['print@agency.example'], expiresInDays: 7, download: true, comments: false },
  { target: { asset: 'Harbour Fire - Mobile Upload' }, title: 'Harbour fire footage for partners', emails: ['desk@partner-news.example', 'editor@partner-news.example'], expiresInDays: 2, download: true, comments: false },
  { target: { asset: 'Ocean Stories - Rough Cut v2' }, title: 'Rough cut review', emails: ['director@ocean.example', 'producer@ocean.example', 'exec@commissioner.example'], expiresInDays: null, download: false, comments: true },
  { target: { collection: 'brand' }, title: 'Brand library for agencies', emails: ['studio@agency.example'], expiresInDays: 90, download: true, comments: false },
];

export function seedIconik(state: IconikState, keyframeOrigin: string): void {
  const collectionIds = new Map<string, string>();
  COLLECTIONS.forEach((seed, i) => {
    const id = uuidFor(`collection:${seed.key}`);
    collectionIds.set(seed.key, id);
    state.collections.set(id, {
      id,
      title: seed.title,
      parent_id: seed.parent ? (collectionIds.get(seed.parent) ?? null) : null,
      status: 'ACTIVE',
      date_created: hours(i),
      date_modified: hours(i + 1),
    });
  });

  const assetIds = new Map<string, string>();
  ASSETS.forEach((seed, i) => {
    const id = uuidFor(`asset:${seed.title}`);
    assetIds.set(seed.title, id);
    // Newest first in the seed order, except the 2019 archive, which is old.
    const created = seed.title.startsWith('2019') ? new Date(Date.parse('2019-10-01T09:00:00Z') + i * 86_400_000).toISOString() : hours(24 * 60 - i * 7);
    const deleted = seed.deletedHoursAgo !== undefined;
    state.assets.set(id, {
      id,
      title: seed.title,
      description: seed.description ?? null,
      type: seed.placeholder ? 'PLACEHOLDER' : 'ASSET',
      media_type: seed.placeholder ? null : seed.media,
      status: deleted ? 'DELETED' : 'ACTIVE',
      archive_status: seed.archive ?? 'NOT_ARCHIVED',
      duration_milliseconds: seed.seconds !== undefined ? Math.round(seed.seconds * 1000) : null,
      date_created: created,
      date_modified: new Date(Date.parse(created) + 2 * 3_600_000).toISOString(),
      date_deleted: deleted ? new Date(Date.now() - (seed.deletedHoursAgo ?? 0) * 3_600_000).toISOString() : null,
      in_collections: seed.in.map((key) => collectionIds.get(key) ?? key),
      keyframes: seed.placeholder
        ? []
        : [{ id: uuidFor(`keyframe:${seed.title}`), type: 'POSTER', url: `${keyframeOrigin}/keyframes/${id}.jpg` }],
      formats: [],
      files: [],
      proxies: [],
      // Two custom fields of a typical metadata view: a single-value and a multi-value one.
      metadata: seed.placeholder ? {} : { rights_holder: [seed.in.includes('raw') || seed.in.includes('news') ? 'Newsroom' : 'Brand Studio'], keywords: seed.in.map((key) => key) },
    });
    const record = state.assets.get(id);
    if (record) seedMedia(record);
  });

  SHARES.forEach((seed, i) => {
    const id = uuidFor(`share:${i}`);
    const objectType = seed.target.asset ? 'assets' : 'collections';
    const objectId = seed.target.asset ? assetIds.get(seed.target.asset) : collectionIds.get(seed.target.collection ?? '');
    state.shares.set(id, {
      id,
      object_type: objectType,
      object_id: objectId ?? '',
      title: seed.title,
      message: null,
      url: `${keyframeOrigin}/share/${id}`,
      expires: seed.expiresInDays === null ? null : new Date(BASE_TIME + (60 + seed.expiresInDays) * 86_400_000).toISOString(),
      allow_download: seed.download,
      allow_comments: seed.comments,
      allow_approving_comments: seed.comments,
      allow_setting_approve_status: false,
      date_created: hours(400 + i),
      owner_id: uuidFor('user:demo-owner'),
      users: seed.emails.map((email) => {
        const [first = '', last = ''] = email.split('@')[0]?.split('.') ?? [];
        return { id: uuidFor(`share-user:${id}:${email}`), email, first_name: first, last_name: last };
      }),
    });
  });
}
