// Safety nets: the page's Content-Security-Policy (added by scripts/csp.mjs) lets the app run and stops
// scripts that are not the app's own and requests to any other origin; a panic ends in the error panel.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, setField } from './browser.mjs';

test('the Content-Security-Policy allows the app and blocks foreign requests and injected scripts', { timeout: 120_000 }, async () => {
  const { page, origin, problems, requests, close } = await openApp({ webgpu: false });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    const policy = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
    assert.match(policy, /default-src 'self'/);
    assert.match(policy, /connect-src 'self'/);
    assert.doesNotMatch(policy, /'unsafe-eval'|https?:/, 'no eval, no other origin');
    assert.deepEqual(problems, [], 'the app itself runs without a single violation');

    const outcome = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.head.append(s);
      let fetched = true;
      try { await fetch('http://example.com/steal'); } catch { fetched = false; }
      await new Promise((r) => setTimeout(r, 200));
      return { injected: window.__injected === true, fetched, violations };
    });
    assert.equal(outcome.injected, false, 'an injected inline script does not run');
    assert.equal(outcome.fetched, false, 'a request to another origin is refused');
    assert.ok(outcome.violations.some((v) => v.startsWith('script-src')), outcome.violations.join());
    assert.ok(outcome.violations.some((v) => v.startsWith('connect-src')), outcome.violations.join());
    assert.deepEqual(requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:')), []);
  } finally { await close(); }
});

test('a panic shows a readable error panel whose reload keeps the settings', { timeout: 120_000 }, async () => {
  const { page, close } = await openApp({ webgpu: false, query: '?k=12&t=3' });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await page.evaluate(() => { try { window.wasmBindings.deliberate_panic(); } catch { /* the wasm trap */ } });
    const panel = page.locator('#panic-panel');
    await panel.waitFor({ timeout: 10_000 });
    assert.match(await panel.innerText(), /deliberate panic/);
    assert.ok(await page.locator('header h1').isVisible(), 'the page is not blank');
    await Promise.all([page.waitForEvent('load'), panel.locator('button').click()]);
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('#panic-panel').count(), 0);
    assert.equal(await page.inputValue('#field-classes'), '12', 'reload kept the settings');
    assert.equal(await page.inputValue('#field-temperature'), '3');
  } finally { await close(); }
});

test('a panic in the training worker shows the panel, and the next run gets a fresh worker', { timeout: 180_000 }, async () => {
  const { page, close } = await openApp({ webgpu: false, query: '?n=20&nv=10&te=1' });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await page.evaluate(() => window.wasmBindings.deliberate_worker_panic());
    const panel = page.locator('#panic-panel');
    await panel.waitFor({ timeout: 30_000 });
    assert.match(await panel.innerText(), /deliberate panic in the training worker/);
    assert.ok(await page.locator('header h1').isVisible(), 'the page is not blank');
    // The page itself is fine: the teacher trains in a new worker.
    await page.click('#generate');
    await page.locator('#synth-summary').waitFor();
    await page.click('#train');
    await page.locator('#teacher-result').waitFor({ timeout: 120_000 });
    assert.match(await page.locator('#teacher-result').innerText(), /validation/i);
  } finally { await close(); }
});

test('a training worker that cannot load gives a message and leaves the app usable', { timeout: 120_000 }, async () => {
  const hook = (p) => (p.endsWith('/trainer-worker.js') ? { status: 404 } : null);
  const { page, close } = await openApp({ webgpu: false, hook, query: '?n=20&nv=10&te=1' });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await page.click('#generate');
    await page.locator('#synth-summary').waitFor();
    await page.click('#train');
    await page.locator('#notice', { hasText: 'The training worker could not start' }).waitFor({ timeout: 30_000 });
    await page.locator('#train:enabled').waitFor();
    assert.ok(await page.locator('#generate').isEnabled(), 'Generate is usable again');
    assert.equal(await page.locator('#panic-panel').count(), 0);
  } finally { await close(); }
});

test('cancel clicked while the training worker is still starting stops the run', { timeout: 120_000 }, async () => {
  const { page, close } = await openApp({ webgpu: false, query: '?n=200&nv=10&te=20' });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await page.click('#generate');
    await page.locator('#synth-summary').waitFor();
    // The worker starts loading once the digits are in; the cancel may reach the page before it listens.
    await page.click('#train');
    await page.click('#cancel');
    await page.locator('#notice', { hasText: 'cancelled' }).waitFor({ timeout: 30_000 });
    await page.locator('#train:enabled').waitFor();
    assert.equal(await page.locator('#teacher-result').count(), 0, 'a cancelled run reports no result');
  } finally { await close(); }
});

