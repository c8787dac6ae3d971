// Nothing hangs: a training worker that disappears without a word (closed, as a tab short of memory
// may do) or stops answering (hung) is noticed, the page gets its controls back with a plain message
// and the finished rows, and the next comparison runs in a fresh worker; Cancel gives the page back at
// once even when a worker does not answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, runStages } from './browser.mjs';

const RUN_TIMEOUT = 300_000;
// Small and long enough to be stopped mid-way: two workers, eight students.
const QUERY = '?n=50&nv=20&te=1&tpc=100&de=30&seeds=2&m=lwkd,ce,ls,tfkd';

/// The page with a trained teacher, a comparison started, and its first result in.
async function comparing() {
  const app = await openApp({ webgpu: false, query: QUERY });
  const { page } = app;
  await runStages(page, RUN_TIMEOUT);
  await page.waitForFunction(() => document.querySelectorAll('#results-table tbody tr').length > 0,
    null, { timeout: RUN_TIMEOUT });
  return app;
}

/// The training workers of the page's pool (not the side worker).
function trainers(page) {
  return page.workers().filter((w) => /trainer-worker\.js/.test(w.url()));
}

const rows = (page) => page.locator('#results-table tbody tr').count();

test('a worker that closes itself mid-comparison is noticed: controls back, rows and teacher kept, the next run finishes', { timeout: 600_000 }, async () => {
  const { page, problems, close } = await comparing();
  try {
    const before = await rows(page);
    // Gone without an error event, as a worker the browser shuts down: the home worker (the first
    // started), the one that trained the teacher.
    const workers = trainers(page);
    assert.ok(workers.length >= 2, `${workers.length} training workers`);
    await workers[0].evaluate(() => self.close()).catch(() => {});
    await page.locator('#distill-run:enabled').waitFor({ timeout: 60_000 });
    const notice = await page.locator('#notice').innerText();
    console.log(`# after a worker closed: ${notice}`);
    assert.match(notice, /stopped answering/);
    assert.ok(await rows(page) >= before, 'the finished rows stay');
    assert.ok(await page.locator('#teacher-result').isVisible(), 'the trained teacher stays');
    // The next comparison — LW-KD with that teacher too — gets a fresh worker and finishes.
    await page.click('#distill-run');
    await page.waitForFunction(() => [...document.querySelectorAll('#results-table tbody tr')]
      .filter((tr) => tr.dataset.seeds === '2').length === 4, null, { timeout: RUN_TIMEOUT });
    await page.locator('#distill-run:enabled').waitFor({ timeout: 60_000 });
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('a hung worker is noticed, and Cancel gives the page back at once whatever the workers do', { timeout: 600_000 }, async () => {
  const { page, problems, close } = await comparing();
  try {
    // A worker whose event loop never turns again (a minute of busy wait: no message, no heartbeat).
    const hang = () => { const end = Date.now() + 60_000; while (Date.now() < end) { /* hung */ } };
    trainers(page).at(-1).evaluate(hang).catch(() => {});
    // Noticed by the watchdog: the comparison ends with a plain message.
    await page.locator('#distill-run:enabled').waitFor({ timeout: 60_000 });
    assert.match(await page.locator('#notice').innerText(), /stopped answering/);

    // Again, and this time the person cancels while a worker hangs: the page is back within seconds.
    await page.click('#distill-run');
    await page.waitForFunction(() => document.querySelectorAll('#results-table tbody tr').length > 0,
      null, { timeout: RUN_TIMEOUT });
    trainers(page).at(-1).evaluate(hang).catch(() => {});
    await page.click('#distill-cancel');
    await page.locator('#distill-run:enabled').waitFor({ timeout: 10_000 });
    assert.match(await page.locator('#notice').innerText(), /Cancelled/);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});
