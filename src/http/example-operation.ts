// The operation the explorer (and the Sandbox page) opens with: what an app developer tries first.
export const EXAMPLE_OPERATION = `# The newest assets of every configured vendor in one list. Try filter: { search: "interview" },
# node(id:) with an id from the results, or recycleBin(source: "iconik-demo").
query ExampleAssets {
  sources { name vendor capabilities }
  assets(first: 10, orderBy: { field: CREATED_AT, direction: DESC }) {
    edges {
      node {
        id title kind status vendorStatus durationMs thumbnailUrl
        source { name vendor }
        collections { edges { node { title } } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;
