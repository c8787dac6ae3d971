// Recorded runs: a finished comparison saved as a file opens in embeds at once — its table and charts,
// with nothing trained and neither the digits nor the training module downloaded — and "Run it live"
// trains it again on the reader's machine, one embed at a time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RAW_ERROR, inkedPixels, openApp, runStages, shot } from './browser.mjs';

const QUICK = '?nv=20&de=10&m=lwkd,ce,tfkd';
/// Each row's method and test accuracy.
const accuracies = (frame) => frame.$$eval('#results-table tbody tr',
  (trs) => trs.map((tr) => [...tr.cells].slice(0, 3).map((c) => c.innerText.trim()).join(' ')));
const rowCount = (frame, n) => frame.waitForFunction(
  (n) => document.querySelectorAll('#results-table tbody tr').length === n, n, { timeout: 240_000 });
/// What would show that training (or its downloads) started.
const TRAINING = /trainer-worker\.js|lwkd-worker_bg\.wasm|mnist-/;

test('two recorded embeds on one page show their results with nothing trained; Run it live trains them one at a time',
  { timeout: 600_000 }, async () => {
    const post = await mkdtemp(join(tmpdir(), 'lwkd-post-'));
    const { page, origin, problems, context, close } = await openApp({ query: QUICK, mounts: { '/post/': post } });
    try {
      // The author runs the Quick look and saves it as a recorded run.
      await runStages(page);
      await rowCount(page, 3);
      const live = await accuracies(page);
      const saving = page.waitForEvent('download');
      await page.click('#save-recording');
      const file = await saving;
      assert.equal(file.suggestedFilename(), 'lwkd-recorded-run.json');
      await file.saveAs(join(post, 'quick.json'));

      // The Embed dialog writes the link; a path on another site is not used.
      await page.click('#embed-open');
      await page.fill('#embed-recording', 'https://example.com/quick.json');
      await page.locator('#embed-recording-problem', { hasText: 'Not used' }).waitFor();
      assert.doesNotMatch(await page.inputValue('#embed-snippet'), /rec=/);
      await page.fill('#embed-recording', 'post/quick.json');
      const snippet = await page.inputValue('#embed-snippet');
      const src = snippet.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&');
      assert.ok(src.includes('rec=post/quick.json') && src.includes('embed=1'), src);
      // (An icon of its own: the browser would otherwise ask the site's root for one.)
      await writeFile(join(post, 'index.html'), `<!doctype html><title>A post</title><link rel="icon" href="data:,">
        <h1>Two embeds</h1>
        <iframe id="a" src="${src}" width="900" height="900"></iframe>
        <iframe id="b" src="${src.replace('embed=1', 'embed=1&stages=3')}" width="900" height="900"></iframe>`);

      // A reader with nothing in this browser's storage opens the post.
      const reader = await context.browser().newContext({ viewport: { width: 1900, height: 1000 } });
      const requests = [];
      reader.on('request', (r) => requests.push(r.url()));
      const readerProblems = [];
      const post_ = await reader.newPage();
      post_.on('console', (m) => { if (m.type() === 'error') readerProblems.push(m.text()); });
      post_.on('pageerror', (e) => readerProblems.push(e.message));
      post_.on('response', (r) => { if (r.status() >= 400) readerProblems.push(`${r.status()} ${r.url()}`); });
      await post_.goto(`${origin}/post/`);
      const frames = [await (await post_.$('#a')).contentFrame(), await (await post_.$('#b')).contentFrame()];
      for (const frame of frames) {
        await rowCount(frame, 3);
        assert.deepEqual(await accuracies(frame), live, 'the recorded table is the live one');
        await frame.locator('#recorded-note', { hasText: 'A recorded run' }).waitFor();
        await frame.locator('#data-status', { hasText: 'Nothing was trained' }).waitFor();
        for (const id of ['#compare-curves', '#compare-cost', '#compare-gap']) {
          assert.ok(await inkedPixels(frame, id) > 3000, `${id} is drawn`);
        }
        // These two need the target's test images (the dataset is fetched; it trains nothing).
        await frame.waitForFunction(() => document.querySelector('#confusion')?.width > 0, null, { timeout: 60_000 });
        await frame.locator('#soft-targets').scrollIntoViewIfNeeded();
        await frame.waitForFunction(() => {
          const c = document.querySelector('#soft-targets');
          return c && c.width > 0;
        }, null, { timeout: 60_000 });
        assert.ok(await inkedPixels(frame, '#soft-targets') > 5000, 'the soft-target view is drawn');
        assert.ok(await inkedPixels(frame, '#confusion') > 5000, 'the confusion matrix is drawn');
      }
      await new Promise((r) => setTimeout(r, 2000));
      assert.deepEqual(requests.filter((u) => TRAINING.test(u)), [], 'no training job, no digits, no training module');
      for (const frame of frames) await frame.evaluate(() => scrollTo(0, 0));
      await shot(post_, 'recorded-embeds');

      // Run it live in both: the second waits for the first, and says so.
      await frames[0].click('#run-live');
      await frames[0].locator('#teacher-rate, #synth-summary').first().waitFor({ timeout: 60_000 });
      await frames[1].click('#run-live');
      await frames[1].locator('#notice', { hasText: 'Another embed on this page is training' }).waitFor({ timeout: 10_000 });
      await frames[0].locator('#recorded-note').waitFor({ state: 'detached', timeout: 240_000 });
      await rowCount(frames[0], 3);
      assert.deepEqual(await accuracies(frames[0]), live, 'the live run gives the recorded numbers');
      await frames[1].locator('#recorded-note').waitFor({ state: 'detached', timeout: 240_000 });
      await rowCount(frames[1], 3);
      assert.deepEqual(await accuracies(frames[1]), live);
      assert.deepEqual(readerProblems, []);
      assert.deepEqual(problems, []);
    } finally {
      await close();
      await rm(post, { recursive: true, force: true });
    }
  });

test('a recorded run that is missing or not a recording gets a plain message, and the app works as usual',
  { timeout: 180_000 }, async () => {
    // The first as an embed showing only stage 3: its hidden stages then run by themselves.
    for (const [rec, stages] of [['runs/missing.json', '&stages=3'], ['data/manifest.json', '']]) {
      const { page, problems, close } = await openApp({ query: `?embed=1&rec=${rec}&tpc=20${stages}` });
      try {
        const notice = page.locator('#notice');
        await notice.waitFor({ timeout: 60_000 });
        const text = await notice.innerText();
        assert.match(text, new RegExp(`The recorded run “${rec}” could not be shown: ${
          rec.startsWith('data') ? 'it is not a recorded run of this app' : 'the site answered 404'}`));
        assert.doesNotMatch(text, RAW_ERROR);
        if (stages) {
          await page.locator('#distill-run:enabled').waitFor({ timeout: 120_000 });
        } else {
          await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
          await page.click('#generate');
          await page.locator('#synth-summary').waitFor();
        }
        // The 404 is the browser's own console line, not the app's.
        assert.deepEqual(problems.filter((p) => !/404/.test(p)), []);
      } finally { await close(); }
    }
  });
