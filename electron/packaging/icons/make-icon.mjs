#!/usr/bin/env node
// Draws the app icon and writes build/icon.png (512×512 RGBA), which electron-builder turns into every
// platform's format (AppImage/deb icon set, the macOS .icns, the Windows .ico).
//
//   node electron/packaging/icons/make-icon.mjs [OUTPUT.png] [SIZE]
//
// The motif: a rounded indigo tile with three lines of "prompt" text and a highlighted completion after
// the caret. Pure Node: shapes are signed-distance functions sampled 4×4 per pixel, the PNG is written by
// hand (zlib for the IDAT stream, our own CRC-32), so the output is byte-for-byte reproducible.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG file (colour type 6, 8 bits, no interlace) from `size`×`size` RGBA pixels, row-major. */
export function encodePng(rgba, size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0; // filter type None
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in a 0..1 coordinate space; negative distance = inside.
const roundedRect = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const bar = (x, y, x0, x1, cy, h) => roundedRect(x, y, (x0 + x1) / 2, cy, (x1 - x0) / 2, h / 2, h / 2);

const TILE = [79, 70, 229]; // indigo
const TILE_DARK = [49, 46, 129];
const TEXT = [224, 231, 255];
const COMPLETION = [251, 191, 36]; // amber: the generated part
const CARET = [255, 255, 255];

/** The layers, back to front: [distance function, colour function]. */
const layers = [
  [
    (x, y) => roundedRect(x, y, 0.5, 0.5, 0.44, 0.44, 0.1),
    (_x, y) => TILE.map((c, i) => Math.round(c + (TILE_DARK[i] - c) * y)),
  ],
  [(x, y) => bar(x, y, 0.2, 0.8, 0.32, 0.075), () => TEXT],
  [(x, y) => bar(x, y, 0.2, 0.66, 0.47, 0.075), () => TEXT],
  [(x, y) => bar(x, y, 0.2, 0.42, 0.62, 0.075), () => TEXT],
  [(x, y) => bar(x, y, 0.5, 0.8, 0.62, 0.075), () => COMPLETION],
  [(x, y) => roundedRect(x, y, 0.46, 0.62, 0.012, 0.07, 0.01), () => CARET],
  [(x, y) => bar(x, y, 0.2, 0.58, 0.77, 0.075), () => COMPLETION],
];

export function drawIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let colour = null;
          for (const [distance, paint] of layers) if (distance(x, y) <= 0) colour = paint(x, y);
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const offset = (py * size + px) * 4;
      if (a > 0) {
        // Straight (non-premultiplied) alpha, as PNG wants.
        pixels[offset] = Math.round(r / a);
        pixels[offset + 1] = Math.round(g / a);
        pixels[offset + 2] = Math.round(b / a);
        pixels[offset + 3] = Math.round((255 * a) / (samples * samples));
      }
    }
  }
  return pixels;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = dirname(fileURLToPath(import.meta.url));
  const output = resolve(process.argv[2] ?? resolve(here, '..', 'resources', 'icon.png'));
  const size = Number(process.argv[3] ?? 512);
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, encodePng(drawIcon(size), size));
  console.log(`wrote ${output} (${size}×${size})`);
}
