#!/usr/bin/env node
// Writes a brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside every file a browser
// downloads from dist/ (wasm, js, css, html, json, the data files), so that a server which serves
// precompressed files — ours (scripts/static-server.mjs), nginx's `gzip_static`/`brotli_static` —
// sends the smallest encoding the browser accepts without compressing on every request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const [br, gz] = [promisify(brotliCompress), promisify(gzip)];
const dir = process.argv[2] ?? 'dist';
const files = [];
const walk = (d) => readdirSync(d).forEach((f) => {
  const p = join(d, f);
  if (statSync(p).isDirectory()) return walk(p);
  if (/\.(wasm|js|css|html|json|bin)$/.test(f) && statSync(p).size >= 1024) files.push(p);
});
const t0 = performance.now();
walk(dir);
// zlib's asynchronous calls run on libuv's thread pool: every core compresses (brotli at quality 11
// is most of the build's last minutes), the files one after another on each.
await Promise.all(files.map(async (p) => {
  const buf = readFileSync(p);
  writeFileSync(`${p}.br`, await br(buf, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }));
  writeFileSync(`${p}.gz`, await gz(buf, { level: 9 }));
}));
console.log(`precompressed ${files.length} files (.br, .gz) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
