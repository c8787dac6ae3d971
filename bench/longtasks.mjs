#!/usr/bin/env node
// Where the main thread blocks (not a test): runs a small comparison in headless Chromium and prints
// every task over 100 ms with what the page showed just before it. Needs a built dist/.
//   node bench/longtasks.mjs ['?n=100&nv=20&te=1&tpc=40&de=2&he=1&m=lwkd,ce,tfkd,kd']
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { serve } from '../scripts/static-server.mjs';

const query = process.argv[2] ?? '?n=100&nv=20&te=1&tpc=40&de=2&he=1&m=lwkd,ce,tfkd,kd';
const server = await serve(join(import.meta.dirname, '..', 'dist'), 0);
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
  const { tasks, shown } = await page.evaluate(() => ({ tasks: window.__tasks, shown: window.__shown }));
  for (const [start, ms] of tasks.filter(([, d]) => d > 100)) {
    const before = shown.filter(([t]) => t <= start).pop();
    console.log(`${ms.toFixed(0).padStart(5)} ms at ${(start / 1000).toFixed(2)} s — ${before ? before[1] : 'page loading'}`);
  }
  console.log(`tasks over 50 ms: ${tasks.length}, over 100 ms: ${tasks.filter(([, d]) => d > 100).length}`);
} finally {
  await browser.close();
  server.close();
}
