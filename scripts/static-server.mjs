#!/usr/bin/env node
// A minimal static file server for dist/ (correct MIME types for .wasm, no caching surprises). Used by
// scripts/serve.sh and by the browser tests, which start it in-process to watch every request.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.bin': 'application/octet-stream',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/// Each file's ETag, a hash of its bytes, kept while its inode, size and modification time (to the
/// nanosecond) stay the same.
const tags = new Map();
async function etag(file) {
  const { ino, size, mtimeNs } = await stat(file, { bigint: true });
  const key = `${ino}:${size}:${mtimeNs}`;
  const known = tags.get(file);
  if (known?.key === key) return known.tag;
  const tag = `"${createHash('sha256').update(await readFile(file)).digest('base64url').slice(0, 27)}"`;
  tags.set(file, { key, tag });
  return tag;
}

/// Serves `root` on `host` (127.0.0.1 unless given: 0.0.0.0 serves the local network, e.g. a
/// classroom) at `port` (0 = any free port). `hook(url)` may return
/// { status } or { body } to fake a missing or damaged file. `mounts` maps URL prefixes to other folders
/// (the benchmark page's files); `headers` go on every response.
export function serve(root, port = 0, hook = () => null, { mounts = {}, headers = {}, host = '127.0.0.1' } = {}) {
  // A link may carry a long query (a browser sends up to about 2 MB); Node's default header limit,
  // 16 kB, would answer 431 before the app could say what is wrong with it.
  const server = createServer({ maxHeaderSize: 4 * 1024 * 1024 }, async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const faked = hook(url.pathname);
    const prefix = Object.keys(mounts).find((p) => url.pathname.startsWith(p));
    const base = resolve(prefix ? mounts[prefix] : root);
    const rest = prefix ? url.pathname.slice(prefix.length) : url.pathname;
    let decoded;
    try {
      decoded = decodeURIComponent(rest);
    } catch {
      // A malformed percent-encoding (`/%E0%A4%A`) is the client's error, not the server's end.
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request: malformed path');
      return;
    }
    let path = normalize(join(base, decoded));
    // Inside the served folder only (a sibling such as `<root>-old` shares its prefix).
    if (path !== base && !path.startsWith(base + sep)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(path)).isDirectory()) {
        // A folder's page loads its files relative to it: `/course/lwkd` must become `/course/lwkd/`.
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        path = join(path, 'index.html');
      }
      if (faked?.status) { res.writeHead(faked.status).end(); return; }
      // A precompressed copy (scripts/precompress.mjs) in the best encoding the browser accepts.
      // Accept-Encoding: "gzip, deflate, br;q=0" — an encoding with q=0 is refused.
      const accepted = new Set(String(req.headers['accept-encoding'] ?? '').split(',')
        .map((part) => part.trim().split(';'))
        .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
        .map(([name]) => name.trim().toLowerCase()));
      let encoding = null;
      for (const [name, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!faked?.transform && !encoding && accepted.has(name)
          && await stat(path + ext).then((s) => s.isFile(), () => false)) encoding = [name, ext];
      }
      const file = encoding ? path + encoding[1] : path;
      // Revalidation: an unchanged file is answered 304, so a browser (or the service worker filling
      // its cache after the page loaded the same files) does not download it twice. By content (an
      // ETag from its hash) where the browser sends one: two builds copied within the same second
      // have the same modification time to the second, not the same bytes.
      const modified = new Date(Math.floor((await stat(file)).mtimeMs / 1000) * 1000);
      const tag = await etag(file);
      const match = req.headers['if-none-match'];
      const since = Date.parse(req.headers['if-modified-since'] ?? '');
      const common = {
        ...headers,
        'cache-control': 'no-cache',
        etag: tag,
        'last-modified': modified.toUTCString(),
        vary: 'accept-encoding',
      };
      const unchanged = match !== undefined
        ? match.split(',').map((t) => t.trim()).includes(tag)
        : since >= modified.getTime();
      if (!faked && unchanged) { res.writeHead(304, common).end(); return; }
      let body = await readFile(file);
      if (faked?.transform) body = faked.transform(body);
      res.writeHead(200, {
        ...common,
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        ...(encoding ? { 'content-encoding': encoding[0] } : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  const host = process.env.HOST ?? '127.0.0.1';
  const server = await serve(root, Number(port), undefined, { host });
  console.log(`serving ${root} at http://${host}:${server.address().port}/`);
  if (host === '0.0.0.0') console.log('(on every network interface: others on this network can open it at this machine\'s address)');
}
