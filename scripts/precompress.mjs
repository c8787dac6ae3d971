#!/usr/bin/env node
// Writes a brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside every file a browser
// downloads from dist/ (wasm, js, css, html, json, the data files), so that a server which serves
// precompressed files — ours (scripts/static-server.mjs), nginx's `gzip_static`/`brotli_static` —
// sends the smallest encoding the browser accepts without compressing on every request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
let files = 0;
const walk = (d) => readdirSync(d).forEach((f) => {
  const p = join(d, f);
  if (statSync(p).isDirectory()) return walk(p);
  if (!/\.(wasm|js|css|html|json|bin)$/.test(f)) return;
  const buf = readFileSync(p);
  if (buf.length < 1024) return;
  writeFileSync(`${p}.br`, brotliCompressSync(buf, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }));
  writeFileSync(`${p}.gz`, gzipSync(buf, { level: 9 }));
  files++;
});
const t0 = performance.now();
walk(dir);
console.log(`precompressed ${files} files (.br, .gz) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
