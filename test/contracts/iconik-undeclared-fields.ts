// The one allow-list of response fields the iconik adapter reads although the OpenAPI
// schema of that response does not declare them, each with the reason it is read anyway.
// test/contracts/iconik.contract.test.ts fails on any field read that is neither declared
// nor listed here.
export const UNDECLARED_FIELDS_READ: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // POST /search/v1/search/ answers SearchDocumentSchema (id, title, description, metadata,
  // dates, object_type). Its documents are iconik's Elasticsearch documents, and the
  // request's `include_fields` names the fields to return, so the other fields of
  // AssetElasticSchema come back when asked for. Medium confidence: not shown by the spec.
  // When status/type/archive_status/in_collections are absent the adapter re-reads the
  // asset through GET /assets/v1/assets/{id}/ (AssetSchema declares them), so a wrong
  // guess costs calls, never wrong data.
  SearchDocumentSchema: {
    type: 'AssetElasticSchema field, asked for in include_fields; re-read by id when absent',
    media_type: 'AssetElasticSchema field, asked for in include_fields; null (kind unknown) when absent',
    status: 'AssetElasticSchema field, asked for in include_fields; re-read by id when absent',
    archive_status: 'AssetElasticSchema field, asked for in include_fields; re-read by id when absent',
    duration_milliseconds: 'AssetElasticSchema field, asked for in include_fields; null when absent',
    date_deleted: 'AssetElasticSchema field, asked for in include_fields; null when absent',
    in_collections: 'AssetElasticSchema field, asked for in include_fields; re-read by id when absent',
    keyframes: 'AssetElasticSchema field, asked for in include_fields; no thumbnail when absent',
    parent_id: 'CollectionElasticSchema field, asked for in include_fields; null (top level) when absent',
    _sort: "SearchCriteriaSchema.search_after is documented as taking the `_sort` key of the last object of the previous response; cursors fall back to offsets when absent (A12)",
  },
  // GET /assets/v1/collections/{id}/contents/ and the delete queue answer
  // AssetElasticSchema, which has `metadata` but not SearchDocumentSchema's `description`.
  AssetElasticSchema: {
    description: 'SearchDocumentSchema field; on list documents the description is read from metadata.description instead',
    _sort: 'search hits only (A12); absent on list documents, which page by offset',
  },
  // GET /assets/v1/assets/{id}/ answers AssetSchema: no media type, duration, keyframes or
  // description (they live in files, formats and metadata views). The adapter uses the
  // search hit's values for these when it has one, else leaves them null.
  AssetSchema: {
    description: 'not in AssetSchema; null unless the search hit had it',
    metadata: 'not in AssetSchema; null unless the search hit had it',
    media_type: 'not in AssetSchema; null unless the search hit had it',
    duration_milliseconds: 'not in AssetSchema; null unless the search hit had it',
    keyframes: 'not in AssetSchema; null unless the search hit had it',
    _sort: 'search hits only (A12); the by-id read has none and needs none',
  },
};
