#!/usr/bin/env node
// The browser half of bench/gpu-check.sh (not part of the tests): headless Chromium with WebGPU on the
// machine's adapter — the adapter it got, *Measure both backends*' numbers, *Automatic*'s choice and the
// Quick look link on WebGPU and on the CPU with their accuracies. One JSON object on stdout. Needs a
// built dist/.
//   node bench/gpu-check.mjs [--skip-quick]
// Chromium's flags for a hardware adapter on Linux (no display): WebGPU over Vulkan, the GPU blocklist
// ignored (headless Chromium otherwise falls back to SwiftShader, which the JSON then names). Not yet
// tried on a hardware GPU; on this project's GPU-less machines they keep the page from loading, while
// GPU_FLAGS='--enable-unsafe-webgpu' runs the whole check on SwiftShader. GPU_FLAGS replaces them.
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { serve } from '../scripts/static-server.mjs';

export const GPU_FLAGS = process.env.GPU_FLAGS?.split(' ') ?? ['--enable-unsafe-webgpu', '--enable-features=Vulkan',
  '--use-angle=vulkan', '--use-vulkan=native', '--disable-vulkan-surface', '--ignore-gpu-blocklist'];
const QUICK = '?nv=20&de=10&m=lwkd,ce,tfkd';
const log = (m) => process.stderr.write(`[gpu-check] ${m}\n`);
const server = await serve(join(import.meta.dirname, '..', 'dist'), 0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', ...GPU_FLAGS] });
const out = { flags: GPU_FLAGS };

/// The Quick look link on `backend`: its rows' test accuracies and the time from pressing the demo's
/// button to the last row.
async function quickLook(backend) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${origin}/${QUICK}&be=${backend}`);
    await page.locator('#run-demo:enabled').waitFor({ timeout: 120_000 });
    const t0 = performance.now();
    await page.click('#run-demo');
    await page.waitForFunction(() => document.querySelectorAll('#results-table tbody tr').length === 3, null, { timeout: 1_800_000 });
    await page.locator('#distill-run:enabled').waitFor({ timeout: 600_000 });
    const rows = await page.$$eval('#results-table tbody tr', (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.method, tr.querySelectorAll('td')[1].innerText])));
    return { seconds: (performance.now() - t0) / 1000, test_acc: rows, backend_line: await page.locator('#backend-line').innerText() };
  } finally { await page.close(); }
}

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${origin}/`);
  await page.locator('#generate:enabled').waitFor({ timeout: 120_000 });
  out.adapter = await page.evaluate(async () => {
    const a = await navigator.gpu?.requestAdapter();
    if (!a) return null;
    const i = a.info ?? {};
    return { vendor: i.vendor, architecture: i.architecture, description: i.description, fallback: a.isFallbackAdapter ?? i.isFallbackAdapter ?? null };
  });
  log(`adapter: ${JSON.stringify(out.adapter)}`);
  out.automatic_line = await page.locator('#backend-line').innerText();
  await page.click('#measure-backends');
  await page.waitForFunction(() => !/measuring|timing/i.test(document.querySelector('#backend-line')?.innerText ?? ''), null, { timeout: 300_000 });
  await page.locator('#measure-backends:enabled').waitFor({ timeout: 300_000 });
  out.measured_line = await page.locator('#backend-line').innerText();
  log(`measured: ${out.measured_line}`);
  await page.close();
  if (!process.argv.includes('--skip-quick')) {
    out.quick_look = { webgpu: await quickLook('webgpu'), cpu: await quickLook('cpu') };
    log(`quick look: ${JSON.stringify(out.quick_look)}`);
  }
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(out));
