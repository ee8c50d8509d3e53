// Inflating zip entries with the platform's own zlib — DecompressionStream('deflate-raw'), in
// Chromium, Firefox, Safari 16.4+ and Node 18+ — for the page, where opening a 5,000-measure ledger
// inflates ~14 MB and fflate's JavaScript inflater, still cold at that moment, took several
// hundred ms (zlib: a third of that). Bounded as ./zip is: output is counted chunk by chunk against the entry's and the
// archive's limits and the stream is cancelled at the first chunk past one. Where the platform has
// no such stream, or refuses the data, the entry goes through ./zip's inflater, which decides as before.
import { inflateEntry, joinChunks, ZipLimitError, type InflateBudget, type ZipEntry } from './zip';

function nativeStream(): DecompressionStream | null {
  if (typeof DecompressionStream !== 'function') return null;
  try {
    return new DecompressionStream('deflate-raw');
  } catch {
    return null;
  }
}

/** The inflated bytes of one entry, by the platform where it can, counted against the limits. */
export async function inflateEntryNative(b: Uint8Array, entry: ZipEntry, budget: InflateBudget): Promise<Uint8Array> {
  const stream = entry.method === 8 && entry.compressedSize > 0 ? nativeStream() : null;
  if (!stream) return inflateEntry(b, entry, budget);
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Errors surface on the reading side; these promises only must not go unhandled.
  writer.write(b.subarray(entry.dataStart, entry.dataStart + entry.compressedSize) as BufferSource).catch(() => undefined);
  writer.close().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      budget.used += value.length;
      if (size > budget.limits.maxEntryBytes) throw new ZipLimitError('entry', entry.name, size, budget.limits.maxEntryBytes);
      if (budget.used > budget.limits.maxTotalBytes) throw new ZipLimitError('total', entry.name, budget.used, budget.limits.maxTotalBytes);
      chunks.push(value);
    }
  } catch (e) {
    reader.cancel().catch(() => undefined);
    if (e instanceof ZipLimitError) throw e;
    // Damaged data, or bytes after the end of the stream: the JavaScript inflater decides, as before.
    budget.used -= size;
    return inflateEntry(b, entry, budget);
  }
  return joinChunks(chunks, size);
}
