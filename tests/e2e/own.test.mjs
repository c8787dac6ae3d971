// The person's own images and saved students, through the page's real file inputs: a folder with
// bad files and a too-small class is read with notes, a damaged .zip is refused while the previous
// images stay, a good .zip replaces them; a student trained on them is downloaded as burnpack and
// evaluated again with the same accuracy; a file that is not weights is refused.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { inkedPixels, openApp, selectField, setField, shot } from './browser.mjs';
import { png, pngClaiming, shapeImages, withLyingEntry, writeTree, zip } from './files.mjs';

test('own images from a folder and a zip, then export → import of a student', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lwkd-own-'));
  const folder = writeTree(join(dir, 'shapes'), [
    ...shapeImages(['circle', 'square', 'triangle'], 6),
    ['tiny/a.png', png(30, 30, () => 200)], ['tiny/b.png', png(30, 30, () => 100)],
    ['circle/broken.png', Buffer.from('\x89PNG\r\n\x1a\nnot really a picture')],
    ['square/notes.txt', Buffer.from('hello')],
  ]);
  const badZip = join(dir, 'broken.zip');
  writeFileSync(badZip, Buffer.from('PK\x03\x04 and then nothing'));
  const goodZip = join(dir, 'two.zip');
  writeFileSync(goodZip, zip(shapeImages(['left', 'right'], 10).map(([p, b]) => [`two/${p}`, b])));
  const notWeights = join(dir, 'student.bpk');
  writeFileSync(notWeights, 'these are not weights');

  const { page, origin, problems, requests, close } = await openApp({ webgpu: false });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await selectField(page, 'target', 'own');
    await page.locator('#own-status', { hasText: 'No images chosen yet' }).waitFor();

    await page.setInputFiles('#own-folder', folder);
    const status = page.locator('#own-status');
    await status.filter({ hasText: '3 classes (circle, square, triangle), 15 training and 3 test images' })
      .waitFor({ timeout: 60_000 });
    const notes = (await page.locator('#own-notes').innerText());
    assert.match(notes, /“tiny” \(2\)/, 'the too-small class is named');
    assert.match(notes, /1 file that is not an image/, 'the text file is mentioned');
    assert.ok(notes.includes('1 file left out, unreadable: shapes/circle/broken.png'), `the damaged picture is named: ${notes}`);
    assert.ok(await inkedPixels(page, '#target-grid') > 500, 'the sample grid shows the images');
    assert.equal(await page.inputValue('#field-classes'), '3', 'K follows the classes');
    await shot(page, 'own-images');

    await page.setInputFiles('#own-zip', badZip);
    await status.filter({ hasText: 'Not used: this is not a readable .zip' }).waitFor({ timeout: 30_000 });
    assert.match(await status.innerText(), /Still using your previous images \(3 classes\)/);

    await page.setInputFiles('#own-zip', goodZip);
    await status.filter({ hasText: '2 classes (left, right), 16 training and 4 test images' }).waitFor({ timeout: 60_000 });

    // The default scenario's label noise is pointed out on your own images; 0 turns it off.
    assert.match(await page.locator('#own-noise').innerText(), /30 % of your training labels will be flipped/);
    await setField(page, 'label_noise', 0);
    assert.equal(await page.locator('#own-noise').count(), 0);
    // A student on them (CE needs no teacher), its weights out and back in.
    for (const m of ['lwkd', 'lwkd-noadv', 'ls', 'tfkd', 'kd']) await page.uncheck(`#method-${m}`);
    await setField(page, 'distill_epochs', 3);
    await page.click('#distill-run');
    await page.locator('#results-table tbody tr[data-method=ce]').waitFor({ timeout: 120_000 });
    const acc = (await page.locator('#results-table tbody tr[data-method=ce] td').nth(1).innerText()).trim();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#weights-ce')]);
    assert.match(download.suggestedFilename(), /^lwkd-ce-mlp\.bpk$/);
    const saved = join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    await page.setInputFiles('#import-weights', saved);
    const result = page.locator('#import-result');
    await result.filter({ hasText: 'test accuracy' }).waitFor({ timeout: 30_000 });
    const text = await result.innerText();
    assert.match(text, /CE \(hard labels\) student \(MLP\) trained on your images/);
    assert.ok(text.includes(`test accuracy ${acc} on 4 test images`), `${text} vs the table's ${acc}`);

    await page.setInputFiles('#import-weights', notWeights);
    await result.filter({ hasText: 'Not loaded: this is not a weights file' }).waitFor({ timeout: 30_000 });

    assert.deepEqual(problems, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:')), []);
  } finally { await close(); }
});

test('a .zip that lies about its sizes is read only up to the limits, and memory stays bounded', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lwkd-bomb-'));
  const honest = zip(shapeImages(['left', 'right'], 10).map(([p, b]) => [`two/${p}`, b]));
  // 300 MB of zeros deflate to about 300 kB; the headers claim 1,000 bytes.
  const bomb = join(dir, 'bomb.zip');
  writeFileSync(bomb, withLyingEntry(honest, 'two/left/zz-bomb.png', 300 << 20, 1000));
  const { page, problems, close } = await openApp({
    webgpu: false,
    initScript: () => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }),
  });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await selectField(page, 'target', 'own');
    const wasmMb = () => page.evaluate(() => window.__wasm.memory.buffer.byteLength / 2 ** 20);
    const before = await wasmMb();
    await page.setInputFiles('#own-zip', bomb);
    await page.locator('#own-status', { hasText: '2 classes (left, right), 16 training and 4 test images' })
      .waitFor({ timeout: 60_000 });
    assert.ok((await page.locator("#own-notes").innerText()).includes("two/left/zz-bomb.png (over 25 MB)"));
    const grew = (await wasmMb()) - before;
    console.log(`# the page's wasm memory: ${before.toFixed(1)} MB before the 300 MB zip bomb, +${grew.toFixed(1)} MB after`);
    assert.ok(grew < 100, `reading the bomb grew the page's memory by ${grew.toFixed(0)} MB`);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('a picture whose header claims gigapixels is left out, named, before the browser decodes it', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lwkd-huge-'));
  const folder = writeTree(join(dir, 'pics'), [...shapeImages(['left', 'right'], 6), ['left/huge.png', pngClaiming(60_000, 60_000)]]);
  const { page, problems, close } = await openApp({ webgpu: false });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await selectField(page, 'target', 'own');
    await page.setInputFiles('#own-folder', folder);
    await page.locator('#own-status', { hasText: '2 classes (left, right)' }).waitFor({ timeout: 60_000 });
    const notes = await page.locator('#own-notes').innerText();
    assert.ok(notes.includes('pics/left/huge.png (60000 × 60000 pixels, too large to decode'), notes);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});
