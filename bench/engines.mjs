#!/usr/bin/env node
// Where each engine spends the Quick look (not part of the tests): Chromium (playwright-core), Firefox
// and WebKit (tests/e2e/engines.mjs), each with the pool's own size and with 1 and 2 workers. Prints one
// JSON: the engine's hardwareConcurrency, the whole run, and per method the distillation seconds, steps
// and ms per step (from the result the page saves), the teacher's ms per step. Needs a built dist/.
//   node bench/engines.mjs [--engines chromium,firefox,webkit] [--workers default,1,2] > engines.json
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/static-server.mjs';
import { firefox, webkit } from '../tests/e2e/engines.mjs';

const args = process.argv.slice(2);
const pick = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback).split(',');
const engines = pick('--engines', 'chromium,firefox,webkit');
const sizes = pick('--workers', 'default,1,2');
const QUICK = '?nv=20&de=10&m=lwkd,ce,tfkd';
const log = (m) => process.stderr.write(`[engines] ${m}\n`);

async function chromiumDriver() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  return {
    name: 'Chromium', version: browser.version(),
    goto: (u) => page.goto(u), click: (s) => page.click(s),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitFor: (fn, arg, timeout) => page.waitForFunction(fn, arg, { timeout, polling: 200 }),
    close: () => browser.close(),
  };
}
const start = { chromium: chromiumDriver, firefox, webkit };

const server = await serve(join(import.meta.dirname, '..', 'dist'), 0);
const origin = `http://127.0.0.1:${server.address().port}`;
const out = [];
for (const name of engines) {
  for (const size of sizes) {
    const b = await start[name]();
    try {
      await b.goto(`${origin}/${QUICK}`);
      // A fresh run each time: no saved result, the asked pool size.
      await b.evaluate((n) => { localStorage.clear(); if (n !== 'default') localStorage.setItem('lwkd-workers', n); }, size);
      await b.goto(`${origin}/${QUICK}`);
      await b.waitFor(() => document.getElementById('run-demo')?.disabled === false, null, 120_000);
      const cores = await b.evaluate(() => navigator.hardwareConcurrency);
      const t0 = Date.now();
      await b.click('#run-demo');
      await b.waitFor(() => document.querySelectorAll('#results-table tbody tr').length === 3
        && document.querySelector('#distill-run')?.disabled === false, null, 600_000);
      const seconds = (Date.now() - t0) / 1000;
      const saved = await b.evaluate(() => {
        const key = Object.keys(localStorage).find((k) => k.startsWith('lwkd.comparison'));
        return JSON.parse(localStorage.getItem(key));
      });
      const teacher = await b.evaluate(() => document.querySelector('#teacher-rate')?.innerText ?? '');
      const methods = saved.results.map((r) => ({
        method: r.method, distill_s: +r.distill_s.toFixed(2), steps: r.steps,
        ms_per_step: +(1000 * r.distill_s / r.steps).toFixed(1), accuracy: +(100 * r.test_acc).toFixed(2),
      }));
      const row = { engine: b.name, workers: size, hardware_concurrency: cores, seconds, teacher, methods };
      log(JSON.stringify(row));
      out.push(row);
    } finally { await b.close(); }
  }
}
server.close();
console.log(JSON.stringify({ date: new Date().toISOString(), query: QUICK, runs: out }, null, 2));
