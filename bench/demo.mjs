#!/usr/bin/env node
// End-to-end benchmark (not part of the tests): the default demo in headless Chromium — synthesize,
// teacher, then every default method of stage 3 — timed stage by stage, plus the bytes downloaded before
// time until the page is usable (download sizes: scripts/report-size.mjs). Needs a built dist/.
//   node bench/demo.mjs [--webgpu] [--query '?m=lwkd,ce,tfkd'] [--workers N] [--pause S] [--dist other-build/] > result.json
// --workers N sets stage 3's pool size (default: the app's choice for this machine's cores).
// --pause S waits S seconds after the teacher before starting stage 3, as a person reading its result
// would (the total then includes the pause).
// `timeline` in the output: each worker's jobs from the page's User Timing spans
// (src/web/platform/timeline.rs) — the wait for a worker, for its data and set-up, the job — in seconds
// after *Generate*; each worker's idle gaps during stage 3 while jobs were still to start; and the time
// the page spent drawing charts.
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
await page.addInitScript(() => localStorage.setItem('lwkd-timeline', '1'));
/// The spans as lanes per worker (seconds after *Generate*), stage 3's idle gaps, the charts' time.
function timeline(spans, origin, stage3) {
  const sec = (ms) => Math.round((ms - origin)) / 1000;
  const workers = {};
  for (const s of spans.filter((x) => x.worker !== null)) {
    (workers[s.worker] ??= []).push({ name: s.name, start_s: sec(s.start), end_s: sec(s.end) });
  }
  for (const lane of Object.values(workers)) lane.sort((a, b) => a.start_s - b.start_s);
  // A job of stage 3 starts (its wait for a worker included) no later than the last one does: a gap in
  // a lane before that moment is a worker idle while a job waited.
  const jobs = Object.values(workers).flat().filter((j) => j.start_s >= sec(stage3) && j.name.startsWith('waiting'));
  const lastStart = Math.max(...jobs.map((j) => j.start_s));
  const idle = {};
  for (const [w, lane] of Object.entries(workers)) {
    const busy = lane.filter((j) => j.end_s > sec(stage3));
    let from = sec(stage3);
    for (const j of busy) {
      if (j.start_s - from > 0.05 && j.start_s <= lastStart) (idle[w] ??= []).push({ from_s: from, to_s: j.start_s });
      from = Math.max(from, j.end_s);
    }
  }
  const charts = spans.filter((x) => x.worker === null && x.name.startsWith('chart'));
  return {
    workers,
    stage3_start_s: sec(stage3),
    idle_while_jobs_waited: idle,
    charts: { drawn: charts.length, total_s: Math.round(charts.reduce((t, c) => t + c.end - c.start, 0)) / 1000 },
  };
}
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
  const origin0 = await page.evaluate(() => performance.now());
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
  const stage3 = await page.evaluate(() => performance.now());
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
  out.timeline = timeline(await page.evaluate(() => performance.getEntriesByType('measure')
    .map((m) => ({ name: m.name, start: m.startTime, end: m.startTime + m.duration, worker: m.detail?.worker ?? null }))),
  origin0, stage3);
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(out, null, 2));
