// The committed icons are real PNGs of the sizes the manifest declares.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { readPngSize } from '../../scripts/lib/png';

const ASSETS = join(__dirname, '..', '..', 'assets');

/** Decodes a filter-0 RGBA PNG as scripts/make-icons.mjs writes it: enough to look at its pixels. */
function pixels(bytes: Buffer, size: number): Buffer {
  let offset = 8;
  const idat: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) rows.copy(rgba, y * size * 4, y * (size * 4 + 1) + 1, (y + 1) * (size * 4 + 1));
  return rgba;
}

describe.each([16, 32, 64, 80, 128])('assets/icon-%i.png', (size) => {
  const bytes = readFileSync(join(ASSETS, `icon-${size}.png`));

  it('is a PNG of that size', () => {
    expect(readPngSize(bytes)).toEqual({ width: size, height: size });
  });

  it('is red on white: mostly white, with a solid share of 党政 red #C00000', () => {
    const rgba = pixels(bytes, size);
    let white = 0;
    let red = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      const [r, g, b] = [rgba[i], rgba[i + 1], rgba[i + 2]];
      if (r > 245 && g > 245 && b > 245) white++;
      if (r >= 0xb0 && g < 0x30 && b < 0x30) red++;
    }
    const n = size * size;
    expect(white / n).toBeGreaterThan(0.4);
    expect(red / n).toBeGreaterThan(0.1);
  });
});

describe('readPngSize', () => {
  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['a GIF', Buffer.from('GIF89a\x10\x00\x10\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00')],
    ['a PNG cut short', readFileSync(join(ASSETS, 'icon-16.png')).subarray(0, 20)],
  ])('refuses %s', (_what, bytes) => {
    expect(readPngSize(bytes)).toBeNull();
  });
});
