// The bounded package reader against the generated hostile corpus: bombs, lying directories,
// entry names that climb out, garbage bytes and damaged packages.
import fc from 'fast-check';
import { inflateSync, strFromU8 } from 'fflate';
import { bombDeflate, minimalWorkbookEntries, rawZip } from '../../../test/support/hostile';
import { isLedgerError } from '../../ledger/errors';
import { openXlsx } from './open';
import { NotXlsxError, unzipXlsx, xmlPartsOnly, ZIP_LIMITS, ZipLimitError } from './package';
import { readLedgerFile } from './readLedger';
import { isSafeEntryName } from './zip';

const MB = 1024 * 1024;

describe('the generated bomb', () => {
  it('is a valid deflate stream of the size asked for', () => {
    const out = inflateSync(bombDeflate(100_000, 0x41));
    expect(out.length).toBe(100_000);
    expect(out.every((b) => b === 0x41)).toBe(true);
    expect(bombDeflate(100_000).length).toBeLessThan(1000);
  });
});

describe('unzipXlsx is bounded', () => {
  it('refuses a sheet that inflates past the per-part limit, counting as it inflates (the directory claims 1 KB)', () => {
    const bytes = rawZip([...minimalWorkbookEntries().slice(0, 4), { name: 'xl/worksheets/sheet1.xml', deflated: bombDeflate(ZIP_LIMITS.maxEntryBytes + 2 * MB), claimedSize: 1024 }]);
    expect(bytes.length).toBeLessThan(ZIP_LIMITS.maxEntryBytes / 100);
    const error = (() => {
      try {
        unzipXlsx(bytes);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ZipLimitError);
    expect(error).toMatchObject({ limit: 'entry', entry: 'xl/worksheets/sheet1.xml' });
    const message = openXlsx(bytes, '甲单位.xlsx');
    expect(isLedgerError(message) && message.message).toBe(
      '“甲单位.xlsx”中的“xl/worksheets/sheet1.xml”解压后超过128 MB，为防止耗尽内存未读取。这个文件可能已损坏或是恶意构造的，请确认来源',
    );
  });

  it('refuses parts that together pass the total limit, each under its own', () => {
    const limits = { maxEntries: 100, maxEntryBytes: 2 * MB, maxTotalBytes: 5 * MB };
    const media = [1, 2, 3, 4].map((i) => ({ name: `xl/media/image${i}.png`, deflated: bombDeflate(1.5 * MB) }));
    const bytes = rawZip([...minimalWorkbookEntries(), ...media]);
    expect(() => unzipXlsx(bytes, { limits })).toThrow(expect.objectContaining({ limit: 'total' }));
    const refused = openXlsx(bytes, '乙.xlsx', { limits });
    expect(isLedgerError(refused) && refused.code).toBe('xlsxTooLarge');
  });

  it('never inflates the parts a reader does not need: unreferenced media bombs cost nothing', () => {
    const media = [1, 2, 3, 4].map((i) => ({ name: `xl/media/image${i}.png`, deflated: bombDeflate(ZIP_LIMITS.maxEntryBytes + MB) }));
    const parts = unzipXlsx(rawZip([...minimalWorkbookEntries(), ...media]), { only: xmlPartsOnly });
    expect(Object.keys(parts).sort()).toEqual(minimalWorkbookEntries().map((e) => e.name).sort());
  });

  it('refuses a directory listing more entries than the limit before inflating any', () => {
    const limits = { ...ZIP_LIMITS, maxEntries: 10 };
    const many = Array.from({ length: 11 }, (_, i) => ({ name: `xl/x${i}.xml`, data: 'x' }));
    expect(() => unzipXlsx(rawZip(many), { limits })).toThrow(expect.objectContaining({ limit: 'entries', bytes: 11 }));
  });

  it('leaves out entry names that climb out, are absolute or use backslashes, and says which', () => {
    const unsafe = ['../evil.xml', 'xl/../../evil.xml', '/etc/evil.xml', 'xl\\evil.xml', 'C:/evil.xml', '__proto__', 'xl/./a.xml', 'xl//a.xml'];
    const seen: string[] = [];
    const parts = unzipXlsx(rawZip([...minimalWorkbookEntries(), ...unsafe.map((name) => ({ name, data: '<x/>' }))]), { onUnsafeName: (n) => seen.push(n) });
    expect(seen).toEqual(unsafe);
    expect(Object.keys(parts).sort()).toEqual(minimalWorkbookEntries().map((e) => e.name).sort());
    expect(Object.getPrototypeOf(parts)).toBe(Object.prototype);
  });

  it('keeps the first of two entries with the same name', () => {
    const parts = unzipXlsx(rawZip([...minimalWorkbookEntries(), { name: 'xl/workbook.xml', data: '<evil/>' }]));
    expect(strFromU8(parts['xl/workbook.xml'])).toContain('<sheets>');
  });

  it.each(['xl/workbook.xml', 'xl/worksheets/sheet1.xml', '[Content_Types].xml', 'xl/media/a b.png', 'customXml/item1.xml', 'xl/'])('accepts the part name %s', (name) => {
    expect(isSafeEntryName(name)).toBe(true);
  });
});

describe('garbage and damage (properties)', () => {
  const good = rawZip(minimalWorkbookEntries());

  it('unzipXlsx on any bytes returns parts or throws NotXlsxError / ZipLimitError, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        try {
          unzipXlsx(bytes);
        } catch (e) {
          expect(e instanceof NotXlsxError || e instanceof ZipLimitError).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a package with bytes overwritten or cut off is read or refused with a message, never thrown', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.nat({ max: good.length }),
        (edits, cut) => {
          const bytes = good.slice(0, Math.max(cut, good.length - 200));
          for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
          const opened = openXlsx(bytes, 'x.xlsx');
          if (isLedgerError(opened)) expect(['notXlsx', 'damagedXlsx', 'xlsxTooLarge', 'xlsxPartTooLarge', 'xlsxTooManyParts']).toContain(opened.code);
          const read = readLedgerFile(bytes, 'x.xlsx');
          expect(isLedgerError(read) || typeof read === 'object').toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
