// Run with: node --test electron/packaging/icons/
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { crc32, drawIcon, encodePng } from './make-icon.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** The chunks of a PNG file, each CRC checked. */
function readPng(file) {
  assert.deepEqual([...file.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks = [];
  let at = 8;
  while (at < file.length) {
    const length = file.readUInt32BE(at);
    const type = file.toString('ascii', at + 4, at + 8);
    const data = file.subarray(at + 8, at + 8 + length);
    assert.equal(
      file.readUInt32BE(at + 8 + length),
      crc32(file.subarray(at + 4, at + 8 + length)),
      `${type} CRC`,
    );
    chunks.push({ type, data });
    at += 12 + length;
  }
  return chunks;
}

test('crc32 is the PNG/zlib CRC-32', () => {
  assert.equal(crc32(Buffer.from('IEND')), 0xae426082);
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
});

test('encodePng writes IHDR (RGBA, 8 bit), IDAT with filtered rows, IEND', () => {
  const size = 3;
  const rgba = Buffer.from(Array.from({ length: size * size * 4 }, (_, i) => (i * 7) % 256));
  const chunks = readPng(encodePng(rgba, size));
  assert.deepEqual(
    chunks.map((c) => c.type),
    ['IHDR', 'IDAT', 'IEND'],
  );
  const ihdr = chunks[0].data;
  assert.equal(ihdr.readUInt32BE(0), size);
  assert.equal(ihdr.readUInt32BE(4), size);
  assert.deepEqual([...ihdr.subarray(8)], [8, 6, 0, 0, 0]);
  const raw = inflateSync(chunks[1].data);
  for (let y = 0; y < size; y += 1) {
    const row = raw.subarray(y * (size * 4 + 1), (y + 1) * (size * 4 + 1));
    assert.equal(row[0], 0);
    assert.deepEqual(row.subarray(1), rgba.subarray(y * size * 4, (y + 1) * size * 4));
  }
});

test('electron/packaging/resources/icon.png is what the script draws at 512×512: transparent corners, opaque tile', () => {
  const committed = readFileSync(join(here, '..', 'resources', 'icon.png'));
  const chunks = readPng(committed);
  assert.equal(chunks[0].data.readUInt32BE(0), 512);
  const pixels = drawIcon(512);
  assert.ok(committed.equals(encodePng(pixels, 512)), 'run: node electron/packaging/icons/make-icon.mjs');
  const alpha = (x, y) => pixels[(y * 512 + x) * 4 + 3];
  assert.equal(alpha(0, 0), 0);
  assert.equal(alpha(511, 511), 0);
  assert.equal(alpha(256, 256), 255);
});
