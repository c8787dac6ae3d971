// The tab's memory: a run is sized before it starts (the estimate names the tab's expected peak) and
// refused with its numbers over the limit; a large run's worker gives its memory back when the run is
// cancelled (a wasm memory never shrinks: the worker is ended, and the next job starts a fresh one).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, setField } from './browser.mjs';

/// The page's and each worker's wasm memory, in MB (`memory_report`, src/web/trainer/client.rs).
const report = async (page) => {
  const r = JSON.parse(await page.evaluate(() => window.wasmBindings.memory_report()));
  return { page: r.page / 1e6, workers: Object.fromEntries(Object.entries(r.workers).map(([i, b]) => [i, b / 1e6])) };
};

test('a run over the memory limit is refused with its numbers; the largest allowed one is sized', { timeout: 120_000 }, async () => {
  const { page, problems, close } = await openApp({ query: '?k=100' });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await setField(page, 'per_class', 5000);
    const error = page.locator('#field-per_class-error');
    await error.filter({ hasText: 'limit' }).waitFor();
    const text = await error.innerText();
    assert.match(text, /would take about [\d.]+ GB of memory in this tab, over its 1\.0 GB limit \(at most \d+ images per class for this K\)/);
    assert.ok(await page.locator('#generate').isDisabled());
    // The most it allows is accepted, and the estimate before the teacher's run names its memory.
    const max = Number(text.match(/at most (\d+)/)[1]);
    await setField(page, 'per_class', max);
    await page.locator('#generate:enabled').waitFor();
    const estimate = await page.locator('#teacher-estimate').innerText();
    const [, peak, unit] = estimate.match(/MB of numerals, about ([\d.]+) (MB|GB) of memory in this tab/);
    const mb = Number(peak) * (unit === 'GB' ? 1000 : 1);
    assert.ok(mb > 500 && mb <= 1000, estimate);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('cancelling a large run gives its worker\'s memory back; the next run works', { timeout: 300_000 }, async () => {
  // 100 classes × 500 two-digit numerals (94 MB): the worker's copies pass the release threshold.
  const { page, problems, close } = await openApp({ query: '?k=100&n=500&te=1' });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await page.click('#generate');
    await page.locator('#synth-summary').waitFor({ timeout: 120_000 });
    const estimate = await page.locator('#teacher-estimate').innerText();
    await page.click('#train');
    // Training has begun once the first steps are counted.
    await page.waitForFunction(() => /step [1-9]\d* \//.test(document.querySelector('#teacher-rate')?.innerText ?? ''),
      null, { timeout: 120_000 });
    // Its heartbeat (every second) says what it holds once the set is read.
    let during;
    for (let i = 0; i < 60 && !(during?.workers['0'] > 256); i++) {
      if (i) await page.waitForTimeout(500);
      during = await report(page);
    }
    assert.ok(during.workers['0'] > 256, `the worker holds ${JSON.stringify(during)}`);
    // The estimate before the run held what the page and its workers then took, within a quarter.
    const said = Number(estimate.match(/about (\d+) MB of memory/)[1]);
    const took = during.page + Object.values(during.workers).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(took - said) / said < 0.25, `estimated ${said} MB, took ${took.toFixed(0)} MB`);

    const worker = page.workers().find((w) => w.url().includes('trainer-worker.js'));
    const ended = new Promise((done) => worker.once('close', () => done(true)));
    await page.click('#cancel');
    await page.locator('#train:enabled').waitFor({ timeout: 10_000 });
    assert.equal(await Promise.race([ended, page.waitForTimeout(5_000).then(() => false)]), true, 'the large worker was ended');
    const after = await report(page);
    assert.ok(!after.workers['0'], `no worker holds the run's memory: ${JSON.stringify(after)}`);

    // A smaller run goes on in a fresh worker.
    await setField(page, 'per_class', 20);
    await page.click('#generate');
    await page.locator('#synth-summary', { hasText: '2000 training' }).waitFor({ timeout: 60_000 });
    await page.click('#train');
    await page.locator('#teacher-result').waitFor({ timeout: 120_000 });
    const fresh = await report(page);
    assert.ok(fresh.workers['0'] < 256, `the fresh worker holds ${JSON.stringify(fresh)}`);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});
