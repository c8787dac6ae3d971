// Keyboard and screen-reader basics: every control has a label, every chart a text alternative, and a
// run can be started with the keyboard alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, setField } from './browser.mjs';

test('labelled controls, described charts, and Generate reachable and usable by keyboard', { timeout: 120_000 }, async () => {
  const { page, problems, close } = await openApp({});
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    const unlabelled = await page.$$eval('input:not([type=checkbox]), select, textarea', (els) => els
      .filter((e) => e.offsetParent !== null && !document.querySelector(`label[for="${e.id}"]`) && !e.closest('label'))
      .map((e) => e.id || e.outerHTML.slice(0, 60)));
    assert.deepEqual(unlabelled, [], 'controls without a label');
    const boxes = await page.$$eval('input[type=checkbox]', (els) => els.filter((e) => e.offsetParent !== null && !e.closest('label')).map((e) => e.id));
    assert.deepEqual(boxes, [], 'checkboxes outside a label');
    const mute = await page.$$eval('canvas', (els) => els.filter((c) => !c.getAttribute('aria-label')).map((c) => c.id));
    assert.deepEqual(mute, [], 'canvases without aria-label');

    // Keyboard only: stage 1's folded settings open with Enter on their summary; into the first field,
    // type, then Tab until Generate has focus, and press Enter.
    await page.focus('details.settings:has(#field-per_class) > summary');
    await page.keyboard.press('Enter');
    await page.focus('#field-per_class');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('30');
    let tabs = 0;
    while (await page.evaluate(() => document.activeElement?.id) !== 'generate') {
      await page.keyboard.press('Tab');
      assert.ok(++tabs < 25, 'Generate is reachable with Tab');
    }
    await page.keyboard.press('Enter');
    await page.locator('#synth-summary', { hasText: '300 training' }).waitFor({ timeout: 30_000 });
    // Focus stayed where the person pressed, not at the page's start.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'generate');
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('light and dark themes follow the system', { timeout: 120_000 }, async () => {
  const { page, problems, close } = await openApp({});
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    const luminance = () => page.evaluate(() => {
      const rgb = (c) => c.match(/\d+/g).slice(0, 3).map(Number);
      const lum = ([r, g, b]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      // The page's background is the root element's; text colour is inherited by the body.
      return { bg: lum(rgb(getComputedStyle(document.documentElement).backgroundColor)),
        fg: lum(rgb(getComputedStyle(document.body).color)) };
    });
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await luminance();
    assert.ok(light.bg > 0.9 && light.fg < 0.2, `light theme: ${JSON.stringify(light)}`);
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await luminance();
    assert.ok(dark.bg < 0.15 && dark.fg > 0.8, `dark theme: ${JSON.stringify(dark)}`);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('keyboard users keep their place: focus moves to Pause when a job starts, and back when it ends', { timeout: 240_000 }, async () => {
  const { page, problems, close } = await openApp({});
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await setField(page, 'per_class', 300);
    await page.click('#generate');
    await page.locator('#synth-summary').waitFor();
    await setField(page, 'teacher_epochs', 3);
    await page.focus('#train');
    await page.keyboard.press('Enter');
    // The pressed button is disabled while the teacher trains: focus must not fall to the page's start.
    await page.waitForFunction(() => document.activeElement?.id === 'pause', null, { timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page.locator('#pause', { hasText: 'Resume' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('#teacher-result').waitFor({ timeout: 180_000 });
    await page.waitForFunction(() => document.activeElement?.id === 'train', null, { timeout: 10_000 });
    assert.deepEqual(problems, []);
  } finally { await close(); }
});
