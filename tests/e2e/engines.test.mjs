// The other engines a class opens the app in — Firefox and WebKit (Safari's engine) — through the same
// steps a person takes: the page loads with no error; the Quick look link, run with the demo's button,
// gives Chromium's accuracies to the hundredth (same seed, same numbers); the finished result survives a
// reload; an own-images .zip is read; after the first visit the page reloads and works with the server
// gone. Drivers: tests/e2e/engines.mjs.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { serve } from '../../scripts/static-server.mjs';
import { openApp } from './browser.mjs';
import { firefox, webkit } from './engines.mjs';
import { shapeImages, zip } from './files.mjs';

const QUICK = '?nv=20&de=10&m=lwkd,ce,tfkd';
const DIST = join(import.meta.dirname, '..', '..', 'dist');
const ROWS = 300_000;

/// Each finished row's test accuracy, by method, as the table shows it.
const accuracies = () => Object.fromEntries([...document.querySelectorAll('#results-table tbody tr')]
  .map((tr) => [tr.dataset.method, tr.querySelectorAll('td')[1].innerText]));
const finished = (n) => document.querySelectorAll('#results-table tbody tr').length === n
  && document.querySelector('#distill-run')?.disabled === false;
const enabled = (id) => document.getElementById(id)?.disabled === false;

let chromium;
before(async () => {
  const { page, problems, close } = await openApp({ query: QUICK });
  try {
    await page.locator('#run-demo:enabled').waitFor({ timeout: 60_000 });
    await page.click('#run-demo');
    await page.waitForFunction(finished, 3, { timeout: ROWS });
    chromium = await page.evaluate(accuracies);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

for (const start of [firefox, webkit]) {
  test(`${start.name}: a clean load, Chromium's Quick look numbers, a saved result, own images, offline`, { timeout: 600_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lwkd-engine-'));
    const twoZip = join(dir, 'two.zip');
    writeFileSync(twoZip, zip(shapeImages(['left', 'right'], 10).map(([p, b]) => [`two/${p}`, b])));
    const server = await serve(DIST, 0);
    const origin = `http://127.0.0.1:${server.address().port}`;
    const engine = await start();
    try {
      await engine.goto(`${origin}/${QUICK}`);
      await engine.waitFor(enabled, 'run-demo', 60_000);
      assert.deepEqual(await engine.problems(), [], `${engine.name} ${engine.version}: the page loads cleanly`);

      await engine.click('#run-demo');
      await engine.waitFor(finished, 3, ROWS);
      const ours = await engine.evaluate(accuracies);
      assert.deepEqual(ours, chromium, `${engine.name} gives Chromium's accuracies`);

      assert.deepEqual(await engine.problems(), [], 'no error during the comparison');
      await engine.reload();
      await engine.waitFor(finished, 3, 60_000);
      assert.deepEqual(await engine.evaluate(accuracies), chromium, 'the finished result survives a reload');

      await engine.evaluate((value) => {
        const select = document.getElementById('field-target');
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }, 'own');
      await engine.waitFor((id) => !!document.getElementById(id), 'own-zip', 10_000);
      await engine.upload('#own-zip', twoZip);
      await engine.waitFor((text) => (document.getElementById('own-status')?.innerText ?? '').includes(text),
        '2 classes (left, right), 16 training and 4 test images', 60_000);

      // Offline: the service worker took the page during the first visit; the server goes for good.
      await engine.waitFor(() => navigator.serviceWorker?.controller != null, null, 60_000);
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      assert.deepEqual(await engine.problems(), [], 'no error reading the images');
      await engine.reload();
      await engine.waitFor(enabled, 'generate', 60_000);
      await engine.click('#generate');
      await engine.waitFor((id) => !!document.getElementById(id), 'synth-summary', 60_000);
      assert.deepEqual(await engine.problems(), [], 'no error offline');
    } finally {
      await engine.close();
      server.close();
    }
  });
}
