// The explorer a browser gets at /graphql: GraphiQL, served from the project's own
// dependencies (graphiql's UMD build on React 18's), so it works without internet access,
// opened on the example operation. Apollo Sandbox, which loads from Apollo's CDN, stays
// available at /sandbox for online use (Apollo's documented embeddable Sandbox).
// Off in production unless GATEWAY_LANDING_PAGE=on, like any landing page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EXAMPLE_OPERATION } from './example-operation.js';

export const EXPLORER_ASSETS_PATH = '/explorer/assets/';
export const SANDBOX_PATH = '/sandbox';

interface Asset {
  readonly type: string;
  readonly body: Buffer;
}

const require = createRequire(import.meta.url);
/** A file of an installed package, found from its main entry (their `exports` hide these paths). */
const fromPackage = (name: string, file: string): Buffer => {
  let root = dirname(require.resolve(name));
  while (basename(root) !== name && dirname(root) !== root) root = dirname(root);
  return readFileSync(join(root, file));
};

/** Read once, on first use: about 1.3 MB of files that never change while the process runs. */
let assets: ReadonlyMap<string, Asset> | undefined;
function loadAssets(graphqlPath: string): ReadonlyMap<string, Asset> {
  assets ??= new Map<string, Asset>([
    ['react.js', { type: 'text/javascript', body: fromPackage('react', 'umd/react.production.min.js') }],
    ['react-dom.js', { type: 'text/javascript', body: fromPackage('react-dom', 'umd/react-dom.production.min.js') }],
    ['graphiql.js', { type: 'text/javascript', body: fromPackage('graphiql', 'dist/index.umd.js') }],
    ['graphiql.css', { type: 'text/css', body: fromPackage('graphiql', 'dist/style.css') }],
    ['start.js', { type: 'text/javascript', body: Buffer.from(startScript(graphqlPath)) }],
  ]);
  return assets;
}

function startScript(graphqlPath: string): string {
  return `// Starts GraphiQL on this gateway's endpoint with the example operation.
const fetcher = GraphiQL.createFetcher({ url: new URL(${JSON.stringify(graphqlPath)}, location.href).href });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(EXAMPLE_OPERATION)}, defaultEditorToolsVisibility: true }),
);
`;
}

const EXPLORER_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>MAM GraphQL gateway: explorer</title>
<link rel="stylesheet" href="${EXPLORER_ASSETS_PATH}graphiql.css">
<style>
  html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
  body { display: flex; flex-direction: column; }
  header { padding: 6px 12px; font-size: 14px; border-bottom: 1px solid #ddd; }
  #graphiql { flex: 1; min-height: 0; }
</style>
</head>
<body>
<header>MAM GraphQL gateway · explorer (GraphiQL, works offline) · <a href="${SANDBOX_PATH}">Apollo Sandbox</a> (needs internet)</header>
<div id="graphiql">Loading the explorer...</div>
<script src="${EXPLORER_ASSETS_PATH}react.js"></script>
<script src="${EXPLORER_ASSETS_PATH}react-dom.js"></script>
<script src="${EXPLORER_ASSETS_PATH}graphiql.js"></script>
<script src="${EXPLORER_ASSETS_PATH}start.js"></script>
</body>
</html>
`;

const sandboxPage = (graphqlPath: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>MAM GraphQL gateway: Apollo Sandbox</title>
<style>html, body, #sandbox { margin: 0; height: 100%; }</style></head>
<body>
<div id="sandbox"></div>
<script src="https://embeddable-sandbox.cdn.apollographql.com/_latest/embeddable-sandbox.umd.production.min.js"></script>
<script>
  new window.EmbeddedSandbox({ target: '#sandbox', initialEndpoint: new URL(${JSON.stringify(graphqlPath)}, location.href).href, initialState: { document: ${JSON.stringify(EXAMPLE_OPERATION)} } });
</script>
</body>
</html>
`;

/** A GET for a page (a browser), not a GraphQL GET request with `?query=`. */
const wantsPage = (req: IncomingMessage, url: URL) =>
  req.method === 'GET' && !url.searchParams.has('query') && (req.headers['accept'] ?? '').includes('text/html');

/**
 * Serves the explorer page (GET /graphql from a browser), its assets and the Sandbox page;
 * answers whether it handled the request.
 */
export function serveExplorer(graphqlPath: string, req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  if (url.pathname.startsWith(EXPLORER_ASSETS_PATH) && req.method === 'GET') {
    const asset = loadAssets(graphqlPath).get(url.pathname.slice(EXPLORER_ASSETS_PATH.length));
    if (!asset) return false;
    res.writeHead(200, { 'content-type': `${asset.type}; charset=utf-8`, 'cache-control': 'public, max-age=3600' }).end(asset.body);
    return true;
  }
  if (url.pathname === SANDBOX_PATH && req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(sandboxPage(graphqlPath));
    return true;
  }
  if (url.pathname.replace(/\/$/, '') === graphqlPath && wantsPage(req, url)) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(EXPLORER_PAGE);
    return true;
  }
  return false;
}