test('several clicks in one task start one job, not overlapping ones', { timeout: 240_000 }, async () => {
  const { page, problems, close } = await openApp({ webgpu: false, query: '?n=50&nv=10&te=1&tpc=10&de=1&m=ce,tfkd' });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await page.click('#generate');
    await page.locator('#synth-summary').waitFor();
    // Three clicks delivered in the same task, as a fast double-click or a script would.
    const clickThrice = (id) => page.evaluate((id) => { for (let i = 0; i < 3; i++) document.getElementById(id).click(); }, id);
    // Before any run: the size of the run from the settings; after one, its time at the measured speed.
    assert.match(await page.locator('#teacher-estimate').innerText(), /8 steps · 0\.\d MB of numerals, about \d+ MB of memory in this tab · the time is estimated after a first run/);
    await clickThrice('train');
    await page.locator('#teacher-result').waitFor({ timeout: 120_000 });
    assert.match(await page.locator('#teacher-estimate').innerText(), /about \d+ s at \d+ ms per step \(measured here\)/);
    assert.match(await page.locator('#distill-estimate').innerText(), /This comparison: 4 steps · the time is estimated after a first run/);
    await clickThrice('distill-run');
    await page.waitForFunction(() => document.querySelectorAll('#results-table tbody tr').length >= 2,
      null, { timeout: 120_000 });
    await page.locator('#distill-run:enabled').waitFor({ timeout: 120_000 });
    assert.equal(await page.locator('#results-table tbody tr').count(), 2, 'one comparison, not three');
    assert.match(await page.locator('#distill-estimate').innerText(), /4 steps · about \d+ s at \d+ ms per step \(measured here\)/);
    const notice = await page.locator('#notice').count() ? await page.locator('#notice').innerText() : '';
    assert.ok(!/worker stopped/i.test(notice), notice);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('the built site works under a sub-path, as static hosts and blogs serve it', { timeout: 240_000 }, async () => {
  const base = '/course/lwkd/';
  const { page, origin, problems, requests, close } = await openApp({ webgpu: false, base, query: '?n=50&nv=10&te=1' });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await page.click('#generate');
    await page.locator('#synth-summary').waitFor();
    await page.click('#train');
    await page.locator('#teacher-result').waitFor({ timeout: 120_000 });
    const outside = requests.filter((u) => u.startsWith(origin) && !u.startsWith(origin + base));
    assert.deepEqual(outside, [], 'every file is asked for under the sub-path');
    assert.ok(new URL(page.url()).pathname.startsWith(base), 'the address bar keeps the sub-path');
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('leaving mid-run or with unsaved students asks first; Back returns to the previous settings without a reload', { timeout: 240_000 }, async () => {
  const { page, problems, dialogs, close } = await openApp({ webgpu: false, query: '?n=50&nv=10&te=30&tpc=10&de=1&m=ce' });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await page.click('#generate');
    await page.locator('#synth-summary').waitFor();
    // Settings edits are history entries; Back restores the previous one in place.
    await setField(page, 'seed', 7);
    await setField(page, 'seed', 8);
    await page.waitForFunction(() => location.search.includes('seed=8'));
    await page.evaluate(() => { window.__samePage = true; });
    await page.goBack();
    await page.waitForFunction(() => location.search.includes('seed=7'));
    assert.equal(await page.inputValue('#field-seed'), '7');
    assert.ok(await page.evaluate(() => window.__samePage === true), 'Back did not reload the page');
    assert.ok(await page.locator('#synth-summary').isVisible(), 'the generated data is still there');
    assert.deepEqual(dialogs, [], 'nothing to lose yet, so no question');

    // Mid-run, leaving asks first.
    await page.click('#train');
    await page.waitForFunction(() => /step [1-9]/.test(document.querySelector('#teacher-rate').innerText), null, { timeout: 60_000 });
    await page.reload();
    assert.deepEqual(dialogs, ['beforeunload'], 'the browser asked before leaving a running job');

    // Students whose weights were never downloaded: leaving asks too; once downloaded, it does not.
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await page.click('#distill-run');
    await page.locator('#weights-ce:enabled').waitFor({ timeout: 120_000 });
    await page.locator('#distill-run:enabled').waitFor();
    await page.reload();
    assert.deepEqual(dialogs, ['beforeunload', 'beforeunload'], 'asked before dropping an unsaved student');
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await page.click('#distill-run');
    await page.locator('#weights-ce:enabled').waitFor({ timeout: 120_000 });
    await page.locator('#distill-run:enabled').waitFor();
    const download = page.waitForEvent('download');
    await page.click('#weights-ce');
    await download;
    await page.reload();
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    assert.equal(dialogs.length, 2, 'no question once the student is saved');
    assert.deepEqual(problems, []);
  } finally { await close(); }
});
