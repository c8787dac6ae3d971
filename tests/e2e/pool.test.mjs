// Stage 3 runs on a pool of training workers (one method and seed per job, as many at once as the
// machine has cores for): the same seed must give the same numbers whatever the pool's size, and
// whether vanilla KD's heavy teacher was trained ahead (during stage 2) or in the comparison.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { openApp } from './browser.mjs';

const trainers = (page) => page.workers().filter((w) => w.url().includes('trainer-worker.js')).length;

async function compareCsv(page, methods = 3) {
  await page.click('#distill-run');
  await page.waitForFunction((n) => document.querySelectorAll('#results-table tbody tr').length === n
    && !document.querySelector('#distill-run').disabled, methods, { timeout: 300_000 });
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#save-csv')]);
  const rows = readFileSync(await dl.path(), 'utf8').trim().split('\n').slice(1);
  // method, seed, test accuracy, training accuracy (not the times).
  return rows.map((r) => { const c = r.split(','); return [c[0], c[1], c[4], c[5]].join(','); });
}

test('a pool of workers gives the numbers one worker gives, seed for seed', { timeout: 600_000 }, async () => {
  const { page, problems, close } = await openApp({
    webgpu: false, query: '?n=50&nv=10&te=1&tpc=20&de=2&he=1&m=kd,lwkd,ce,tfkd&seeds=2',
  });
  const heavyNote = () => page.locator('#results-table tr[data-method=kd] .heavy-acc').innerText();
  try {
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await page.click('#generate');
    // With a pool, the second worker trains vanilla KD's heavy teacher while the first trains the
    // lightweight one.
    await page.click('#train');
    await page.locator('#teacher-result').waitFor({ timeout: 120_000 });
    // The default pool: a core each but one, at least two.
    const pooled = await compareCsv(page, 4);
    assert.equal(pooled.length, 8, 'a row per method and seed');
    assert.equal(trainers(page), Math.min(4, Math.max(2, cores - 1)), `workers on ${cores} cores`);
    assert.match(await heavyNote(), /trained while stage 2 ran/);
    // One worker, the same settings, the same page (the teacher stays): it trains its heavy teacher
    // in the comparison, and the students are the same to the last digit.
    await page.evaluate(() => localStorage.setItem('lwkd-workers', '1'));
    const single = await compareCsv(page, 4);
    console.log(`# ${trainers(page)} workers; results: ${pooled.join(' | ')}`);
    assert.doesNotMatch(await heavyNote(), /stage 2/);
    assert.deepEqual(single, pooled);
    // Different seeds and methods do differ (the comparison is not trivially equal).
    assert.ok(new Set(pooled.map((r) => r.split(',')[2])).size > 1);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('a fault in one worker of the pool ends the comparison with a message; the next one gets a fresh worker', { timeout: 600_000 }, async () => {
  // Worker 1 throws as soon as its first job arrives (after the compiled module the page sends first).
  const workerPrelude = `if (self.name === 'lwkd-trainer-1') self.addEventListener('message', function fault(e) {
    if (e.data && 'lwkdModule' in e.data) return;
    self.removeEventListener('message', fault);
    throw new Error('a deliberate fault in worker 1');
  });`;
  const { page, close } = await openApp({
    webgpu: false, workerPrelude, query: '?n=50&nv=10&te=1&tpc=20&de=2&m=ce,tfkd,ls',
  });
  try {
    await page.evaluate(() => localStorage.setItem('lwkd-workers', '2'));
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await page.click('#generate');
    await page.click('#distill-run');
    await page.locator('#notice', { hasText: /training worker stopped/i }).waitFor({ timeout: 120_000 });
    await page.locator('#distill-run:enabled').waitFor({ timeout: 120_000 });
    // The page is usable: the next comparison gets a fresh worker 1 (this time without the fault).
    await page.context().unroute('**/trainer-worker.js?*');
    await page.click('#distill-run');
    await page.waitForFunction(() => document.querySelectorAll('#results-table tbody tr').length === 3
      && !document.querySelector('#distill-run').disabled, null, { timeout: 300_000 });
  } finally { await close(); }
});
