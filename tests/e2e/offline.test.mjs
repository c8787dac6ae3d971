// A classroom with bad Wi-Fi: after a first visit that ran a comparison, the app loads and runs all
// three stages with the server gone (the service worker, public/sw.js, keeps the target it fetched),
// and the page can be installed (a web app manifest with icons). A new build at the same address runs
// whole: never the new page with the old build's training worker.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { serve } from '../../scripts/static-server.mjs';
import { openApp, trainSmallTeacher, trainerWorker } from './browser.mjs';

const ROOT = join(import.meta.dirname, '..', '..');

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

/// A second build of the site: dist/ with a marked page and a marked worker loader, versioned and
/// listed for the service worker by the build's own scripts, as `scripts/build-web.sh` does.
function buildB() {
  const dir = mkdtempSync(join(tmpdir(), 'lwkd-build-b-'));
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  const mark = (file, edit) => {
    writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
    rmSync(join(dir, `${file}.br`), { force: true });
    rmSync(join(dir, `${file}.gz`), { force: true });
  };
  mark('index.html', (html) => html.replace('</head>', '<meta name="lwkd-build" content="B" /></head>'));
  mark('trainer-worker.js', (js) => `self.lwkdBuild = 'B';\n${js}`);
  mark('sw.js', () => readFileSync(join(ROOT, 'public', 'sw.js'), 'utf8'));
  for (const script of ['version-worker.mjs', 'service-worker.mjs']) {
    execFileSync('node', [join(ROOT, 'scripts', script), dir]);
  }
  return dir;
}

test('a new build at the same address runs whole: the new page with the new training worker', { timeout: 600_000 }, async () => {
  const { page, server, problems, close } = await openApp({ query: '?n=30&nv=10&te=1' });
  const b = buildB();
  let serverB;
  try {
    // Build A, visited: its service worker keeps its files.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
    assert.equal(await (await trainerWorker(page)).evaluate(() => self.lwkdBuild ?? 'A'), 'A');

    // Build B goes up at the same address.
    const { port } = server.address();
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    serverB = await serve(b, port);
    await page.reload();
    await page.locator('#generate:enabled').waitFor({ timeout: 120_000 });
    assert.equal(await page.locator('meta[name=lwkd-build]').getAttribute('content'), 'B', 'the page is the new build');
    assert.equal(await (await trainerWorker(page)).evaluate(() => self.lwkdBuild ?? 'A'), 'B',
      'its training worker is the new build too, not the cached old one');
    // And it trains.
    await trainSmallTeacher(page, 30, 1);
    assert.match(await page.locator('#teacher-result').innerText(), /Validation accuracy \d+\.\d%/);
    // Build B's service worker takes over and the old build's cache goes.
    const version = readFileSync(join(b, 'sw.js'), 'utf8').match(/const VERSION = "([0-9a-f]+)"/)[1];
    await page.waitForFunction(async (want) => JSON.stringify(await caches.keys()) === JSON.stringify([want]),
      `lwkd-${version}`, { timeout: 120_000, polling: 500 });
    assert.deepEqual(problems, []);
  } finally {
    await close();
    serverB?.close();
    rmSync(b, { recursive: true, force: true });
  }
});
