// Made to be projected and read on a phone: charts drawn at the device pixel ratio and at their box's
// width (again after a resize), in the page's colour scheme, larger in presentation mode; and a first
// screen from which one click runs the whole demo.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, shotView, trainSmallTeacher } from './browser.mjs';

/// Each chart canvas's backing size against its CSS size × devicePixelRatio.
const sizes = (page, ids) => page.evaluate((ids) => ids.map((id) => {
  const c = document.getElementById(id);
  return { id, width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight,
    ratio: window.devicePixelRatio };
}), ids);

function assertCrisp(list) {
  for (const s of list) {
    assert.ok(s.cssWidth > 100, `${s.id} is laid out (${s.cssWidth} px)`);
    assert.ok(Math.abs(s.width - s.cssWidth * s.ratio) <= 1 && Math.abs(s.height - s.cssHeight * s.ratio) <= 1,
      `${s.id}: backing ${s.width}×${s.height}, CSS ${s.cssWidth}×${s.cssHeight} at ratio ${s.ratio}`);
  }
}

/// Mean colour of a chart canvas's top-left corner (its background: the margin outside the plot).
const corner = (page, id) => page.evaluate((id) => {
  const c = document.getElementById(id);
  const d = c.getContext('2d').getImageData(2, 2, 6, 6).data;
  let [r, g, b] = [0, 0, 0];
  for (let i = 0; i < d.length; i += 4) { r += d[i]; g += d[i + 1]; b += d[i + 2]; }
  const n = d.length / 4;
  return [r / n, g / n, b / n];
}, id);

