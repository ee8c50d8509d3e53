// Report files in the encodings government PCs write: UTF-8 with and without BOM, Notepad's
// "Unicode" (UTF-16 LE with BOM), UTF-16 BE, GBK and Big5 (which decodes as GBK without an error,
// into nonsense), and texts in traditional characters.
import fc from 'fast-check';
import { importReport } from '../../src/ledger/import';
import { decodeReportBytes } from '../../src/ledger/import/decode';
import { isTraditional, toSimplified } from '../../src/ledger/import/traditional';
import { isLedgerError } from '../../src/ledger/errors';

const TEXT = '中共某某局党组关于巡察整改情况的通报\n2022年3月1日至4月30日，市委第一巡察组对某某局党组进行了巡察。\n（1）制度执行不严格的问题。\n整改情况：已完成整改。\n';
const TRADITIONAL = '中共某某局黨組關於巡察整改情況的通報\n2022年3月1日至4月30日，市委第一巡察組對某某局黨組進行了巡察。\n（1）制度執行不嚴格的問題。\n整改情況：已完成整改。\n';

const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
const withBom = (bom: number[], body: Uint8Array) => new Uint8Array([...bom, ...body]);

// Big5 and GBK bytes of the texts above, as iconv writes them (first bytes are enough to tell).
const BIG5_HEAD = new Uint8Array([0xa4, 0xa4, 0xa6, 0x40, 0xac, 0x59, 0xac, 0x59, 0xa7, 0xbd, 0xc4, 0xd2, 0xb2, 0xd5, 0xc3, 0xf6, 0xa9, 0xf3, 0xa8, 0xb5, 0xb9, 0xee, 0xbe, 0xe3, 0xa7, 0xef, 0xb1, 0xa1, 0xaa, 0x70, 0xaa, 0xba, 0xb3, 0x71, 0xb3, 0xf8]);

/** GBK bytes without a GBK encoder in Node: decode every two-byte code and invert the table for the characters used. */
function gbkBytes(text: string): number[] {
    const table = new Map<string, number[]>();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (!table.has(ch)) table.set(ch, [lead, trail]);
      }
    }
    return [...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f])));
}

describe('decodeReportBytes', () => {
  it.each([
    ['UTF-8', new Uint8Array(Buffer.from(TEXT, 'utf8')), 'UTF-8'],
    ['UTF-8 with BOM', withBom([0xef, 0xbb, 0xbf], new Uint8Array(Buffer.from(TEXT, 'utf8'))), 'UTF-8'],
    ['UTF-16 LE with BOM (Notepad "Unicode")', withBom([0xff, 0xfe], utf16le(TEXT)), 'UTF-16 LE'],
    ['UTF-16 BE with BOM', withBom([0xfe, 0xff], new Uint8Array(Buffer.from(TEXT, 'utf16le').swap16())), 'UTF-16 BE'],
    ['UTF-16 LE without BOM', utf16le(`report\r\n${TEXT}`), 'UTF-16 LE'],
    ['GBK', new Uint8Array(gbkBytes(TEXT)), 'GBK（GB18030）'],
  ])('%s', (_name, bytes, encoding) => {
    const decoded = decodeReportBytes(bytes);
    expect(decoded.ok && decoded.encoding).toBe(encoding);
    expect(decoded.ok && decoded.text.replace(/^report\r\n/, '')).toBe(TEXT);
  });

  it('Big5 is read as Big5, not as GBK nonsense', () => {
    const decoded = decodeReportBytes(BIG5_HEAD);
    expect(decoded.ok && decoded.encoding).toBe('Big5');
    expect(decoded.ok && decoded.text).toBe('中共某某局黨組關於巡察整改情況的通報');
  });

  it('a binary file is not text; bytes no encoding reads name the encodings tried', () => {
    expect(decodeReportBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]))).toEqual({ ok: false, reason: 'binary', tried: [] });
    const bad = decodeReportBytes(new Uint8Array([0xff, 0xff, 0xff, 0x81]));
    expect(bad).toEqual({ ok: false, reason: 'unknownEncoding', tried: ['UTF-8', 'GBK（GB18030）', 'Big5'] });
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const decoded = decodeReportBytes(bytes);
      expect(typeof decoded.ok).toBe('boolean');
    }), { numRuns: 300 });
  });
});

describe('traditional characters', () => {
  it('a traditional report is read as simplified, and says so', () => {
    expect(isTraditional(TRADITIONAL)).toBe(true);
    expect(isTraditional(TEXT)).toBe(false);
    expect(toSimplified(TRADITIONAL)).toBe(TEXT);
    const result = importReport(TRADITIONAL);
    if (isLedgerError(result)) throw new Error(result.message);
    expect(result.round.inspector).toBe('市委第一巡察组');
    expect(result.problems.map((p) => [p.finding, p.status])).toEqual([['制度执行不严格的问题。', '已完成']]);
    expect(result.warnings[0].code).toBe('traditional');
  });
});

