// The corpus of hostile inputs, generated on demand and never committed: zip archives written byte
// by byte (so they can lie in their directory, name entries `../x` or hold a bomb), deflate streams
// that expand ~160× without ever being held inflated here, and XML built to hurt a scanner.
import { deflateSync, strToU8 } from 'fflate';

/** Writes bits least significant first, as deflate packs them. */
class BitWriter {
  private bytes: Uint8Array;
  private at = 0;
  private bit = 0;
  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }
  /** A Huffman code: deflate sends its bits most significant first. */
  code(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.put((value >> i) & 1);
  }
  bits(value: number, length: number): void {
    for (let i = 0; i < length; i++) this.put((value >> i) & 1);
  }
  private put(b: number): void {
    if (b) this.bytes[this.at] |= 1 << this.bit;
    if (++this.bit === 8) {
      this.bit = 0;
      this.at++;
    }
  }
  done(): Uint8Array {
    return this.bytes.slice(0, this.at + (this.bit ? 1 : 0));
  }
}

/**
 * A raw deflate stream that inflates to `size` bytes of `fill` (an ASCII byte) while being ~1/160
 * of that: one fixed-Huffman block, a literal and then back-references of 258 bytes at distance 1.
 */
export function bombDeflate(size: number, fill = 0x20): Uint8Array {
  const pairs = Math.floor((size - 1) / 258);
  const rest = size - 1 - pairs * 258;
  const w = new BitWriter(Math.ceil(((pairs + rest + 3) * 13) / 8) + 16);
  w.bits(1, 1); // final block
  w.bits(1, 2); // fixed Huffman codes
  const literal = (v: number) => (v < 144 ? w.code(0x30 + v, 8) : w.code(0x190 + v - 144, 9));
  literal(fill);
  for (let i = 0; i < pairs; i++) {
    w.code(0xc5, 8); // length code 285 = 258 bytes
    w.code(0, 5); // distance code 0 = 1 byte back
  }
  for (let i = 0; i < rest; i++) literal(fill);
  w.code(0, 7); // end of block
  return w.done();
}

export type RawEntry = {
  name: string;
  /** The entry's bytes, deflated here; or `deflated` when the stream is made elsewhere (a bomb). */
  data?: Uint8Array | string;
  deflated?: Uint8Array;
  /** The uncompressed size written in the headers (a lie, when set). */
  claimedSize?: number;
};

const le16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

/** A zip archive written byte by byte: names as given, sizes as claimed, CRCs left zero (readers of strangers' files must not need them). */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: number[][] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = typeof e.data === 'string' ? strToU8(e.data) : (e.data ?? new Uint8Array(0));
    const body = e.deflated ?? deflateSync(raw);
    const size = e.claimedSize ?? raw.length;
    const name = strToU8(e.name);
    const common = [...le16(20), ...le16(0x800), ...le16(8), ...le16(0), ...le16(0x21), ...le32(0), ...le32(body.length), ...le32(size), ...le16(name.length), ...le16(0)];
    const local = new Uint8Array([...le32(0x04034b50), ...common]);
    chunks.push(local, name, body);
    central.push([...le32(0x02014b50), ...le16(20), ...common, ...le16(0), ...le16(0), ...le16(0), ...le32(0), ...le32(offset), ...name]);
    offset += local.length + name.length + body.length;
  }
  const directory = new Uint8Array(central.flat());
  const end = new Uint8Array([...le32(0x06054b50), ...le16(0), ...le16(0), ...le16(entries.length), ...le16(entries.length), ...le32(directory.length), ...le32(offset), ...le16(0)]);
  chunks.push(directory, end);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The smallest parts that make a package a workbook with one sheet, for entries to be added beside. */
export function minimalWorkbookEntries(sheetXml = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>'): RawEntry[] {
  return [
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>' },
    { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' },
    { name: 'xl/workbook.xml', data: '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>' },
    { name: 'xl/_rels/workbook.xml.rels', data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
  ];
}
