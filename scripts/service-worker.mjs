#!/usr/bin/env node
// Fills the built service worker (dist/sw.js, from public/sw.js) with this build's files to keep
// offline — the page, its module, the training module, the stylesheet, the manifest and icons, and
// the default digits — and a version hashed from their contents, so each build replaces the last
// one's cache. Target datasets (tens of MB) are kept when a person first uses them, not before.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.argv[2] ?? 'dist';
const files = (d) => readdirSync(d).flatMap((name) => {
  const path = join(d, name);
  return statSync(path).isDirectory() ? files(path) : [relative(dir, path).split(sep).join('/')];
});
const kept = files(dir)
  .filter((f) => !/\.(br|gz)$/.test(f) && f !== 'sw.js' && f !== 'index.html')
  .filter((f) => !f.startsWith('data/') || /^data\/(manifest\.json|mnist-)/.test(f))
  .sort();
// The training module's files and their loader as the page asks for them: with their version
// (scripts/version-worker.mjs), so the cache answers that version only, and the browser's own cache
// entry is the same one.
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const moduleVersion = html.match(/<meta name="lwkd-worker-version" content="([0-9a-f]+)"/)?.[1];
if (!moduleVersion) throw new Error('index.html has no lwkd-worker-version: run scripts/version-worker.mjs first');
const asked = (f) => (/^(lwkd-worker(_bg\.wasm|\.js)|trainer-worker\.js)$/.test(f) ? `${f}?v=${moduleVersion}` : f);
const hash = createHash('sha256');
for (const f of ['index.html', ...kept]) hash.update(f).update(readFileSync(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
const worker = join(dir, 'sw.js');
const text = readFileSync(worker, 'utf8')
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__FILES__', JSON.stringify(['./', ...kept.map(asked)]));
if (text.includes('__FILES__') || text.includes('__VERSION__')) throw new Error('sw.js: placeholders not found');
writeFileSync(worker, text);
const mb = kept.reduce((s, f) => s + statSync(join(dir, f)).size, 0) / 1e6;
console.log(`[service-worker] ${version}: ${kept.length + 1} files kept offline (${mb.toFixed(1)} MB raw)`);
