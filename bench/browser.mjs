#!/usr/bin/env node
// In-browser benchmark (not part of the tests): LeNet-5 training throughput for our backends (WebGPU,
// CPU) beside TensorFlow.js 4.22 (webgpu, webgl, wasm, cpu) in one page of headless Chromium. Needs a
// built dist/ (bash scripts/build-web.sh) and `npm ci` (scripts/setup.sh).
//   node bench/browser.mjs [--steps 10] [--warmup 2] [--batch 64,256] [--libs lwkd,tfjs] > bench-browser.json
//   node bench/browser.mjs --serve [port]   serves the page to open in any browser (a real GPU's)
//   --dist DIR: benchmark another build of the app (before/after a change)
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/static-server.mjs';

const root = join(import.meta.dirname, '..');
const arg = (name, dflt) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : dflt; };
const tfjs = (pkg) => join(root, 'node_modules', '@tensorflow', pkg, 'dist');
const dist = arg('dist', join(root, 'dist'));
const mounts = {
  '/bench/': join(root, 'bench', 'browser'),
  '/vendor/tfjs/': tfjs('tfjs'),
  '/vendor/tfjs-backend-webgpu/': tfjs('tfjs-backend-webgpu'),
  '/vendor/tfjs-backend-wasm/': tfjs('tfjs-backend-wasm'),
};
// Cross-origin isolation lets TensorFlow.js's wasm backend use its threaded build: its best case.
const headers = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

if (process.argv.includes('--serve')) {
  const server = await serve(dist, Number(arg('serve', 8090)) || 8090, undefined, { mounts, headers });
  console.log(`open http://127.0.0.1:${server.address().port}/bench/ and press Run`);
} else {
  const server = await serve(dist, 0, undefined, { mounts, headers });
  const query = new URLSearchParams({ auto: '', steps: arg('steps', '10'), warmup: arg('warmup', '2'), batch: arg('batch', '64,256'), libs: arg('libs', 'lwkd,tfjs') });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    // WebGPU and WebGL both on SwiftShader here (no GPU); on a machine with one they use it.
    args: ['--no-sandbox', '--enable-unsafe-webgpu', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
  });
  try {
    const page = await browser.newPage();
    page.on('console', (m) => process.stderr.write(`[page] ${m.text()}\n`));
    page.on('pageerror', (e) => process.stderr.write(`[page error] ${e.message}\n`));
    await page.goto(`http://127.0.0.1:${server.address().port}/bench/?${query}`);
    let shown = 0;
    const timer = setInterval(async () => {
      const rows = await page.$$eval('#results tbody tr', (t) => t.map((r) => r.innerText.replace(/\t/g, ' | '))).catch(() => []);
      for (; shown < rows.length; shown++) process.stderr.write(`[bench] ${rows[shown]}\n`);
    }, 2000);
    const out = await page.evaluate(() => window.benchDone);
    clearInterval(timer);
    out.ratios = ratios(out.results ?? []);
    console.log(JSON.stringify(out, null, 2));
  } finally {
    await browser.close();
    server.close();
  }
}

/// Ours ÷ each TensorFlow.js backend, samples/s at each batch size, within this one run.
function ratios(results) {
  const ok = results.filter((r) => !r.error);
  const out = {};
  for (const r of ok.filter((r) => r.library === 'lwkd')) for (const p of ok.filter((p) => p.library === 'tfjs' && p.batch === r.batch)) {
    out[`lwkd ${r.backend} / tfjs ${p.backend} @ ${r.batch}`] = +(r.samples_per_s / p.samples_per_s).toFixed(2);
  }
  return out;
}
