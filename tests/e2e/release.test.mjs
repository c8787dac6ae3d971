// A copy anyone can host: the release archive (scripts/package.sh) holds the whole built site and
// HOSTING.md; unpacked under a sub-path of a plain static server it loads with no console error and
// trains — the page module, the training module and the data all come from the archive.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openApp, trainSmallTeacher } from './browser.mjs';

const ROOT = join(import.meta.dirname, '..', '..');

/// Every file under `dir`, relative to it.
const files = (dir) => readdirSync(dir, { recursive: true })
  .filter((f) => statSync(join(dir, f)).isFile()).map((f) => f.split('\\').join('/')).sort();

test('the release archive unpacked under a sub-path runs the app', { timeout: 300_000 }, async () => {
  const printed = execFileSync('bash', ['scripts/package.sh'], { cwd: ROOT, encoding: 'utf8' });
  const zip = printed.match(/(release\/lwkd-web-[\w.+-]+\.zip):/)?.[1];
  assert.ok(zip, `package.sh named no archive: ${printed}`);
  const out = mkdtempSync(join(tmpdir(), 'lwkd-release-'));
  try {
    execFileSync('python3', ['-m', 'zipfile', '-e', join(ROOT, zip), out]);
    const [folder, ...others] = readdirSync(out);
    assert.deepEqual(others, [], 'the archive holds one folder');
    assert.match(folder, /^lwkd-web-\d+\.\d+\.\d+-[0-9a-f]+/);
    const site = join(out, folder);
    assert.deepEqual(files(site).filter((f) => f !== 'HOSTING.md'), files(join(ROOT, 'dist')), 'every built file, no other');
    assert.ok(files(site).includes('HOSTING.md'));

    const { page, problems, requests, origin, close } = await openApp({ dist: site, base: '/courses/kd/' });
    try {
      await trainSmallTeacher(page, 30, 1);
      assert.match(await page.locator('#teacher-result').innerText(), /validation/i);
      assert.deepEqual(problems, []);
      const elsewhere = requests.filter((u) => !u.startsWith(`${origin}/courses/kd/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
      assert.deepEqual(elsewhere, [], 'every file from the archive, under its sub-path');
    } finally {
      await close();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
