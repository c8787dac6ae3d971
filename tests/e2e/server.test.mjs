// The static server that `scripts/serve.sh` runs: a malformed request is answered, not fatal.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { serve } from '../../scripts/static-server.mjs';

test('a malformed percent-encoded path gets 400 and the server keeps serving', async () => {
  const root = mkdtempSync(join(tmpdir(), 'lwkd-serve-'));
  writeFileSync(join(root, 'index.html'), '<p>hello</p>');
  const server = await serve(root);
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    for (const bad of ['/%E0%A4%A', '/%', '/%ZZ/index.html']) {
      assert.equal((await fetch(base + bad)).status, 400, bad);
    }
    assert.equal((await fetch(`${base}/..%2F..%2Fetc%2Fpasswd`)).status, 403);
    // A sibling folder that shares the root's name as a prefix is outside it too.
    mkdirSync(`${root}-old`, { recursive: true });
    writeFileSync(`${root}-old/secret.txt`, 'not yours');
    const leaf = root.split('/').pop();
    assert.equal((await fetch(`${base}/..%2F${leaf}-old%2Fsecret.txt`)).status, 403);
    // A folder asked for without its slash is redirected, so its page's relative URLs resolve.
    mkdirSync(join(root, 'course'));
    writeFileSync(join(root, 'course', 'index.html'), 'course');
    const redirect = await fetch(`${base}/course?k=12`, { redirect: 'manual' });
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), '/course/?k=12');
    const ok = await fetch(`${base}/`);
    assert.equal(ok.status, 200);
    assert.equal(await ok.text(), '<p>hello</p>');
  } finally { server.close(); }
});

test('precompressed copies are served in the best encoding the browser accepts', async () => {
  const { brotliCompressSync, gzipSync } = await import('node:zlib');
  const root = mkdtempSync(join(tmpdir(), 'lwkd-serve-'));
  const text = 'the same bytes, whatever the encoding '.repeat(100);
  writeFileSync(join(root, 'app.wasm'), text);
  writeFileSync(join(root, 'app.wasm.br'), brotliCompressSync(text));
  writeFileSync(join(root, 'app.wasm.gz'), gzipSync(text));
  writeFileSync(join(root, 'plain.js'), text);
  const server = await serve(root);
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    for (const [accept, expected] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['br;q=0, gzip', 'gzip'], ['identity', null]]) {
      const r = await fetch(`${base}/app.wasm`, { headers: { 'accept-encoding': accept } });
      assert.equal(r.headers.get('content-encoding'), expected, accept);
      assert.equal(r.headers.get('content-type'), 'application/wasm');
      assert.equal(await r.text(), text, `decoded body (${accept})`);
    }
    // No copy: the file as it is.
    const plain = await fetch(`${base}/plain.js`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(await plain.text(), text);
  } finally { server.close(); }
});

test('a file changed within the same second is not answered 304: revalidation goes by content', async () => {
  const { statSync, utimesSync } = await import('node:fs');
  const root = mkdtempSync(join(tmpdir(), 'lwkd-serve-'));
  const file = join(root, 'trainer-worker.js');
  writeFileSync(file, '// build A');
  const server = await serve(root);
  const url = `http://127.0.0.1:${server.address().port}/trainer-worker.js`;
  try {
    const a = await fetch(url);
    const [etag, modified] = [a.headers.get('etag'), a.headers.get('last-modified')];
    assert.ok(etag, 'an ETag');
    const revalidate = () => fetch(url, { headers: { 'if-none-match': etag, 'if-modified-since': modified } });
    assert.equal((await revalidate()).status, 304, 'unchanged');
    // Build B copied over it in the same second, the same size: by its time, nothing changed.
    const { atime, mtime } = statSync(file);
    writeFileSync(file, '// build B');
    utimesSync(file, atime, mtime);
    assert.equal(new Date(statSync(file).mtimeMs).toUTCString(), modified);
    const b = await revalidate();
    assert.equal(b.status, 200, 'the new build is sent');
    assert.equal(await b.text(), '// build B');
  } finally { server.close(); }
});

test('a link as long as a browser sends is served (the app, not the server, says what is wrong with it)', async () => {
  const root = mkdtempSync(join(tmpdir(), 'lwkd-serve-'));
  writeFileSync(join(root, 'index.html'), '<p>hello</p>');
  const server = await serve(root);
  try {
    const long = `?k=${'9'.repeat(20_000)}&${Array.from({ length: 2000 }, (_, i) => `x${i}=1`).join('&')}`;
    const res = await fetch(`http://127.0.0.1:${server.address().port}/${long}`);
    assert.equal(res.status, 200);
  } finally { server.close(); }
});
