// Zipping a package back after an edit so that every part the edit did not touch keeps its bytes
// in the zip too: its compressed data is copied from the original file as it was, only the parts
// the edit rewrote are compressed again. Besides keeping unchanged parts byte-identical inside the
// archive, a save of a large ledger then compresses one or two sheets instead of the whole
// workbook — and parts the reader never inflated (images, a macro project) are carried over as they
// are. Falls back to zipping every part afresh when the original is not a plain zip this code can
// walk (Zip64, encrypted entries); the caller then inflates every part. Pure: bytes in, bytes out.
import { deflateSync, strFromU8, strToU8 } from 'fflate';
import { isSafeEntryName, zipXlsx, type XlsxParts } from '../xlsx/package';

type Entry = { name: string; method: number; flags: number; time: number; date: number; crc: number; size: number; usize: number; data: Uint8Array };

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** The entries of a zip with their compressed data, or null when it is not one this code can walk. */
export function rawEntries(zip: Uint8Array): Map<string, Entry> | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) return null; // Zip64
  const entries = new Map<string, Entry>();
  for (let k = 0; k < count; k++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const time = view.getUint16(at + 12, true);
    const date = view.getUint16(at + 14, true);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    const usize = view.getUint32(at + 24, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    let name: string;
    try {
      // Bit 11 marks UTF-8; without it the name is taken byte for byte, as the package reader does.
      name = strFromU8(zip.subarray(at + 46, at + 46 + nameLen), !(flags & 0x800));
    } catch {
      return null;
    }
    at += 46 + nameLen + extraLen + commentLen;
    if (size === 0xffffffff || local + 30 > zip.length || view.getUint32(local, true) !== 0x04034b50) return null;
    if (flags & 1) return null; // encrypted entry
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + size > zip.length) return null;
    // The first of two entries with one name is the part, as for the package reader.
    if (!entries.has(name)) entries.set(name, { name, method, flags, time, date, crc, size, usize, data: zip.subarray(start, start + size) });
  }
  return entries;
}

/** The DOS time and date Office stamps parts with (1980-01-01 00:00), for the parts written anew. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * The package as a zip: parts in `changed` (and parts the original lacks) compressed anew, every
 * other entry of `original` copied as it was compressed there — including those `parts` does not
 * hold because they were never inflated — but for the parts in `removed` (a chart a refresh no
 * longer draws). Order: the original's, new parts after. Entry names the reader refuses (`..`,
 * absolute paths) are not carried over.
 */
export function zipUpdated(original: Uint8Array, parts: XlsxParts, changed: ReadonlySet<string>, removed: ReadonlySet<string> = new Set()): Uint8Array {
  const raw = rawEntries(original);
  if (!raw) return zipXlsx(parts);
  const names = [...[...raw.keys()].filter((n) => isSafeEntryName(n) && !removed.has(n)), ...Object.keys(parts).filter((n) => !raw.has(n))];
  const entries: Entry[] = names.map((name) => {
    const kept = raw.get(name);
    if (kept && !changed.has(name)) return { ...kept, flags: kept.flags & ~0x8 };
    const bytes = parts[name];
    if (!bytes) throw new Error(`part ${name} was changed but not read`);
    const data = deflateSync(bytes, { level: 6 });
    return { name, method: 8, flags: 0, time: 0, date: DOS_DATE, crc: crc32(bytes), size: data.length, usize: bytes.length, data };
  });
  const encoded = entries.map((e) => strToU8(e.name));
  let total = 22;
  entries.forEach((e, i) => (total += 30 + encoded[i].length + e.size + 46 + encoded[i].length));
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  const utf8 = (i: number) => (encoded[i].length !== entries[i].name.length ? 0x800 : 0);
  entries.forEach((e, i) => {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, e.flags | utf8(i), true);
    view.setUint16(at + 8, e.method, true);
    view.setUint16(at + 10, e.time, true);
    view.setUint16(at + 12, e.date, true);
    view.setUint32(at + 14, e.crc, true);
    view.setUint32(at + 18, e.size, true);
    view.setUint32(at + 22, e.usize, true);
    view.setUint16(at + 26, encoded[i].length, true);
    view.setUint16(at + 28, 0, true);
    out.set(encoded[i], at + 30);
    out.set(e.data, at + 30 + encoded[i].length);
    at += 30 + encoded[i].length + e.size;
  });
  const cd = at;
  entries.forEach((e, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, e.flags | utf8(i), true);
    view.setUint16(at + 10, e.method, true);
    view.setUint16(at + 12, e.time, true);
    view.setUint16(at + 14, e.date, true);
    view.setUint32(at + 16, e.crc, true);
    view.setUint32(at + 20, e.size, true);
    view.setUint32(at + 24, e.usize, true);
    view.setUint16(at + 28, encoded[i].length, true);
    view.setUint32(at + 42, offsets[i], true);
    out.set(encoded[i], at + 46);
    at += 46 + encoded[i].length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - cd, true);
  view.setUint32(at + 16, cd, true);
  return out;
}
