// Shareable state: settings round-trip through the URL, a bad link is explained and replaced by
// defaults, "Copy link" copies the link, presets are links — and the "Quick look" preset is quick.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { openApp, setField, shot } from './browser.mjs';

const NUMBER_FIELDS = ['classes', 'per_class', 'val_per_class', 'seed', 'teacher_epochs', 'batch_size', 'lr',
  'train_per_class', 'distill_epochs', 'temperature', 'alpha', 'beta', 'heavy_epochs'];

test('a link sets every field, edits update the address bar, Copy link copies it', { timeout: 120_000 }, async () => {
  const { page, problems, close } = await openApp({ query: '?k=12&t=3&a=0.5&m=lwkd,ce&tg=mnist&st=mlp',
    permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    assert.equal(await page.inputValue('#field-classes'), '12');
    assert.equal(await page.inputValue('#field-temperature'), '3');
    assert.equal(await page.inputValue('#field-alpha'), '0.5');
    assert.equal(await page.inputValue('#field-target'), 'mnist');
    assert.equal(await page.inputValue('#field-student'), 'mlp');
    assert.ok(await page.isChecked('#method-lwkd'));
    assert.ok(await page.isChecked('#method-ce'));
    assert.ok(!(await page.isChecked('#method-kd')));
    assert.equal(await page.locator('#url-problems').count(), 0);

    await setField(page, 'seed', 7);
    await page.uncheck('#method-ce');
    await page.waitForFunction(() => location.search.includes('seed=7'));
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('m'), 'lwkd');
    assert.equal(url.searchParams.get('k'), '12');
    assert.equal(await page.inputValue('#share-url'), page.url());

    await page.click('#copy-link');
    await page.locator('.share', { hasText: 'Copied.' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

/// The settings the native CLI takes as flags (`lwkd compare --help`: every flag with a VALUE is one).
function cliSettings() {
  const bin = `${process.env.CARGO_TARGET_DIR ?? 'target'}/debug/lwkd`;
  const help = execFileSync(bin, ['compare', '--help'], { encoding: 'utf8' });
  return [...help.matchAll(/--([a-z-]+) <VALUE>/g)].map((m) => m[1].replaceAll('-', '_'));
}

test('the CLI, the link and the form take the same settings, each declared once', { timeout: 120_000 }, async () => {
  // `backend` is the page's own choice (auto, webgpu, cpu); the CLI's --backend picks a native one.
  const expected = [...cliSettings(), 'backend'].sort();
  assert.ok(expected.length >= 18, `${expected}`);
  const { page, problems, close } = await openApp({ query: `?hide=${expected.join(',')}` });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    const inForm = await page.locator('[data-knob]').evaluateAll((els) => els.map((e) => e.dataset.knob));
    assert.deepEqual([...new Set(inForm)].sort(), expected, 'one form control per setting');
    assert.equal(await page.locator('#url-problems').count(), 0, 'hide= knows every setting by the same name');
    for (const field of expected) {
      assert.ok(!(await page.locator(`[data-knob="${field}"]`).first().isVisible()), `${field} is hidden`);
    }
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('69 bad inputs — link parameters and form fields — each get a message, defaults, no crash', { timeout: 300_000 }, async () => {
  const { page, origin, problems, close } = await openApp({});
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    // Every URL parameter with values that are out of range, of the wrong type, absurd or empty.
    const bad = [
      ['k', '10000'], ['k', '1'], ['k', 'ten'], ['k', '-3'], ['k', ''], ['k', '1e3'],
      ['n', '0'], ['n', '1000000000'], ['n', '5.5'], ['nv', '0'], ['nv', 'x'],
      ['seed', '-1'], ['seed', '18446744073709551616'], ['seed', 'abc'],
      ['te', '0'], ['te', '1000'], ['bs', '0'], ['bs', '100000'], ['bs', '-64'],
      ['lr', 'NaN'], ['lr', '0'], ['lr', '-1'], ['lr', '5'], ['lr', 'inf'], ['lr', ''],
      ['be', 'tpu'], ['be', ''], ['tg', 'cifar'], ['st', 'resnet'], ['ti', 'both'],
      ['tpc', '0'], ['tpc', '5000'], ['de', '0'], ['de', '1e9'],
      ['t', '0'], ['t', '1000'], ['t', 'NaN'], ['a', '2'], ['a', '-0.1'], ['b', '-1'], ['b', '1e308'],
      ['he', '0'], ['noise', '0.9'], ['noise', '-0.1'], ['seeds', '0'], ['seeds', '9'], ['m', 'lwkd,bogus'], ['m', 'LWKD'], ['m', ''], ['zzz', '1'], ['%ZZ', '1'],
    ];
    let n = 0;
    for (const [key, value] of bad) {
      await page.goto(`${origin}/?${key}=${encodeURIComponent(value)}`);
      const list = page.locator('#url-problems');
      await list.waitFor({ timeout: 30_000 });
      const text = await list.innerText();
      assert.ok(text.includes(key === '%ZZ' ? 'unknown parameter' : key), `${key}=${value}: ${text}`);
      assert.equal(await page.locator('#panic-panel').count(), 0, `${key}=${value} crashed the app`);
      n += 1;
    }
    await shot(page, 'bad-link');
    // The page still works after the last bad link: defaults are in place.
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    assert.equal(await page.inputValue('#field-heavy_epochs'), '1');

    // Every form field, typed wrong.
    const values = ['abc', '-5', '1e400', 'NaN', '', '99999999999'];
    for (const field of NUMBER_FIELDS.slice(0, 3)) {
      for (const v of values) {
        const before = await page.inputValue(`#field-${field}`);
        await setField(page, field, v);
        await page.locator(`#field-${field}-error`).filter({ hasText: /\S/ }).waitFor({ timeout: 5_000 });
        assert.ok(await page.locator('#generate').isDisabled(), `${field}=${v} must block Generate`);
        await setField(page, field, before);
        await page.locator('#generate:enabled').waitFor();
        n += 1;
      }
    }
    console.log(`# bad inputs tried in the browser: ${n}`);
    assert.ok(n >= 60);
    assert.equal(await page.locator('#panic-panel').count(), 0);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('a link with thousands of bad parameters gets a short list; a repeated key says which one counts', { timeout: 120_000 }, async () => {
  // About 11 kB of query: the most a server takes in one request line is usually 16 kB.
  const junk = Array.from({ length: 1200 }, (_, i) => `x${i}=1`).join('&');
  const long = 'y'.repeat(1000);
  const { page, problems, close } = await openApp({ query: `?k=12&k=20&${long}=1&${junk}` });
  try {
    const list = page.locator('#url-problems');
    await list.waitFor({ timeout: 60_000 });
    const items = await list.locator('li').allInnerTexts();
    assert.equal(items.length, 11, 'ten problems and a count of the rest');
    // A long value is quoted by its start only.
    const quoted = items.find((t) => t.includes('yyyy'));
    assert.ok(quoted && quoted.length < 120 && quoted.includes('…'), `quoted: ${quoted}`);
    assert.match(items[10], /and 1192 more/);
    assert.ok(items.some((t) => t.includes('k is given 2 times; the last valid value counts')), items.join(' | '));
    assert.equal(await page.inputValue('#field-classes'), '20');
    const box = await list.boundingBox();
    assert.ok(box.height < 800, `the list is ${box.height} px tall`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 1280, `a long parameter name makes the page ${width} px wide`);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('the "Quick look" preset is a link and runs all three stages quickly', { timeout: 300_000 }, async () => {
  const { page, problems, close } = await openApp({});
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await page.click('#preset-quick');
    await page.waitForURL(/de=10/);
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    assert.equal(await page.inputValue('#field-val_per_class'), '20');
    const t0 = Date.now();
    await page.click('#generate');
    await page.locator('#synth-summary').waitFor();
    await page.click('#train');
    await page.locator('#teacher-result').waitFor({ timeout: 240_000 });
    await page.locator('#distill-run:enabled').waitFor({ timeout: 60_000 });
    await page.click('#distill-run');
    await page.waitForFunction(() => document.querySelectorAll('#results-table tbody tr').length === 3,
      null, { timeout: 240_000 });
    await page.locator('#distill-run:enabled').waitFor({ timeout: 30_000 });
    const seconds = (Date.now() - t0) / 1000;
    console.log(`# Quick look preset, Generate → last result, CPU (Flex) in headless Chromium: ${seconds.toFixed(1)} s`);
    assert.ok(seconds < 120, `the quick preset took ${seconds} s`);
    await shot(page, 'preset-quick');
    assert.deepEqual(problems, []);
  } finally { await close(); }
});
