// End to end, in a real headless Chromium: what a person sees when they use the app.
// Run by scripts/test.sh after the site is built (dist/). Each test starts its own browser.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { inkedPixels, openApp, progressStep, selectField, setField, shot } from './browser.mjs';

const TRAIN_TIMEOUT = 240_000;

/// The CLI's fingerprint of the same synthesized set: the browser must produce identical data.
function cliFingerprint(args) {
  // Built by `cargo test` (scripts/test.sh runs it first), wherever the cargo target dir is.
  const bin = `${process.env.CARGO_TARGET_DIR ?? 'target'}/debug/lwkd`;
  const out = execFileSync(bin, ['synth', ...args], { encoding: 'utf8' });
  return out.match(/fingerprint=(\w+)/)[1];
}

async function ready(page) {
  await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
  return Number(await page.locator('#data-status').getAttribute('data-ready-ms'));
}

async function generate(page, perClass, valPerClass = 20) {
  await setField(page, 'per_class', perClass);
  await setField(page, 'val_per_class', valPerClass);
  await page.click('#generate');
  await page.locator('#synth-summary').waitFor();
  return page.locator('#synth-summary').innerText();
}

function assertSameOrigin(requests, origin) {
  const foreign = requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, [], 'requests to other origins');
}

test('with WebGPU: generate, train the teacher on WebGPU, see charts and accuracy', { timeout: 600_000 }, async () => {
  const { page, origin, problems, requests, close } = await openApp({ webgpu: true });
  try {
    const readyMs = await ready(page);
    console.log(`# page load → Generate usable: ${readyMs.toFixed(0)} ms`);
    // Auto mode sees SwiftShader, a software adapter, and says it will use the CPU instead.
    await page.locator('#backend-line', { hasText: 'software fallback' }).waitFor({ timeout: 30_000 });

    const summary = await generate(page, 50, 20);
    assert.match(summary, /500 training \+ 200 validation images · 10 classes · 28×28 px/);
    assert.ok(await inkedPixels(page, '#synth-grid') > 1000, 'the sample grid shows digits');
    const fp = summary.match(/fingerprint (\w+)/)[1];
    assert.equal(fp, cliFingerprint(['--per-class', '50', '--val-per-class', '20']),
      'the browser synthesizes exactly what the native CLI does for the same seed');

    await selectField(page, 'backend', 'webgpu');
    await setField(page, 'teacher_epochs', 2);
    await page.click('#train');
    await page.locator('#teacher-result').waitFor({ timeout: TRAIN_TIMEOUT });
    const result = await page.locator('#teacher-result').innerText();
    console.log(`# WebGPU (SwiftShader) teacher: ${result.replace(/\n/g, ' | ')}`);
    assert.match(result, /Validation accuracy \d+\.\d%/);
    assert.match(result, /Ran on WebGPU on /);
    assert.match(await page.locator('#backend-line').innerText(), /WebGPU/);
    assert.ok(await inkedPixels(page, '#loss-chart') > 2000, 'loss chart drawn');
    assert.ok(await inkedPixels(page, '#acc-chart') > 2000, 'accuracy chart drawn');
    assert.ok(await inkedPixels(page, '#teacher-preview') > 1000, 'prediction grid drawn');
    await shot(page, 'webgpu-teacher');
    assert.equal(await page.locator('#panic-panel').count(), 0);
    assert.deepEqual(problems, []);
    assertSameOrigin(requests, origin);
  } finally { await close(); }
});

