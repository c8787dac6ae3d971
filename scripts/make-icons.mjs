#!/usr/bin/env node
// Writes the app's icons (public/icons/icon-192.png, icon-512.png) for the web app manifest: a big
// circle (the teacher) passing an arrow to a small one (the student), on the accent blue. Run once;
// the PNGs are committed. Plain Node: the pixels, zlib's deflate and CRC, no image library.
import { crc32, deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = join(import.meta.dirname, '..', 'public', 'icons');

function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x / size, y / size), 1 + x * 4);
    rows.push(row);
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

const BLUE = [0, 114, 178, 255], WHITE = [255, 255, 255, 255], ORANGE = [230, 159, 0, 255];
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
// Maskable: everything that matters sits inside the central 80 %.
function pixel(x, y) {
  if (inCircle(x, y, 0.34, 0.5, 0.17)) return WHITE;
  if (inCircle(x, y, 0.74, 0.5, 0.09)) return ORANGE;
  if (x > 0.52 && x < 0.6 && Math.abs(y - 0.5) < 0.025) return WHITE; // the arrow's shaft
  if (x >= 0.6 && x < 0.65 && Math.abs(y - 0.5) < (0.65 - x) * 1.2) return WHITE; // its head
  return BLUE;
}
for (const size of [192, 512]) writeFileSync(join(OUT, `icon-${size}.png`), png(size, pixel));
console.log(`icons written to ${OUT}`);
