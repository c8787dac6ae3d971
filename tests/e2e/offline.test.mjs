// A classroom with bad Wi-Fi: after a first visit the app loads and trains with the server gone (the
// service worker, public/sw.js), and the page can be installed (a web app manifest with icons).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, trainSmallTeacher } from './browser.mjs';

test('after a first visit the app loads and trains offline; it can be installed', { timeout: 300_000 }, async () => {
  const { page, server, origin, problems, close } = await openApp({});
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    // The service worker is registered once the training module has loaded; it then takes the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector('link[rel=manifest]');
      return (await fetch(link.href)).json();
    });
    assert.equal(manifest.display, 'standalone');
    assert.deepEqual(manifest.icons.map((i) => i.sizes), ['192x192', '512x512']);

    // The server goes away for good.
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    const down = await page.evaluate(async (o) => fetch(`${o}/no-such-file`).then(() => 'answered', () => 'unreachable'), origin);
    assert.equal(down, 'unreachable', 'the server is really gone');

    await page.reload();
    await trainSmallTeacher(page, 30, 1);
    assert.match(await page.locator('#teacher-result').innerText(), /Validation accuracy \d+\.\d%/);
    // The only problems: what could not be reached offline (the target dataset, never used before).
    const other = problems.filter((p) => !/Failed to load resource/.test(p));
    assert.deepEqual(other, []);
  } finally { await close(); }
});
