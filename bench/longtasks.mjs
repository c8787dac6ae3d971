#!/usr/bin/env node
// Where the main thread blocks (not a test): runs a small comparison in headless Chromium and prints
// every task over 100 ms with what the page showed just before it, and where its time went (the
// functions with the most self time in a CPU profile, with `--profile`). Needs a built dist/.
//   node bench/longtasks.mjs ['?n=100&nv=20&te=1&tpc=40&de=2&he=1&m=lwkd,ce,tfkd,kd'] [--profile] [--dist DIR]
// (a dist/ whose wasm keeps its names — Trunk's target/wasm-bindgen/release/*_bg.wasm copied over the
// optimised one — makes the profile readable)
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { serve } from '../scripts/static-server.mjs';

const args = process.argv.slice(2);
const profile = args.includes('--profile');
const query = args.find((a) => a.startsWith('?')) ?? '?n=100&nv=20&te=1&tpc=40&de=2&he=1&m=lwkd,ce,tfkd,kd';
const dist = args.includes('--dist') ? args[args.indexOf('--dist') + 1] : join(import.meta.dirname, '..', 'dist');
const server = await serve(dist, 0);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__tasks = [];
    window.__shown = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__tasks.push([e.startTime, e.duration])))
      .observe({ type: 'longtask', buffered: true });
    const text = (id) => document.querySelector(id)?.innerText ?? '';
    setInterval(() => window.__shown.push([performance.now(),
      [text('#teacher-rate'), text('#distill-rate'), text('#target-status')].join(' | ')]), 20);
  });
  const cdp = await page.context().newCDPSession(page);
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
  }
  await page.goto(`http://127.0.0.1:${server.address().port}/${query}`);
  await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
  await page.click('#generate');
  await page.locator('#synth-summary').waitFor();
  await page.click('#train');
  await page.locator('#teacher-result').waitFor({ timeout: 300_000 });
  await page.locator('#distill-run:enabled').waitFor({ timeout: 60_000 });
  const methods = await page.$$eval('fieldset.methods input:checked', (xs) => xs.length);
  await page.click('#distill-run');
  await page.waitForFunction((n) => document.querySelectorAll('#results-table tbody tr').length === n, methods, { timeout: 600_000 });
  const { tasks, shown, origin } = await page.evaluate(() => ({ tasks: window.__tasks, shown: window.__shown, origin: performance.timeOrigin }));
  const samples = profile ? await profiled(cdp, origin) : [];
  for (const [start, ms] of tasks.filter(([, d]) => d > 100)) {
    const before = shown.filter(([t]) => t <= start).pop();
    console.log(`${ms.toFixed(0).padStart(5)} ms at ${(start / 1000).toFixed(2)} s — ${before ? before[1] : 'page loading'}`);
    const inside = samples.filter(([t]) => t >= start && t <= start + ms);
    const self = new Map();
    for (const [, name] of inside) self.set(name, (self.get(name) ?? 0) + 1);
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 6);
    for (const [name, n] of top) console.log(`        ${String(n).padStart(4)} ms  ${name}`);
  }
  console.log(`tasks over 50 ms: ${tasks.length}, over 100 ms: ${tasks.filter(([, d]) => d > 100).length}`);
} finally {
  await browser.close();
  server.close();
}

/// The profile's samples as [page time in ms, function with the self time].
async function profiled(cdp, timeOrigin) {
  const { profile: p } = await cdp.send('Profiler.stop');
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const name = (id) => {
    const f = nodes.get(id).callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}`.trim();
  };
  // Profile times are µs on the monotonic clock; page time is ms since timeOrigin.
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'performance.now()' });
  let t = p.startTime;
  const out = [];
  p.samples.forEach((id, i) => { t += p.timeDeltas[i]; out.push([t, name(id)]); });
  const shift = out.length ? p.endTime / 1000 - result.value : 0;
  return out.map(([us, n]) => [us / 1000 - shift, n]);
}

