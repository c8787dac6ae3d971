// Test fixtures written in Node: small PNGs and a stored .zip, so the browser tests pick real files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';

function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/// An 8-bit grey PNG of `w × h` pixels, `value(x, y)` each.
export function png(w, h, value) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 0;
  const raw = Buffer.alloc(h * (w + 1));
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw[y * (w + 1) + 1 + x] = value(x, y);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/// A small PNG whose header claims `w × h` pixels (its IHDR and CRC rewritten): a decompression bomb
/// for an image decoder.
export function pngClaiming(w, h) {
  const bytes = png(4, 4, () => 0);
  bytes.writeUInt32BE(w, 16); bytes.writeUInt32BE(h, 20);
  bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)), 29);
  return bytes;
}

/// A .zip (stored, no compression) of `files`: [[path, bytes], …].
export function zip(files) {
  const locals = []; const centrals = []; let offset = 0;
  for (const [name, data] of files) {
    const n = Buffer.from(name); const crc = crc32(data);
    const local = Buffer.alloc(30); local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46); central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6); central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24); central.writeUInt16LE(n.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, n, data); centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22); end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10); end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/// `zipBytes` (a .zip from `zip`) with one more entry, `name`: `size` zero bytes, deflated (a few kB),
/// whose headers claim only `claimed` bytes — a zip bomb that lies about its size.
export function withLyingEntry(zipBytes, name, size, claimed) {
  const endAt = zipBytes.length - 22;
  const cdSize = zipBytes.readUInt32LE(endAt + 12); const cdAt = zipBytes.readUInt32LE(endAt + 16);
  const count = zipBytes.readUInt16LE(endAt + 8);
  const locals = zipBytes.subarray(0, cdAt); const cd = zipBytes.subarray(cdAt, cdAt + cdSize);
  const data = deflateRawSync(Buffer.alloc(size)); const n = Buffer.from(name);
  const local = Buffer.alloc(30); local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(claimed, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46); central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10); central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(claimed, 24); central.writeUInt16LE(n.length, 28); central.writeUInt32LE(locals.length, 42);
  const newCd = Buffer.concat([cd, central, n]);
  const end = Buffer.alloc(22); end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(count + 1, 8);
  end.writeUInt16LE(count + 1, 10); end.writeUInt32LE(newCd.length, 12);
  end.writeUInt32LE(locals.length + 30 + n.length + data.length, 16);
  return Buffer.concat([locals, local, n, data, newCd, end]);
}

/// Writes `files` under `root` and returns `root`.
export function writeTree(root, files) {
  for (const [rel, data] of files) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), data);
  }
  return root;
}

/// A bright block whose place depends on the class: classes a student can tell apart.
export function shapeImages(classes, perClass, size = 40) {
  const files = [];
  classes.forEach((c, k) => {
    for (let i = 0; i < perClass; i++) {
      const x0 = (k * 13 + i) % (size / 2); const y0 = (k * 7) % (size / 2);
      files.push([`${c}/${String(i).padStart(2, '0')}.png`,
        png(size + i, size, (x, y) => (x >= x0 && x < x0 + size / 2 && y >= y0 && y < y0 + size / 2 ? 255 : 0))]);
    }
  });
  return files;
}
