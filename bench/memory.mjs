#!/usr/bin/env node
// Memory benchmark (not part of the tests): the wasm memory of the page and of each training worker
// (`wasmBindings.memory_report()`), for synthesized sets of several sizes — the figures the tab's memory
// model in src/pipeline/memory.rs is fitted to — and what is left once the run is cancelled or done.
// Needs a built dist/.
//   node bench/memory.mjs [--train-s S] [--demo] > result.json
// Each case generates its numerals, trains the teacher for at most S seconds (default 20: the copies
// are all made by the first steps), then cancels; --demo also runs the default demo's stage 3 and
// reports its workers' memory.
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { serve } from '../scripts/static-server.mjs';

const args = process.argv.slice(2);
const trainS = args.includes('--train-s') ? Number(args[args.indexOf('--train-s') + 1]) : 20;
const demo = args.includes('--demo');
const cases = [
  { name: 'K=10, default', query: '' },
  { name: 'K=10, 2000 per class', query: '?n=2000' },
  { name: 'K=100, 200 per class', query: '?k=100&n=200' },
  { name: 'K=100, 500 per class', query: '?k=100&n=500' },
  { name: 'K=100, 700 per class', query: '?k=100&n=700' },
];
const server = await serve(join(import.meta.dirname, '..', 'dist'), 0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const log = (m) => process.stderr.write(`[memory] ${m}\n`);
const report = (page) => page.evaluate(() => JSON.parse(window.wasmBindings.memory_report()));
const mb = (b) => Math.round(b / 1e6);
const out = { train_s: trainS, cases: [] };

/// Polls the report until `done()` resolves, keeping each instance's largest figure.
async function watch(page, done) {
  const peak = { page: 0, workers: {} };
  let finished = false;
  const end = done().finally(() => { finished = true; });
  while (!finished) {
    const r = await report(page);
    peak.page = Math.max(peak.page, r.page);
    for (const [i, b] of Object.entries(r.workers)) peak.workers[i] = Math.max(peak.workers[i] ?? 0, b);
    await page.waitForTimeout(250);
  }
  await end;
  return peak;
}

try {
  for (const c of cases) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${origin}/${c.query}`);
    await page.locator('#generate:enabled').waitFor({ timeout: 120_000 });
    const estimate = async () => (await page.locator('#teacher-estimate').innerText()).trim();
    await page.click('#generate');
    await page.locator('#synth-summary').waitFor({ timeout: 600_000 });
    const row = { name: c.name, query: c.query, synth: (await page.locator('#synth-summary').innerText()).replace(/\n/g, ' | ') };
    row.estimate = await estimate();
    await page.click('#train');
    const peak = await watch(page, async () => {
      const ended = page.locator('#teacher-result').waitFor({ timeout: trainS * 1000 }).then(() => 'done', () => 'cut');
      if ((await ended) === 'cut') {
        await page.click('#cancel');
        await page.locator('#train:enabled').waitFor({ timeout: 60_000 });
      }
      row.ended = await ended;
    });
    // The heartbeat that follows the job's end reports the worker, or its absence once released.
    await page.waitForTimeout(2500);
    const after = await report(page);
    Object.assign(row, {
      page_peak_mb: mb(peak.page),
      worker_peak_mb: mb(peak.workers['0'] ?? 0),
      tab_peak_mb: mb(peak.page + Object.values(peak.workers).reduce((a, b) => a + b, 0)),
      after: { page_mb: mb(after.page), workers_mb: Object.fromEntries(Object.entries(after.workers).map(([i, b]) => [i, mb(b)])) },
    });
    log(JSON.stringify(row));
    out.cases.push(row);
    await page.close();
  }
  if (demo) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${origin}/`);
    await page.locator('#run-demo:enabled').waitFor({ timeout: 120_000 });
    await page.click('#run-demo');
    const peak = await watch(page, () => page.locator('#results-table tbody tr').nth(5).waitFor({ timeout: 600_000 })
      .then(() => page.locator('#distill-run:enabled').waitFor({ timeout: 600_000 })));
    await page.waitForTimeout(2500);
    const after = await report(page);
    out.demo = {
      page_peak_mb: mb(peak.page),
      workers_peak_mb: Object.fromEntries(Object.entries(peak.workers).map(([i, b]) => [i, mb(b)])),
      after_workers_mb: Object.fromEntries(Object.entries(after.workers).map(([i, b]) => [i, mb(b)])),
    };
    log(JSON.stringify(out.demo));
  }
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(out, null, 2));