test('Automatic on a software adapter picks the CPU and says why; both backends timed on request agree, and are remembered', { timeout: 600_000 }, async () => {
  const { page, problems, close } = await openApp({ webgpu: true });
  try {
    await ready(page);
    await page.locator('#backend-line', { hasText: 'software fallback' }).waitFor({ timeout: 30_000 });
    await page.click('#measure-backends');
    await page.locator('#backend-line', { hasText: 'measured in this browser' }).waitFor({ timeout: 180_000 });
    const line = await page.locator('#backend-line').innerText();
    console.log(`# ${line}`);
    // WebGPU (SwiftShader) computed what the CPU computed on the same weights, and both were timed.
    const m = line.match(/([\d.]+) ms per training step on the CPU, ([\d.]+) on WebGPU, results agree \(largest difference [\d.e+-]+\): (WebGPU|the CPU) is ([\d.]+)× faster/);
    assert.ok(m, `both backends timed and in agreement: ${line}`);
    const [cpu, gpu, faster, ratio] = [Number(m[1]), Number(m[2]), m[3], Number(m[4])];
    assert.ok(cpu > 0 && gpu > 0);
    assert.equal(faster, gpu < cpu ? 'WebGPU' : 'the CPU', 'the faster one is named');
    assert.ok(Math.abs(ratio - Math.max(cpu, gpu) / Math.min(cpu, gpu)) < 0.15, 'by how much');
    // A software adapter is never Automatic's choice, measured or not.
    assert.match(line, /^Will run on CPU \(Flex\): the WebGPU adapter .* is a software fallback/);

    await generate(page, 30, 10);
    await setField(page, 'teacher_epochs', 1);
    await page.click('#train');
    await page.locator('#teacher-result').waitFor({ timeout: TRAIN_TIMEOUT });
    assert.match(await page.locator('#teacher-result').innerText(), /Ran on CPU \(Flex\)/);

    // The measurement is kept for this adapter: a reload shows it without timing again.
    await page.reload();
    await ready(page);
    await page.locator('#backend-line', { hasText: 'measured in this browser' }).waitFor({ timeout: 30_000 });
    assert.match(await page.locator('#backend-line').innerText(), new RegExp(`${m[1]} ms per training step on the CPU`));
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('without WebGPU: the app says so, trains on the CPU and reaches a useful accuracy', { timeout: 600_000 }, async () => {
  const { page, origin, problems, requests, close } = await openApp({ webgpu: false });
  try {
    await ready(page);
    await page.locator('#backend-line', { hasText: 'no WebGPU adapter' }).waitFor({ timeout: 30_000 });
    await generate(page, 200, 50);
    await setField(page, 'teacher_epochs', 3);
    await page.click('#train');
    await page.locator('#teacher-result').waitFor({ timeout: TRAIN_TIMEOUT });
    const result = await page.locator('#teacher-result').innerText();
    console.log(`# CPU (Flex, wasm) teacher: ${result.replace(/\n/g, ' | ')}`);
    assert.match(result, /Ran on CPU \(Flex\)/);
    const acc = Number(result.match(/Validation accuracy (\d+\.\d)%/)[1]);
    assert.ok(acc > 80, `validation accuracy ${acc}% after 3 epochs on 2,000 images`);
    assert.ok(await inkedPixels(page, '#loss-chart') > 2000);
    await shot(page, 'cpu-teacher');
    assert.deepEqual(problems, []);
    assertSameOrigin(requests, origin);
  } finally { await close(); }
});

test('pause, resume and cancel work mid-run, and the app is usable afterwards', { timeout: 600_000 }, async () => {
  const { page, problems, close } = await openApp({ webgpu: false });
  try {
    await ready(page);
    await generate(page, 1000, 20);
    await setField(page, 'teacher_epochs', 10);
    await page.click('#train');
    await page.waitForFunction(() => /step (\d+)/.test(document.querySelector('#teacher-rate').textContent)
      && Number(document.querySelector('#teacher-rate').textContent.match(/step (\d+)/)[1]) >= 15);

    await page.click('#pause');
    await page.locator('#pause', { hasText: 'Resume' }).waitFor();
    await page.waitForTimeout(300);
    const atPause = await progressStep(page);
    await page.waitForTimeout(1500);
    assert.equal(await progressStep(page), atPause, 'no steps while paused');
    assert.match(await page.locator('#teacher-rate').innerText(), /paused/);
    await shot(page, 'paused');

    await page.click('#pause');
    await page.waitForFunction((s) => Number(document.querySelector('#teacher-rate').textContent.match(/step (\d+)/)[1]) > s + 10, atPause);

    await page.click('#cancel');
    await page.locator('#notice', { hasText: 'cancelled' }).waitFor({ timeout: 10_000 });
    assert.ok(await page.locator('#train').isEnabled(), 'Train is usable again');
    assert.ok(await page.locator('#generate').isEnabled(), 'Generate is usable again');
    assert.equal(await page.locator('#teacher-result').count(), 0, 'a cancelled run reports no result');

    // And it still works: a small run completes.
    await generate(page, 30, 10);
    await setField(page, 'teacher_epochs', 1);
    await page.click('#train');
    await page.locator('#teacher-result').waitFor({ timeout: TRAIN_TIMEOUT });
    await shot(page, 'after-cancel');
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('bad form values get a message beside the field and block the run', { timeout: 120_000 }, async () => {
  const { page, problems, close } = await openApp({ webgpu: false });
  try {
    await ready(page);
    await setField(page, 'classes', '10000');
    await page.locator('#field-classes-error', { hasText: 'between 2 and 100' }).waitFor();
    assert.ok(await page.locator('#generate').isDisabled());
    await setField(page, 'lr', 'abc');
    await page.locator('#field-lr-error', { hasText: 'not a number' }).waitFor();
    await setField(page, 'classes', '12');
    await setField(page, 'lr', '0.001');
    await page.locator('#generate:enabled').waitFor();
    const summary = await generate(page, 20, 10);
    assert.match(summary, /12 classes · 28×56 px/, 'K = 12 gives two-digit numerals');
    await shot(page, 'k12');
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

for (const [name, hook, expected] of [
  ['missing', (p) => (p.endsWith('/mnist-test.bin') ? { status: 404 } : null), /404/],
  ['corrupted', (p) => (p.endsWith('/mnist-train.bin') ? { transform: (b) => { b[b.length - 5] ^= 1; return b; } } : null), /corrupted/],
  ['truncated', (p) => (p.endsWith('/mnist-train.bin') ? { transform: (b) => b.subarray(0, 1000) } : null), /truncated/],
]) {
  test(`a ${name} data file gives a clear message, not a blank page`, { timeout: 120_000 }, async () => {
    const { page, close } = await openApp({ webgpu: false, hook });
    try {
      const status = page.locator('#data-status.error');
      await status.waitFor({ timeout: 60_000 });
      assert.match(await status.innerText(), expected);
      assert.ok(await page.locator('#generate').isDisabled());
      assert.equal(await page.locator('#panic-panel').count(), 0);
      await shot(page, `data-${name}`);
    } finally { await close(); }
  });
}
