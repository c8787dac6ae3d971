// Drives Debian's Chromium through playwright-core against the built site in dist/, served by our own
// static server so every request can be watched. Screenshots go to tests/artifacts/ (git-ignored).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/static-server.mjs';

export const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

const BASE_ARGS = ['--no-sandbox', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic'];

/// What a stack trace, a source location or a raw JS / wasm error looks like: no notice a person reads
/// may hold one (the details go to the console and the exported JSON).
export const RAW_ERROR = /JsValue|wasm-function|\.rs:\d+|\bat \S+\.(m?js|wasm)\b|stack backtrace|panicked at|\b\w+Error\(/;

/// Every message the page shows a person, as it appears: notices, alerts, field errors, the error panel.
const WATCH_NOTICES = () => {
  const seen = new Set();
  const look = () => {
    for (const el of document.querySelectorAll('.notice, [role="alert"], #panic-panel, .error, #url-problems')) {
      const text = el.innerText?.trim();
      if (text && !seen.has(text)) { seen.add(text); window.__lwkdNotice?.(text); }
    }
  };
  new MutationObserver(() => queueMicrotask(look)).observe(document, { subtree: true, childList: true, characterData: true });
};

/// Opens the app. `webgpu`: start Chromium with --enable-unsafe-webgpu (a SwiftShader adapter here).
/// `hook`: lets a test fake a missing or damaged data file.
/// `query`: the URL's query string (settings); `permissions`: e.g. ['clipboard-read', 'clipboard-write'];
/// `args`: extra Chromium flags; `initScript`: runs in the page before the app; `workerPrelude`: script
/// text run in the training worker before the app's module loads (the worker script is served with it
/// prepended); `scale`: the device pixel ratio; `colorScheme`: 'light' or 'dark'; `serviceWorkers`:
/// 'block' to keep the offline cache out of a test that counts what the network sends; `dist`: the
/// folder to serve (the built dist/ unless given); `mounts`: other folders served beside it (a blog
/// post's files), by URL prefix.
export async function openApp({ webgpu, hook, width = 1280, height = 900, query = '', permissions = [],
  args = [], initScript, workerPrelude, base = '/', scale = 1, colorScheme = 'light',
  serviceWorkers = 'allow', dist = join(import.meta.dirname, '..', '..', 'dist'), mounts = {} } = {}) {
  // Under a sub-path the site root serves nothing: every file must be asked for relative to the page.
  const server = base === '/'
    ? await serve(dist, 0, hook, { mounts })
    : await serve(join(import.meta.dirname, 'no-site-root'), 0, hook, { mounts: { ...mounts, [base]: dist } });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [...BASE_ARGS, ...(webgpu ? ['--enable-unsafe-webgpu'] : []), ...args],
  });
  // A request the service worker answers never reaches Playwright's routes: a test that rewrites the
  // worker script keeps the service worker out.
  const context = await browser.newContext({ viewport: { width, height }, permissions,
    deviceScaleFactor: scale, colorScheme, serviceWorkers: workerPrelude ? 'block' : serviceWorkers });
  if (initScript) await context.addInitScript(initScript);
  if (workerPrelude) {
    await context.route('**/trainer-worker.js?*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: `${workerPrelude}\n${await response.text()}` });
    });
  }
  // Every notice the page shows, in every document of the test (reloads too), checked at close.
  const notices = new Set();
  await context.exposeBinding('__lwkdNotice', (_, text) => { notices.add(text); });
  await context.addInitScript(WATCH_NOTICES);
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  // "Leave this page?" (beforeunload) and any other dialog: recorded, then accepted as a person would.
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.type()); d.accept().catch(() => {}); });
  await page.goto(`${origin}${base}${query}`);
  const close = async () => {
    await browser.close();
    server.close(() => {});
    const raw = [...notices].filter((t) => RAW_ERROR.test(t));
    if (raw.length) throw new Error(`a notice shows raw error text: ${raw.join(' | ')}`);
  };
  return { page, origin, problems, requests, dialogs, close, server, context };
}

/// The training worker the page started (training runs there, not on the page's main thread).
export async function trainerWorker(page) {
  const find = () => page.workers().find((w) => w.url().includes('trainer-worker.js'));
  return find() ?? await page.waitForEvent('worker', { predicate: (w) => w.url().includes('trainer-worker.js') });
}

/// Unfolds the "Settings" that hold `#field-<field>` (a plain first visit shows them folded), as a
/// person does: a click on its summary.
export async function openSettings(page, field) {
  const details = page.locator('details.settings', { has: page.locator(`#field-${field}`) });
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
}

/// Types into a config field the way a person does (select all, type, leave the field).
export async function setField(page, field, value) {
  await openSettings(page, field);
  const input = page.locator(`#field-${field}`);
  await input.fill(String(value));
  await input.press('Tab');
}

/// Picks an option of a settings drop-down.
export async function selectField(page, field, value) {
  await openSettings(page, field);
  await page.selectOption(`#field-${field}`, value);
}

/// Number of non-white pixels of a canvas: > 0 means something was drawn.
export function inkedPixels(page, selector) {
  return page.$eval(selector, (c) => {
    if (!c.width || !c.height) return 0;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250)) n++;
    return n;
  });
}

export async function progressStep(page) {
  const text = await page.locator('#teacher-rate').innerText();
  const m = text.match(/step (\d+) \/ (\d+)/);
  return m ? Number(m[1]) : 0;
}

export const shot = (page, name) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

/// What fits the window only (for pictures of a first screen or a phone).
export const shotView = (page, name) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

/// Runs the link's three stages through their buttons: generate, train the teacher, start the
/// comparison (its rows are the caller's to wait for).
export async function runStages(page, timeout = 300_000) {
  await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
  await page.click('#generate');
  await page.locator('#synth-summary').waitFor();
  await page.click('#train');
  await page.locator('#teacher-result').waitFor({ timeout });
  await page.locator('#distill-run:enabled').waitFor({ timeout: 60_000 });
  await page.click('#distill-run');
}

/// Generates `perClass` numerals per class and trains the teacher `epochs` epochs, through the form.
export async function trainSmallTeacher(page, perClass = 60, epochs = 2) {
  await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
  await setField(page, 'per_class', perClass);
  await page.click('#generate');
  await page.locator('#synth-summary').waitFor();
  await setField(page, 'teacher_epochs', epochs);
  await page.click('#train');
  await page.locator('#teacher-result').waitFor({ timeout: 180_000 });
}
