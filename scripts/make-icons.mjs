#!/usr/bin/env node
// Draws the add-in's icons (a ledger page with a check mark, 党政 red #C00000 on white) and writes
// assets/icon-{16,32,64,80,128}.png. Pure Node (zlib), no ImageMagick, so anyone can regenerate
// them on an isolated machine: `node scripts/make-icons.mjs`. The PNGs are committed.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZES = [16, 32, 64, 80, 128];
const RED = [0xc0, 0x00, 0x00];
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 8; // 8×8 samples per pixel: smooth edges without a rasteriser library

// Signed distance to a rounded rectangle centred at (cx, cy) with half sizes (hx, hy) and radius r.
function roundedRectDistance(x, y, cx, cy, hx, hy, r) {
  const qx = Math.abs(x - cx) - hx + r;
  const qy = Math.abs(y - cy) - hy + r;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

// Distance from (x, y) to the segment a–b.
function segmentDistance(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function polylineDistance(x, y, points) {
  let best = Infinity;
  for (let i = 1; i < points.length; i++) {
    best = Math.min(best, segmentDistance(x, y, ...points[i - 1], ...points[i]));
  }
  return best;
}

/** The design in unit coordinates (0..1); strokes get thicker at small sizes so they stay visible. */
function shapesFor(size) {
  const px = 1 / size;
  const outline = Math.max(0.06, 1.2 * px);
  const check = Math.max(0.13, 2.2 * px);
  const checkPoints = [
    [0.4, 0.6],
    [0.56, 0.78],
    [0.9, 0.34],
  ];
  const page = { cx: 0.44, cy: 0.5, hx: 0.32, hy: 0.42, r: 0.07 };
  const ledgerLines = size >= 32 ? [0.27, 0.41, 0.55].map((y) => [0.24, y, y === 0.55 ? 0.36 : 0.6, y]) : [0.3].map((y) => [0.24, y, 0.56, y]);
  const lineWidth = Math.max(0.045, 1.0 * px);
  return [
    // The page: a red outline.
    { colour: RED, inside: (x, y) => Math.abs(roundedRectDistance(x, y, page.cx, page.cy, page.hx, page.hy, page.r)) <= outline / 2 },
    // Ledger rows.
    { colour: RED, inside: (x, y) => ledgerLines.some((l) => segmentDistance(x, y, ...l) <= lineWidth / 2) },
    // A white halo keeps the check mark apart from the outline it crosses.
    { colour: WHITE, inside: (x, y) => polylineDistance(x, y, checkPoints) <= check / 2 + Math.max(0.05, 1.2 * px) },
    { colour: RED, inside: (x, y) => polylineDistance(x, y, checkPoints) <= check / 2 },
  ];
}

function render(size) {
  const shapes = shapesFor(size);
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          let colour = WHITE;
          for (const shape of shapes) if (shape.inside(x, y)) colour = shape.colour;
          r += colour[0];
          g += colour[1];
          b += colour[2];
        }
      }
      const n = SAMPLES * SAMPLES;
      const o = (py * size + px) * 4;
      rgba[o] = Math.round(r / n);
      rgba[o + 1] = Math.round(g / n);
      rgba[o + 2] = Math.round(b / n);
      rgba[o + 3] = 0xff;
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A truecolour-with-alpha, 8-bit, non-interlaced PNG. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const rows = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    rows[y * (1 + width * 4)] = 0; // filter: none
    rgba.copy(rows, y * (1 + width * 4) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
mkdirSync(assets, { recursive: true });
for (const size of SIZES) {
  const file = join(assets, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, size, render(size)));
  console.log(`wrote ${file}`);
}
