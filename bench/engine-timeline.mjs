#!/usr/bin/env node
// One engine's Quick look as a timeline (not part of the tests): when each stage's result appears after
// the demo's button, and how busy the page's main thread was meanwhile (the lateness of a 50 ms timer,
// summed per stage: time the page itself kept a core). Needs a built dist/.
//   node bench/engine-timeline.mjs [chromium|firefox|webkit] [--workers N] [--query '?…'] [--dist other-build/] > timeline.json
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/static-server.mjs';
import { firefox, webkit } from '../tests/e2e/engines.mjs';

const args = process.argv.slice(2);
const engine = args.find((a) => !a.startsWith('--') && !/^\d|^\?/.test(a)) ?? 'webkit';
const opt = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
const workers = opt('--workers', 'default');
const query = opt('--query', '?nv=20&de=10&m=lwkd,ce,tfkd');
const dist = opt('--dist', join(import.meta.dirname, '..', 'dist'));

async function chromiumDriver() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  return { goto: (u) => page.goto(u), click: (s) => page.click(s), evaluate: (fn, arg) => page.evaluate(fn, arg), close: () => browser.close() };
}
const b = await ({ chromium: chromiumDriver, firefox, webkit })[engine]();
const server = await serve(dist, 0);
const origin = `http://127.0.0.1:${server.address().port}`;
try {
  await b.goto(`${origin}/${query}`);
  await b.evaluate((n) => { localStorage.clear(); if (n !== 'default') localStorage.setItem('lwkd-workers', n); }, workers);
  await b.goto(`${origin}/${query}`);
  for (let i = 0; !(await b.evaluate(() => document.getElementById('run-demo')?.disabled === false)); i++) {
    if (i > 600) throw new Error('the demo button never became ready');
    await new Promise((r) => setTimeout(r, 200));
  }
  // In the page: a 50 ms timer whose lateness is the main thread's busy time, and the moments each
  // milestone first shows.
  await b.evaluate(() => {
    const t0 = performance.now();
    window.__timeline = { busy: 0, marks: {} };
    let last = t0;
    setInterval(() => { const now = performance.now(); window.__timeline.busy += Math.max(0, now - last - 50); last = now; }, 50);
    const marks = { synth: '#synth-summary', teacher: '#teacher-result', row1: '#results-table tbody tr:nth-child(1)',
      row2: '#results-table tbody tr:nth-child(2)', row3: '#results-table tbody tr:nth-child(3)' };
    const poll = () => {
      for (const [name, sel] of Object.entries(marks)) {
        if (!(name in window.__timeline.marks) && document.querySelector(sel)) {
          window.__timeline.marks[name] = { s: +((performance.now() - t0) / 1000).toFixed(2), busy_s: +(window.__timeline.busy / 1000).toFixed(2) };
        }
      }
      if (Object.keys(window.__timeline.marks).length < 5) setTimeout(poll, 20);
    };
    poll();
    document.getElementById('run-demo').click();
  });
  let timeline;
  for (let i = 0; ; i++) {
    timeline = await b.evaluate(() => window.__timeline);
    if (Object.keys(timeline.marks).length === 5 || i > 3000) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const cores = await b.evaluate(() => navigator.hardwareConcurrency);
  // The teacher's own figures, and each student's steps and seconds (the result the page saved).
  const teacher = await b.evaluate(() => document.querySelector('#teacher-result')?.innerText);
  const students = await b.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('lwkd.comparison'));
    return JSON.parse(localStorage.getItem(key)).results.map((r) => ({
      method: r.method, distill_s: +r.distill_s.toFixed(2), ms_per_step: +(1000 * r.distill_s / r.steps).toFixed(1) }));
  });
  console.log(JSON.stringify({ engine, workers, hardware_concurrency: cores, query, marks: timeline.marks, teacher, students }, null, 1));
} finally {
  await b.close();
  server.close();
}
