#!/usr/bin/env node
// Adds a Content-Security-Policy to the built dist/index.html. Trunk writes an inline module script that
// loads the wasm; instead of allowing every inline script, the policy allows exactly that one by its
// SHA-256. Everything else must come from the page's own origin. Run by scripts/build-web.sh after Trunk.
//   'wasm-unsafe-eval'  compiling the app's own WebAssembly (no JS eval is allowed)
//   style-src 'unsafe-inline'  Leptos sets a few style="" attributes (colour swatches); no inline <style>
//   img-src data:/blob:  the favicon is a data: URL; charts exported as PNG are blob: URLs
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2] ?? 'dist/index.html';
let html = readFileSync(file, 'utf8');
html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (scripts.length !== 1) throw new Error(`expected one inline script in ${file}, found ${scripts.length}`);
const hash = createHash('sha256').update(scripts[0], 'utf8').digest('base64');
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}'`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
if (!html.includes('Content-Security-Policy')) throw new Error('could not insert the policy');
writeFileSync(file, html);
console.log(`[csp] ${file}: ${policy}`);
