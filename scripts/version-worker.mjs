#!/usr/bin/env node
// Trunk names a worker's files without a content hash (the page must know their names). This puts a
// hash of the training module and its loader into the built page (`<meta name="lwkd-worker-version">`);
// the page adds it to their URLs, so a cache never pairs a new page with an old loader or module.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'dist';
const hash = createHash('sha256');
for (const f of ['trainer-worker.js', 'lwkd-worker.js', 'lwkd-worker_bg.wasm']) hash.update(readFileSync(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
const page = join(dir, 'index.html');
const html = readFileSync(page, 'utf8').replace(/<meta name="lwkd-worker-version"[^>]*>\s*/, '');
writeFileSync(page, html.replace('</head>', `  <meta name="lwkd-worker-version" content="${version}" />\n  </head>`));
console.log(`[version-worker] ${version}`);
