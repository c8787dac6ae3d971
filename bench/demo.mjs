#!/usr/bin/env node
// End-to-end benchmark (not part of the tests): the default demo in headless Chromium — synthesize,
// teacher, then every default method of stage 3 — timed stage by stage, plus the bytes downloaded before
// time until the page is usable (download sizes: scripts/report-size.mjs). Needs a built dist/.
//   node bench/demo.mjs [--webgpu] [--query '?m=lwkd,ce,tfkd'] [--workers N] [--pause S] [--dist other-build/] > result.json
// --workers N sets stage 3's pool size (default: the app's choice for this machine's cores).
// --pause S waits S seconds after the teacher before starting stage 3, as a person reading its result
// would (the total then includes the pause).
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { serve } from '../scripts/static-server.mjs';

const args = process.argv.slice(2);
const webgpu = args.includes('--webgpu');
const query = args.includes('--query') ? args[args.indexOf('--query') + 1] : '';
const dist = args.includes('--dist') ? args[args.indexOf('--dist') + 1] : join(import.meta.dirname, '..', 'dist');
const server = await serve(dist, 0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', ...(webgpu ? ['--enable-unsafe-webgpu'] : [])],
});
const workers = args.includes('--workers') ? args[args.indexOf('--workers') + 1] : null;
const pause = args.includes('--pause') ? Number(args[args.indexOf('--pause') + 1]) : 0;
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
if (workers) await page.addInitScript((n) => localStorage.setItem('lwkd-workers', n), workers);
const log = (m) => process.stderr.write(`[bench] ${m}\n`);
const t = () => performance.now();
const out = { query, webgpu, workers_asked: workers, pause_s: pause, stages: {} };
try {
  const t0 = t();
  await page.goto(`${origin}/${query}`);
  await page.locator('#generate:enabled').waitFor({ timeout: 120_000 });
  out.page_ready_s = (t() - t0) / 1000;
  out.backend = await page.locator('#backend-line').innerText();
  let s = t();
  await page.click('#generate');
  await page.locator('#synth-summary').waitFor();
  out.stages.synthesize_s = (t() - s) / 1000;
  s = t();
  await page.click('#train');
  await page.locator('#teacher-result').waitFor({ timeout: 1_800_000 });
  out.stages.teacher_s = (t() - s) / 1000;
  out.teacher = (await page.locator('#teacher-result').innerText()).replace(/\n/g, ' | ');
  log(`teacher: ${out.teacher}`);
  await page.locator('#distill-run:enabled').waitFor({ timeout: 120_000 });
  if (pause) await page.waitForTimeout(pause * 1000);
  const methods = await page.$$eval('fieldset.methods input:checked', (xs) => xs.map((x) => x.id.slice(7)));
  s = t();
  await page.click('#distill-run');
  const done = new Set();
  while (done.size < methods.length) {
    await page.waitForFunction((n) => document.querySelectorAll('#results-table tbody tr').length > n, done.size, { timeout: 1_800_000 });
    const rows = await page.$$eval('#results-table tbody tr', (trs) => trs.map((tr) => [tr.dataset.method, [...tr.querySelectorAll('td')].map((td) => td.innerText)]));
    for (const [m, cells] of rows) if (!done.has(m)) {
      done.add(m);
      out.stages[`${m}_done_at_s`] = (t() - s) / 1000;
      out[m] = { test_acc: cells[1], train_acc: cells[2], teacher: cells[3], vs_heavy: cells[4], distill: cells[5], total: cells[6] };
      log(`${m}: ${cells.join(' | ')} (at ${((t() - s) / 1000).toFixed(1)} s)`);
    }
  }
  out.stages.distill_all_s = (t() - s) / 1000;
  out.trainer_workers = page.workers().filter((w) => w.url().includes('trainer-worker.js')).length;
  out.total_s = (t() - t0) / 1000;
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(out, null, 2));
