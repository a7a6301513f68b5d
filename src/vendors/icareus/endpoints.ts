// Every Icareus Suite call the adapter makes, as data (see src/vendors/endpoint.ts). All of
// them are GETs whose `action` selects the operation, so retry safety is declared per call:
// the reads may be repeated, the writes (delete, copy, move, recover, purge, empty) never.
// References are Icareus help-desk pages; docs/vendors.md and
// test/contracts/icareus.contract.ts give the fields relied on and the confidence.
import { z } from 'zod';
import * as compiled from '../../generated/response-validators/icareus.js';
import type { Endpoint } from '../endpoint.js';
import { useCompiledValidators } from '../parse-response.js';
import { assetEnvelope, icareusAssetList, icareusBodyError, recycleBinAssets, recycleBinEnabled } from './responses.js';

const ok = z.literal('ok');
/** The Archive API reports failures as HTTP 200 {"status":"error","message"}. */
const errorInBody = icareusBodyError;

const archive = (action: string) => ({ method: 'GET', path: '/api/archive', fixedQuery: { action }, errorInBody }) as const;
const recycleBin = (action: string) => ({ method: 'GET', path: '/api/recyclebin', fixedQuery: { action }, errorInBody }) as const;

export const ICAREUS_ENDPOINTS = {
  organizationAssets: {
    ...archive('getOrganizationAssets'),
    name: 'getOrganizationAssets',
    safeToRepeat: true,
    response: icareusAssetList,
    reference: 'Get Organization Assets (documented as POST; its example uses GET with query parameters); answer shape: assumption I1',
  },
  deleteAsset: {
    ...archive('deleteAsset'),
    name: 'deleteAsset',
    safeToRepeat: false,
    response: z.object({ status: ok }),
    reference: 'Archive API (organization token); the delete action and its answer: assumption I3',
  },
  copyAsset: {
    ...archive('copyAsset'),
    name: 'copyAsset',
    safeToRepeat: false,
    response: assetEnvelope,
    reference: 'Copy Asset API: action, assetId, organizationTo -> {status, asset}',
  },
  moveAsset: {
    ...archive('moveAsset'),
    name: 'moveAsset',
    safeToRepeat: false,
    response: assetEnvelope,
    reference: 'Move Asset API: action, assetId, organizationTo -> {status, asset}',
  },
  isRecycleBinEnabled: {
    ...recycleBin('isRecycleBinEnabled'),
    name: 'isRecycleBinEnabled',
    safeToRepeat: true,
    response: recycleBinEnabled,
    reference: 'Recycle Bin API: Check if Recycle Bin is enabled',
  },
  recycleBinAssets: {
    ...recycleBin('getAssets'),
    name: 'recycle bin',
    safeToRepeat: true,
    response: recycleBinAssets,
    reference: 'Recycle Bin API: Get Assets',
  },
  recoverAsset: {
    ...recycleBin('recoverAsset'),
    name: 'recoverAsset',
    safeToRepeat: false,
    response: assetEnvelope,
    reference: 'Recycle Bin API: Recover an asset from the Recycle Bin',
  },
  purgeAsset: {
    ...recycleBin('deleteAsset'),
    name: 'recycle bin deleteAsset',
    safeToRepeat: false,
    response: z.object({ status: ok, assetId: z.union([z.number(), z.string()]), message: z.string().nullish() }),
    reference: 'Recycle Bin API: Permanently delete an asset -> {message: "asset-permanently-deleted", assetId, status}',
  },
  emptyRecycleBin: {
    ...recycleBin('emptyRecycleBin'),
    name: 'emptyRecycleBin',
    safeToRepeat: false,
    response: z.object({ status: ok, message: z.string().nullish() }),
    reference: 'Recycle Bin API: Empty the Recycle Bin -> {message: "assets-deleted", status}',
  },
} as const satisfies Record<string, Endpoint<z.ZodType>>;

// The answers are checked by validators compiled from these schemas (npm run codegen).
useCompiledValidators(ICAREUS_ENDPOINTS, {}, compiled);
