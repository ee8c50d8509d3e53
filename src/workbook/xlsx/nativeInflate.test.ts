// The page's unzip (the platform's zlib through DecompressionStream, Node's here) against the
// synchronous reader: the same parts, the same limits counted as it inflates, the same answers for
// damage — and the same when the platform has no such stream.
import fc from 'fast-check';
import { bombDeflate, minimalWorkbookEntries, rawZip } from '../../../test/support/hostile';
import { isLedgerError } from '../../ledger/errors';
import { sampleLedger } from '../sample';
import { writeLedgerXlsx } from '../xlsxWriter';
import { openXlsx, openXlsxAsync } from './open';
import { NotXlsxError, unzipXlsx, unzipXlsxAsync, xmlPartsOnly, ZIP_LIMITS, ZipLimitError } from './package';

const MB = 1024 * 1024;

const rejection = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe('unzipXlsxAsync', () => {
  test('platform zlib present', () => expect(typeof DecompressionStream).toBe('function'));

  test('reads the same parts as unzipXlsx, with the platform’s zlib and without it', async () => {
    const bytes = await writeLedgerXlsx(sampleLedger('2026-03-15'));
    const sync = unzipXlsx(bytes, { only: xmlPartsOnly });
    expect(await unzipXlsxAsync(bytes, { only: xmlPartsOnly })).toEqual(sync);
    const saved = globalThis.DecompressionStream;
    try {
      (globalThis as { DecompressionStream?: unknown }).DecompressionStream = undefined;
      expect(await unzipXlsxAsync(bytes, { only: xmlPartsOnly })).toEqual(sync);
    } finally {
      globalThis.DecompressionStream = saved;
    }
  });

  test('refuses a part that inflates past its limit, counting as it inflates (the directory claims 1 KB)', async () => {
    const bytes = rawZip([...minimalWorkbookEntries().slice(0, 4), { name: 'xl/worksheets/sheet1.xml', deflated: bombDeflate(ZIP_LIMITS.maxEntryBytes + 2 * MB), claimedSize: 1024 }]);
    expect(await rejection(unzipXlsxAsync(bytes))).toMatchObject({ limit: 'entry', entry: 'xl/worksheets/sheet1.xml' });
    const refused = await openXlsxAsync(bytes, '甲单位.xlsx');
    expect(isLedgerError(refused) && refused.code).toBe('xlsxPartTooLarge');
  });

  test('refuses parts that together pass the total limit, each under its own', async () => {
    const limits = { maxEntries: 100, maxEntryBytes: 2 * MB, maxTotalBytes: 5 * MB };
    const media = [1, 2, 3, 4].map((i) => ({ name: `xl/media/image${i}.xml`, deflated: bombDeflate(1.5 * MB) }));
    const error = await rejection(unzipXlsxAsync(rawZip([...minimalWorkbookEntries(), ...media]), { limits }));
    expect(error).toBeInstanceOf(ZipLimitError);
    expect(error).toMatchObject({ limit: 'total' });
  });

  test('damaged packages: the same answer as the synchronous reader', async () => {
    const good = rawZip(minimalWorkbookEntries());
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.nat({ max: good.length }), async (edits, cut) => {
        const bytes = good.slice(0, Math.max(cut, good.length - 200));
        for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
        const sync = openXlsx(bytes, 'x.xlsx');
        const async = await openXlsxAsync(bytes, 'x.xlsx');
        expect(isLedgerError(async) ? async.code : 'parts').toBe(isLedgerError(sync) ? sync.code : 'parts');
        if (!isLedgerError(sync)) expect(async).toEqual(sync);
      }),
      { numRuns: 200 },
    );
    expect(await rejection(unzipXlsxAsync(new Uint8Array([1, 2, 3])))).toBeInstanceOf(NotXlsxError);
  });
});
