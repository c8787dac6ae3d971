// A classroom with bad Wi-Fi: after a first visit that ran a comparison, the app loads and runs all
// three stages with the server gone (the service worker, public/sw.js, keeps the target it fetched),
// and the page can be installed (a web app manifest with icons).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, trainSmallTeacher } from './browser.mjs';

const QUERY = '?nv=10&tpc=20&de=1&m=lwkd,ce';

/// Generate, train and distill the link's comparison; its rows appear.
async function comparison(page) {
  await trainSmallTeacher(page, 30, 1);
  await page.locator('#distill-run:enabled').waitFor({ timeout: 120_000 });
  await page.click('#distill-run');
  await page.waitForFunction(() => document.querySelectorAll('#results-table tbody tr').length === 2,
    null, { timeout: 240_000 });
  await page.locator('#distill-run:enabled').waitFor({ timeout: 60_000 });
}

test('after a first visit the whole demo runs offline; it can be installed', { timeout: 600_000 }, async () => {
  const { page, server, origin, problems, close } = await openApp({ query: QUERY });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    assert.match(await page.locator('#offline-note').innerText(), /Needs the network once/);
    // The service worker is registered once the training module has loaded; it then takes the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector('link[rel=manifest]');
      return (await fetch(link.href)).json();
    });
    assert.equal(manifest.display, 'standalone');
    assert.deepEqual(manifest.icons.map((i) => i.sizes), ['192x192', '512x512']);
    // Online, once: stage 3 fetches the clothes, and the service worker keeps them.
    await comparison(page);

    // The server goes away for good.
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    const down = await page.evaluate(async (o) => fetch(`${o}/no-such-file`).then(() => 'answered', () => 'unreachable'), origin);
    assert.equal(down, 'unreachable', 'the server is really gone');

    await page.reload();
    await comparison(page);
    assert.match(await page.locator('#teacher-result').innerText(), /Validation accuracy \d+\.\d%/);
    // The only problems: what could not be reached offline.
    const other = problems.filter((p) => !/Failed to load resource/.test(p));
    assert.deepEqual(other, []);
  } finally { await close(); }
});
