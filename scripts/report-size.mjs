#!/usr/bin/env node
// Prints what a browser downloads, raw, gzip (level 9) and brotli (quality 11), in three parts:
// before the first interaction (the page: html, its wasm and js, css, and the default digits that
// *Generate* needs), the training module the first worker loads while the person reads (lwkd-worker
// and its loader script), and the rest. `--json` prints the totals as JSON.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const rows = [];
const walk = (d) => readdirSync(d).forEach((f) => {
  const p = join(d, f);
  if (statSync(p).isDirectory()) return walk(p);
  if (/\.(wasm|js|css|html)$/.test(f) || /^(manifest\.json|mnist-(train|test)\.bin)$/.test(f)) {
    const buf = readFileSync(p);
    // The copies scripts/precompress.mjs wrote, where there are (the same settings, already paid for).
    const copy = (ext, make) => (existsSync(p + ext) ? statSync(p + ext).size : make().length);
    rows.push({
      file: p.slice(dir.length + 1),
      raw: buf.length,
      gzip: copy('.gz', () => gzipSync(buf, { level: 9 })),
      br: copy('.br', () => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
    });
  }
});
walk(dir);
const part = (r) => (/(^|\/)(lwkd-worker|trainer-worker)/.test(r.file) ? 'worker'
  : r.file.startsWith('bench/') || r.file.startsWith('vendor/') ? 'other' : 'first');
const mb = (n) => (n / 1e6).toFixed(2) + ' MB';
for (const r of rows.filter((r) => part(r) !== 'other')) {
  console.log(`${r.file.padEnd(44)} ${mb(r.raw).padStart(10)} raw ${mb(r.gzip).padStart(10)} gzip ${mb(r.br).padStart(10)} brotli`);
}
const total = (p) => Object.fromEntries(['raw', 'gzip', 'br'].map((k) => [k, rows.filter((r) => part(r) === p).reduce((s, r) => s + r[k], 0)]));
const first = total('first');
const worker = total('worker');
const line = (t) => `${mb(t.raw)} raw, ${mb(t.gzip)} gzip, ${mb(t.br)} brotli`;
console.log(`before the first interaction (page + default digits): ${line(first)}`);
console.log(`training module (loaded by the workers while the person reads): ${line(worker)}`);
if (process.argv.includes('--json')) console.log(JSON.stringify({ first, worker }));