test('charts are drawn at the device pixel ratio and their box\'s width, and again after a resize', { timeout: 300_000 }, async () => {
  const { page, problems, close } = await openApp({ scale: 2 });
  try {
    await trainSmallTeacher(page);
    const before = await sizes(page, ['loss-chart', 'acc-chart']);
    assertCrisp(before);
    assert.equal(before[0].ratio, 2);
    // Light scheme: a light background behind the plot.
    assert.ok((await corner(page, 'loss-chart')).every((v) => v > 200), 'light background');
    // A narrower window: the charts take the new width and are drawn for it, not stretched.
    await page.setViewportSize({ width: 700, height: 900 });
    await page.waitForFunction((w) => document.getElementById('loss-chart').clientWidth !== w, before[0].cssWidth);
    await page.waitForFunction(() => {
      const c = document.getElementById('loss-chart');
      return Math.abs(c.width - c.clientWidth * 2) <= 1;
    }, null, { timeout: 10_000 });
    assertCrisp(await sizes(page, ['loss-chart', 'acc-chart']));
    // A legend outside the plot, naming both accuracy lines.
    assert.deepEqual(await page.locator('#acc-chart ~ .legend li').allInnerTexts(), ['training', 'validation']);

    // Presentation mode: larger type, charts the page's full width.
    await page.setViewportSize({ width: 1280, height: 900 });
    const normal = (await sizes(page, ['acc-chart']))[0].cssWidth;
    await page.click('#presentation');
    assert.equal(await page.getAttribute('#presentation', 'aria-pressed'), 'true');
    await page.waitForFunction((w) => document.getElementById('acc-chart').clientWidth > w, normal);
    await page.waitForFunction(() => {
      const c = document.getElementById('acc-chart');
      return Math.abs(c.width - c.clientWidth * 2) <= 1;
    }, null, { timeout: 10_000 });
    assertCrisp(await sizes(page, ['loss-chart', 'acc-chart']));
    await page.locator('#acc-chart').scrollIntoViewIfNeeded();
    await shotView(page, 'presentation');
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('in dark mode the charts are dark too', { timeout: 300_000 }, async () => {
  const { page, problems, close } = await openApp({ colorScheme: 'dark' });
  try {
    await trainSmallTeacher(page);
    const bg = await corner(page, 'loss-chart');
    assert.ok(bg.every((v) => v < 60), `dark chart background: ${bg.map((v) => v.toFixed(0))}`);
    // Switching the scheme redraws them.
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => {
      const d = document.getElementById('loss-chart').getContext('2d').getImageData(2, 2, 1, 1).data;
      return d[0] > 200;
    }, null, { timeout: 10_000 });
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('on a 375 px phone the charts are drawn for its width, at its pixel ratio', { timeout: 300_000 }, async () => {
  const { page, problems, close } = await openApp({ width: 375, height: 800, scale: 3 });
  try {
    await trainSmallTeacher(page);
    const list = await sizes(page, ['loss-chart', 'acc-chart']);
    assertCrisp(list);
    for (const s of list) assert.ok(s.cssWidth <= 375 && s.ratio === 3, JSON.stringify(s));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
    await page.locator('#loss-chart').scrollIntoViewIfNeeded();
    await shotView(page, 'phone-teacher');
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('the first screen: what will happen, folded settings, and Run the whole demo reaches the results alone', { timeout: 600_000 }, async () => {
  const { page, problems, close } = await openApp({});
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    assert.match(await page.locator('#intro .pitch').innerText(), /clothes classifier .* handwritten numerals/);
    assert.match(await page.locator('#flow').getAttribute('aria-label'), /numerals.*teacher.*soft targets.*clothes/);
    // One primary action on the first screen (whole in the window); the settings wait folded.
    const primaryInView = await page.$$eval('button.primary', (bs) => bs.filter((b) => {
      const r = b.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight && b.offsetParent !== null;
    }).map((b) => b.id));
    assert.deepEqual(primaryInView, ['run-demo']);
    assert.equal(await page.$$eval('details.settings', (ds) => ds.filter((d) => d.open).length), 0);
    await shotView(page, 'first-screen');

    // From the keyboard: focus stays on something all the way, never falling to the page's start.
    await page.focus('#run-demo');
    await page.evaluate(() => {
      window.__focusOnBody = 0;
      setInterval(() => { if (document.activeElement === document.body) window.__focusOnBody++; }, 20);
    });
    await page.keyboard.press('Enter');
    await page.locator('#demo-guide', { hasText: '1 of 3' }).or(page.locator('#demo-guide', { hasText: '2 of 3' })).first()
      .waitFor({ timeout: 30_000 });
    await page.locator('#demo-guide', { hasText: '3 of 3' }).waitFor({ timeout: 120_000 });
    // The page follows the stage that runs.
    await page.waitForFunction(() => {
      const top = document.getElementById('distill-title').getBoundingClientRect().top;
      return top > -50 && top < 400;
    }, null, { timeout: 10_000 });
    // The guide came along: it is in the window, not at the top of the page.
    const guide = await page.locator('#demo-guide').boundingBox();
    assert.ok(guide && guide.y >= 0 && guide.y + guide.height <= 900, `the guide is in view: ${JSON.stringify(guide)}`);
    await page.locator('#demo-guide', { hasText: 'Done' }).waitFor({ timeout: 300_000 });
    const rows = await page.locator('#results-table tbody tr').count();
    assert.equal(rows, 6, 'all six methods ran with nobody clicking');
    assert.equal(await page.evaluate(() => window.__focusOnBody), 0, 'focus fell to the page during the demo');
    // At its end the guide points at the comparison, which comes into view below it, uncovered.
    await page.waitForFunction(() => {
      const top = document.getElementById('results-title').getBoundingClientRect().top;
      return top > 0 && top < 500;
    }, null, { timeout: 10_000 });
    const [guideBox, titleBox] = [await page.locator('#demo-guide').boundingBox(), await page.locator('#results-title').boundingBox()];
    assert.ok(guideBox.y + guideBox.height <= titleBox.y, `the guide (${JSON.stringify(guideBox)}) covers the comparison (${JSON.stringify(titleBox)})`);
    assert.match(await page.locator('#demo-guide').innerText(), /What to notice/);
    // The live charts say whose curves they show.
    assert.match(await page.locator('#distill-loss-chart-title').innerText(), /^Loss — /);
    await page.locator('#results-table').scrollIntoViewIfNeeded();
    await shotView(page, 'comparison-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('#compare-curves').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await shotView(page, 'comparison-dark');
    // The same comparison projected, then on a phone's width.
    await page.emulateMedia({ colorScheme: 'light' });
    await page.click('#presentation');
    await page.locator('#compare-curves').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await shotView(page, 'comparison-presentation');
    await page.click('#presentation');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForFunction(() => document.getElementById('compare-curves').clientWidth <= 375);
    await page.locator('#compare-curves').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    const phone = await sizes(page, ['compare-curves', 'compare-cost']);
    assertCrisp(phone);
    const guideOnPhone = await page.locator('#demo-guide').boundingBox();
    assert.ok(guideOnPhone.height <= 0.15 * 800 + 1, `on a phone the guide takes ${guideOnPhone.height} of 800 px`);
    await shotView(page, 'comparison-phone');
    assert.deepEqual(problems, []);
  } finally { await close(); }
});
