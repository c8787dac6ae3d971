// The story of a comparison: scenarios are links with a line on what to notice, a comparison over
// seeds shows mean ± spread with bands on its curves and says which differences are real, the
// overfitting chart puts training beside test accuracy, and the temperature slider re-softens the soft
// targets without retraining.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inkedPixels, openApp, setField, shot } from './browser.mjs';

const RUN_TIMEOUT = 300_000;

test('a scenario runs from its link with 2 seeds: mean ± spread, bands, verdicts, slider', { timeout: 600_000 }, async () => {
  const { page, problems, requests, origin, close } = await openApp({ webgpu: false });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    // The scenarios are listed, each with what to notice; the default link is one of them.
    const items = page.locator('.scenarios li');
    assert.ok(await items.count() >= 2, 'at least two scenarios');
    for (const text of await items.allInnerTexts()) assert.match(text, / — \S/, `"${text}" says what to notice`);
    assert.equal(await page.locator('.scenarios li.current').count(), 1, 'the default settings are a scenario');

    // A scenario is a link: its settings land in the form and the address bar.
    const link = page.locator('#scenario-plenty');
    const href = await link.getAttribute('href');
    await link.click();
    await page.waitForURL((u) => u.search === href);
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('.scenarios li.current a').getAttribute('id'), 'scenario-plenty');

    // The same scenario on a small budget, two seeds, two methods (the scenario's line then goes: these
    // are no longer its settings).
    await setField(page, 'per_class', 100);
    await setField(page, 'val_per_class', 20);
    await setField(page, 'teacher_epochs', 1);
    await page.click('#generate');
    await page.locator('#synth-summary').waitFor();
    await page.click('#train');
    await page.locator('#teacher-result').waitFor({ timeout: RUN_TIMEOUT });
    await setField(page, 'train_per_class', 30);
    await setField(page, 'distill_epochs', 3);
    await setField(page, 'seeds', 2);
    for (const m of ['lwkd-noadv', 'ls', 'tfkd', 'kd']) await page.uncheck(`#method-${m}`);
    assert.match(await page.locator('#distill-estimate').innerText(), /steps/);
    await page.click('#distill-run');
    const rows = page.locator('#results-table tbody tr');
    await page.waitForFunction(() => [...document.querySelectorAll('#results-table tbody tr')]
      .every((tr) => tr.dataset.seeds === '2') && document.querySelectorAll('#results-table tbody tr').length === 2,
    null, { timeout: RUN_TIMEOUT });
    await page.locator('#distill-run:enabled').waitFor({ timeout: 30_000 });
    // One row per method, its test accuracy as mean ± spread over the two seeds.
    assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.method)), ['lwkd', 'ce']);
    for (let i = 0; i < 2; i++) {
      const acc = await rows.nth(i).locator('td.test-acc').innerText();
      console.log(`# two seeds: ${acc}`);
      assert.match(acc, /^\d+\.\d\d ± \d+\.\d\d%$/);
    }
    // Which differences are larger than the noise, in words.
    assert.match(await page.locator('#verdicts').innerText(), /pooled seed-to-seed standard deviation is \d+\.\d\d points/);
    assert.match(await page.locator('#verdicts').innerText(), /LW-KD [+-]\d+\.\d\d/);
    // Bands on the curves (one per method), the cost chart and the overfitting chart drawn.
    assert.equal(await page.locator('#compare-curves').getAttribute('data-bands'), '2');
    for (const id of ['#compare-curves', '#compare-cost', '#compare-gap']) {
      assert.ok(await inkedPixels(page, id) > 3000, `${id} is drawn`);
    }
    // The CSV holds every seed's student.
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#save-csv')]);
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(await dl.path(), 'utf8').trim().split('\n').slice(1);
    assert.deepEqual(lines.map((l) => l.split(',').slice(0, 2).join(',')), ['lwkd,42', 'lwkd,43', 'ce,42', 'ce,43']);

    // The temperature slider re-softens the stored outputs: the picture changes, no run starts.
    const soft = page.locator('#soft-targets');
    assert.ok(await inkedPixels(page, '#soft-targets') > 5000, 'the soft-target view is drawn');
    // The slider starts at the temperature LW-KD trained with.
    assert.equal(await soft.getAttribute('data-temperature'), await page.inputValue('#field-temperature'));
    const before = await soft.evaluate((c) => c.toDataURL());
    await page.locator('#soft-temperature').fill('10');
    await page.waitForFunction(() => document.querySelector('#soft-targets').dataset.temperature === '10');
    assert.notEqual(await soft.evaluate((c) => c.toDataURL()), before, 'the soft targets are redrawn at T = 10');
    assert.equal(await page.locator('#soft-temperature-value').innerText(), '10');
    assert.ok(await page.locator('#distill-run').isEnabled(), 'moving the slider trains nothing');
    await shot(page, 'story-seeds');
    assert.deepEqual(problems, []);
    const foreign = requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(foreign, []);
  } finally { await close(); }
});
