// "Does the teacher matter?" in one click: the controls — an untrained teacher, a shuffled one, a
// uniform one — run from a link as rows of their own, each with its one-line explanation; the
// comparison's accuracy charts zoom their y axis to the data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, runStages, shot } from './browser.mjs';

const RUN_TIMEOUT = 300_000;
const CONTROLS = {
  'lwkd-random': /random weights/,
  'lwkd-shuffled': /renamed at random/,
  'lwkd-uniform': /1\/K for every class/,
};

test('the teacher controls run from their link as rows with their lines; accuracy charts zoom to the data', { timeout: 600_000 }, async () => {
  const methods = ['lwkd', ...Object.keys(CONTROLS), 'ce'];
  const query = `?n=50&nv=20&te=1&tpc=20&de=4&m=${methods.join(',')}`;
  const { page, problems, close } = await openApp({ webgpu: false, query });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    // Every control is a box of its own, under the question it answers.
    for (const m of Object.keys(CONTROLS)) assert.ok(await page.isChecked(`#method-${m}`), m);
    assert.match(await page.locator('.controls-title').innerText(), /Does the teacher matter\?/);
    await runStages(page, RUN_TIMEOUT);
    await page.waitForFunction((n) => document.querySelectorAll('#results-table tbody tr').length === n,
      methods.length, { timeout: RUN_TIMEOUT });
    await page.locator('#distill-run:enabled').waitFor({ timeout: 60_000 });
    const rows = page.locator('#results-table tbody tr');
    assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.method)), methods);
    for (const [m, line] of Object.entries(CONTROLS)) {
      const row = page.locator(`#results-table tr[data-method="${m}"]`);
      assert.match(await row.locator('.explain-line').innerText(), line, m);
      assert.match(await row.locator('td.test-acc').innerText(), /^\d+\.\d\d%$/, m);
    }
    // The accuracy charts are drawn around their data, not from 0 to 100 %: the range holds every
    // point, with a margin of a few points at most.
    for (const id of ['compare-curves', 'compare-gap']) {
      const canvas = page.locator(`#${id}`);
      const [lo, hi] = (await canvas.getAttribute('data-y-range')).split(' ').map(Number);
      const [dataLo, dataHi] = (await canvas.getAttribute('data-y-data')).split(' ').map(Number);
      console.log(`# ${id}: data ${dataLo.toFixed(1)}–${dataHi.toFixed(1)} %, drawn ${lo}–${hi} %`);
      assert.ok(lo <= dataLo && hi >= dataHi, `${id}: ${lo}–${hi} holds ${dataLo}–${dataHi}`);
      const margin = Math.max(1, 0.1 * (dataHi - dataLo)) + 1;
      assert.ok(dataLo - lo <= margin && hi - dataHi <= margin, `${id}: ${lo}–${hi} around ${dataLo}–${dataHi}`);
      assert.ok(lo > 0, `${id} is zoomed: its axis starts at ${lo} %`);
    }
    // The accuracy-against-cost chart names its five points without one name over another, at the
    // page's width and on a phone's.
    const overlapping = async () => {
      const boxes = JSON.parse(await page.locator('#compare-cost').getAttribute('data-labels'));
      assert.equal(boxes.length, methods.length);
      const hit = (a, b) => a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
      return boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => hit(a, b)).map((b) => [a, b]));
    };
    assert.deepEqual(await overlapping(), [], 'at 1280 px');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForFunction(() => document.getElementById('compare-cost').clientWidth <= 375);
    await page.waitForTimeout(500);
    assert.deepEqual(await overlapping(), [], 'at 375 px');
    await shot(page, 'controls');
    assert.deepEqual(problems, []);
  } finally { await close(); }
});
