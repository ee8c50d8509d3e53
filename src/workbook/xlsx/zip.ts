// Bounded reading of a zip archive from a stranger. The central directory says which entries
// exist and where their data start; the sizes it claims are not trusted: each entry is inflated in
// small slices and its output counted as it grows, so a 1 MB file that claims (or hides) 1 GB of
// XML is refused after at most one slice past the limit, never held in memory. Only the entries
// the caller asks for are inflated. Pure: bytes in, bytes out (fflate's streaming Inflate).
import { Inflate, strFromU8 } from 'fflate';

/** The limits a package is read within; see ZIP_LIMITS for the values and why. */
export type ZipLimits = {
  /** Entries listed in the central directory. */
  readonly maxEntries: number;
  /** Inflated bytes of any one entry. */
  readonly maxEntryBytes: number;
  /** Inflated bytes of all entries read from one archive. */
  readonly maxTotalBytes: number;
};

const MB = 1024 * 1024;

/**
 * - maxTotalBytes 200 MB: a 5,000-measure ledger inflates to about 10 MB, so this is ~20× the
 *   largest real ledger, yet a worst case still fits a 32-bit browser pane with room for the strings
 *   and cell objects made from it (each inflated byte costs a few more while parsed).
 * - maxEntryBytes 128 MB: one part becomes one JS string; V8's limit is ~512 M characters and the
 *   scanners make working copies, so one part stays well below it.
 * - maxEntries 10,000: Excel writes 20–100 parts; 10,000 allows hundreds of sheets with drawings
 *   and comments while bounding the per-entry work of a directory that lists millions.
 */
export const ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxEntryBytes: 128 * MB, maxTotalBytes: 200 * MB };

/** Why an archive was refused: the callers turn it into a Chinese message. */
export class ZipLimitError extends Error {
  constructor(
    readonly limit: 'entries' | 'entry' | 'total',
    readonly entry: string | null,
    /** What was found: entries listed, or bytes inflated when the limit was passed. */
    readonly bytes: number,
    /** The limit that was passed. */
    readonly max: number,
  ) {
    super(`zip ${limit} limit exceeded${entry ? ` at ${entry}` : ''}`);
    this.name = 'ZipLimitError';
  }
}

/** The bytes are not a zip archive, or its directory or data are damaged. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

export type ZipEntry = { name: string; method: number; compressedSize: number; dataStart: number; localHeader: number };

/**
 * An entry name that must never be copied into a package: a path that climbs out (`..`), an
 * absolute path (`/x`, `C:x`), a Windows separator (`\`), a control character, or empty segments.
 * OPC part names are relative, slash-separated and never climb, so no real workbook has one.
 */
export function isSafeEntryName(name: string): boolean {
  // `__proto__` would set the prototype of the parts object instead of adding a part.
  if (name === '' || name === '__proto__' || name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name)) return false;
   
  if (/[\u0000-\u001f\u007f]/.test(name)) return false;
  const segments = name.split('/');
  return segments.every((s, i) => s !== '..' && s !== '.' && (s !== '' || i === segments.length - 1));
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 2 ** 32;

function findEndOfDirectory(b: Uint8Array): number {
  // The end record is 22 bytes plus a comment of at most 65,535.
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (u32(b, i) === 0x06054b50) return i;
  throw new ZipFormatError('no end of central directory');
}

/** The entries the central directory lists (folders included), in directory order. */
export function zipEntries(b: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipEntry[] {
  const eocd = findEndOfDirectory(b);
  let count = u16(b, eocd + 10);
  let offset = u32(b, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    // ZIP64: the locator sits just before the end record and points at the ZIP64 end record.
    const locator = eocd - 20;
    if (locator < 0 || u32(b, locator) !== 0x07064b50) throw new ZipFormatError('no zip64 locator');
    const z = u64(b, locator + 8);
    if (z + 56 > b.length || u32(b, z) !== 0x06064b50) throw new ZipFormatError('no zip64 end record');
    count = u64(b, z + 32);
    offset = u64(b, z + 48);
  }
  if (count > limits.maxEntries) throw new ZipLimitError('entries', null, count, limits.maxEntries);
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new ZipFormatError('damaged central directory');
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    let compressedSize = u32(b, p + 20);
    const nameLength = u16(b, p + 28);
    const extraLength = u16(b, p + 30);
    const commentLength = u16(b, p + 32);
    let localHeader = u32(b, p + 42);
    const nameEnd = p + 46 + nameLength;
    if (nameEnd + extraLength > b.length) throw new ZipFormatError('damaged central directory');
    let name: string;
    try {
      // Bit 11 marks UTF-8; without it the name is taken byte for byte, as fflate does.
      name = strFromU8(b.subarray(p + 46, nameEnd), !(flags & 0x800));
    } catch {
      throw new ZipFormatError('entry name is not UTF-8');
    }
    if (compressedSize === 0xffffffff || localHeader === 0xffffffff) {
      // ZIP64 extra field: the 8-byte values present are those whose 4-byte field is all ones,
      // in the order uncompressed size, compressed size, local header offset.
      for (let e = nameEnd; e + 4 <= nameEnd + extraLength; e += 4 + u16(b, e + 2)) {
        if (u16(b, e) !== 1) continue;
        let q = e + 4;
        if (u32(b, p + 24) === 0xffffffff) q += 8;
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(b, q);
          q += 8;
        }
        if (localHeader === 0xffffffff) localHeader = u64(b, q);
        break;
      }
    }
    if (localHeader + 30 > b.length || u32(b, localHeader) !== 0x04034b50) throw new ZipFormatError(`no local header for ${name}`);
    const dataStart = localHeader + 30 + u16(b, localHeader + 26) + u16(b, localHeader + 28);
    // The data cannot run past the end of the file, whatever the directory claims.
    entries.push({ name, method, compressedSize: Math.max(0, Math.min(compressedSize, b.length - dataStart)), dataStart, localHeader });
    p = nameEnd + extraLength + commentLength;
  }
  return entries;
}

/** Counts inflated bytes across the entries read from one archive. */
export type InflateBudget = { used: number; readonly limits: ZipLimits };

export const newBudget = (limits: ZipLimits = ZIP_LIMITS): InflateBudget => ({ used: 0, limits });

/** Compressed input handed to the inflater at a time: deflate expands at most ~1,032×, so one slice yields ≤ 33 MB past a limit before it is seen; smaller slices cost more per byte in fflate's stream. */
const SLICE = 32 * 1024;

/** The inflated bytes of one entry, counted against the entry's and the archive's limits. */
export function inflateEntry(b: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  const data = b.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  const count = (n: number) => {
    budget.used += n;
    if (budget.used > budget.limits.maxTotalBytes) throw new ZipLimitError('total', entry.name, budget.used, budget.limits.maxTotalBytes);
  };
  if (entry.method === 0) {
    if (data.length > budget.limits.maxEntryBytes) throw new ZipLimitError('entry', entry.name, data.length, budget.limits.maxEntryBytes);
    count(data.length);
    return data.slice();
  }
  if (entry.method !== 8) throw new ZipFormatError(`unsupported compression ${entry.method} for ${entry.name}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > budget.limits.maxEntryBytes) throw new ZipLimitError('entry', entry.name, size, budget.limits.maxEntryBytes);
    count(chunk.length);
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < data.length && !ended; i += SLICE) inflater.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof ZipLimitError) throw e;
    throw new ZipFormatError(`damaged data in ${entry.name}`);
  }
  return joinChunks(chunks, size);
}

/** The inflated chunks of one entry as one array of `size` bytes (the chunk itself when there is one). */
export function joinChunks(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
