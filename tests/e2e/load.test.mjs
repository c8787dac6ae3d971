// The first load: the page's own module carries the UI and data handling only — Burn and its
// backends are in the training module, which the workers fetch while the person reads (the other
// tests train through it) — and our server sends the precompressed (brotli) copies the build wrote.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, trainerWorker } from './browser.mjs';

test('before the first interaction: a small page module, brotli-encoded', { timeout: 120_000 }, async () => {
  // What the network sends on a first visit: no service worker answers from its cache.
  const { page, problems, close } = await openApp({ webgpu: false, serviceWorkers: 'block' });
  try {
    // Only what the reloaded page asks for (the first load's last requests may still be finishing).
    const asked = new Set();
    page.on('request', (r) => asked.add(r));
    const seen = [];
    page.on('requestfinished', async (r) => {
      if (!asked.has(r)) return;
      const sizes = await r.sizes().catch(() => null);
      const headers = await r.response().then((x) => x?.allHeaders()).catch(() => ({}));
      seen.push({ url: new URL(r.url()).pathname, bytes: sizes?.responseBodySize ?? 0, encoding: headers?.['content-encoding'] ?? null });
    });
    // As on a first visit: the browser's cache would answer the reload with 304s (no bytes, no encoding).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    asked.clear();
    await page.reload();
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    // Each file once (the first load's last responses can still be reported after the reload began).
    const files = [...new Map(seen.map((r) => [r.url, r])).values()];
    // The training module is fetched once the digits are in, while the person reads (it may finish
    // before the test looks): not part of the first load, and never asked for before the digits —
    // by the page's own clock (Resource Timing).
    const order = await page.waitForFunction(() => {
      const last = (re) => performance.getEntriesByType('resource').filter((e) => re.test(e.name));
      const digits = last(/mnist-(train|test)\.bin/);
      const module = last(/lwkd-worker_bg\.wasm/);
      return digits.length === 2 && module.length > 0
        && { digitsIn: Math.max(...digits.map((e) => e.responseEnd)), moduleAsked: module[0].startTime };
    }, null, { timeout: 60_000 }).then((h) => h.jsonValue());
    assert.ok(order.moduleAsked >= order.digitsIn, `the training module was asked for before the digits were in: ${JSON.stringify(order)}`);
    const training = (r) => /lwkd-worker|trainer-worker/.test(r.url);
    const before = files.filter((r) => !training(r));
    const wasm = before.find((r) => /lwkd-web-.*_bg\.wasm$/.test(r.url));
    assert.ok(wasm, 'the page module was loaded');
    assert.equal(wasm.encoding, 'br');
    const total = before.reduce((s, r) => s + r.bytes, 0);
    console.log(`# before Generate is usable: ${(total / 1e6).toFixed(2)} MB transferred in ${before.length} requests; the page module ${(wasm.bytes / 1e6).toFixed(2)} MB`);
    // With Burn linked in, the page module alone was 2.9 MB brotli; with Burn in the build but
    // unreachable, 1.13 MB (its registrations kept its compiler alive); built without Burn, 0.46 MB.
    assert.ok(wasm.bytes < 0.8e6, `the page module is ${wasm.bytes} bytes: has Burn crept back in?`);
    assert.ok(total < 2.5e6, `${total} bytes before the first interaction (the budget is 2.5 MB)`);
    // The training module's files carry no hash of their own: the page versions them with one the
    // build wrote into it, so a cache cannot pair this page with an older module.
    const version = await page.getAttribute('meta[name=lwkd-worker-version]', 'content');
    assert.match(version, /^[0-9a-f]{16}$/);
    const worker = await trainerWorker(page);
    assert.ok(worker.url().includes(`v%3D${version}`), `the worker's module URL carries the version: ${worker.url()}`);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});
