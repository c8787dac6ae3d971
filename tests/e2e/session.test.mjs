// A long session in one tab: ten runs back to back (teacher + two students), every other one cancelled
// mid-way. Memory (the page's and the training worker's) must not keep growing, and the app must not
// slow down.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, trainerWorker } from './browser.mjs';

test('ten runs in one tab: JS heap and wasm memory stay flat, no slowdown', { timeout: 600_000 }, async () => {
  const { page, problems, close } = await openApp({
    // The small CNN student keeps each run a few seconds long, so timer jitter stays well under 10 %.
    query: '?n=100&nv=20&te=1&st=cnn&tpc=20&de=1&m=lwkd,ce',
    args: ['--js-flags=--expose-gc', '--enable-precise-memory-info'],
    // Trunk hands the wasm exports (and so its memory) to this event.
    initScript: () => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }),
    // The training worker instantiates the same module; keep its exports (and so its memory).
    workerPrelude: `for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = async (...a) => { const r = await original(...a); self.__wasm = (r.instance ?? r).exports; return r; };
    }`,
  });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await page.click('#generate');
    await page.locator('#synth-summary').waitFor();
    const memory = async () => ({
      ...await page.evaluate(() => {
        window.gc();
        return { heap: performance.memory.usedJSHeapSize, wasm: window.__wasm.memory.buffer.byteLength };
      }),
      worker: await (await trainerWorker(page)).evaluate(() => self.__wasm.memory.buffer.byteLength),
    });
    const runs = [];
    for (let i = 1; i <= 10; i++) {
      const t0 = Date.now();
      await page.click('#train');
      await page.locator('#teacher-result').waitFor({ timeout: 120_000 });
      await page.locator('#distill-run:enabled').waitFor({ timeout: 60_000 });
      await page.click('#distill-run');
      if (i % 2 === 0) {
        await page.waitForFunction(() => /step [1-9]/.test(document.querySelector('#distill-rate').innerText));
        await page.click('#distill-cancel');
        await page.locator('#notice', { hasText: 'Cancelled' }).waitFor({ timeout: 30_000 });
      } else {
        await page.waitForFunction(() => document.querySelectorAll('#results-table tbody tr').length === 2,
          null, { timeout: 120_000 });
      }
      await page.locator('#distill-run:enabled').waitFor({ timeout: 30_000 });
      runs.push({ i, seconds: (Date.now() - t0) / 1000, ...(await memory()) });
    }
    for (const r of runs) {
      console.log(`# run ${r.i}: ${r.seconds.toFixed(1)} s, JS heap ${(r.heap / 1e6).toFixed(1)} MB, wasm memory ${(r.wasm / 1e6).toFixed(1)} MB, training worker's wasm memory ${(r.worker / 1e6).toFixed(1)} MB`);
    }
    const [second, last] = [runs[1], runs[9]];
    assert.ok(last.heap <= second.heap * 1.1 + 1e6, `JS heap grew from ${second.heap} to ${last.heap}`);
    assert.ok(last.wasm <= second.wasm * 1.1, `wasm memory grew from ${second.wasm} to ${last.wasm}`);
    assert.ok(last.worker <= second.worker * 1.1, `the worker's wasm memory grew from ${second.worker} to ${last.worker}`);
    // Completed runs only (odd), the faster of each pair, so that one run slowed by the shared machine
    // does not decide. On a flat session the two pairs differed by up to 1.2× (CI, 2026-12-06; 24 runs in
    // a row stayed within 3.6–4.0 s after warm-up): a leak that makes each run 10 % slower than the one
    // before shows 1.46× here, one that adds 15 % shows 1.75×.
    const early = Math.min(runs[2].seconds, runs[4].seconds);
    const late = Math.min(runs[6].seconds, runs[8].seconds);
    assert.ok(late <= early * 1.4, `runs 7 and 9 took at least ${late} s, runs 3 and 5 ${early} s`);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});
