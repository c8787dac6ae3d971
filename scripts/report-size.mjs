#!/usr/bin/env node
// Prints the bytes a browser downloads before the first interaction: the app (wasm, js, css, html)
// and the default data (manifest + the two MNIST digit files), raw and gzip-compressed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const rows = [];
const walk = (d) => readdirSync(d).forEach((f) => {
  const p = join(d, f);
  if (statSync(p).isDirectory()) return walk(p);
  if (/\.(wasm|js|css|html)$/.test(f) || /^(manifest\.json|mnist-(train|test)\.bin)$/.test(f)) {
    const buf = readFileSync(p);
    rows.push({ file: p.slice(dir.length + 1), raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
  }
});
walk(dir);
const mb = (n) => (n / 1e6).toFixed(2) + ' MB';
for (const r of rows) console.log(`${r.file.padEnd(44)} ${mb(r.raw).padStart(10)} raw ${mb(r.gzip).padStart(10)} gzip`);
const sum = (k, f) => rows.filter(f).reduce((s, r) => s + r[k], 0);
const app = (r) => !r.file.startsWith('data/');
console.log(`app total: ${mb(sum('raw', app))} raw, ${mb(sum('gzip', app))} gzip; with default data: ${mb(sum('raw', () => true))} raw, ${mb(sum('gzip', () => true))} gzip`);
