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

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const LINK_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml';

const LINKED_CELLS =
  '<row r="1"><c r="A1"><f>[2]Sheet1!A1</f><v>42</v></c>' +
  '<c r="B1" t="str"><f>\'[2]Other Sheet\'!B2&amp;" yuan"</f><v>7 yuan</v></c>' +
  '<c r="C1"><f>LinkedTotal*2</f><v>84</v></c>' +
  '<c r="D1"><f>SUM(1,2)</f><v>3</v></c>' +
  '<c r="E1"><f t="shared" ref="E1:E2" si="0">[1]!\'!A0\'</f><v>0</v></c></row>' +
  '<row r="2"><c r="E2"><f t="shared" si="0"/><v>0</v></c><c r="F2" t="s"><v>0</v></c></row>';

/**
 * A workbook carrying external links: a DDE link starting `cmd /c calc`, a link to a workbook on a
 * share, an OLE link to an .exe; cells into them (directly, through the name LinkedTotal, shared),
 * SUM(1,2) in D1 that must stay, and text that merely looks like a reference.
 */
export function linkedWorkbookEntries(): RawEntry[] {
  const [types, rels, workbook, workbookRels, sheet] = minimalWorkbookEntries(`<worksheet ${NS}><sheetData>${LINKED_CELLS}</sheetData></worksheet>`);
  const overrides = [1, 2, 3].map((i) => `<Override PartName="/xl/externalLinks/externalLink${i}.xml" ContentType="${LINK_TYPE}"/>`).join('');
  return [
    { ...types, data: String(types.data).replace('</Types>', `${overrides}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`) },
    rels,
    {
      ...workbook,
      data: String(workbook.data).replace(
        '</sheets>',
        '</sheets><externalReferences><externalReference r:id="rId11"/><externalReference r:id="rId12"/><externalReference r:id="rId13"/></externalReferences>' +
          '<definedNames><definedName name="LinkedTotal">[2]Sheet1!$A$1</definedName><definedName name="Kept">Sheet1!$D$1</definedName></definedNames>',
      ),
    },
    {
      ...workbookRels,
      data: String(workbookRels.data).replace(
        '</Relationships>',
        [1, 2, 3].map((i) => `<Relationship Id="rId1${i}" Type="${REL}/externalLink" Target="externalLinks/externalLink${i}.xml"/>`).join('') +
          `<Relationship Id="rId20" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    sheet,
    { name: 'xl/sharedStrings.xml', data: `<sst ${NS} count="1" uniqueCount="1"><si><t>[1]Sheet1!A1 只是文字</t></si></sst>` },
    { name: 'xl/externalLinks/externalLink1.xml', data: `<externalLink ${NS}><ddeLink ddeService="cmd" ddeTopic="/c calc"><ddeItems><ddeItem name="A0" advise="1"/></ddeItems></ddeLink></externalLink>` },
    {
      name: 'xl/externalLinks/externalLink2.xml',
      data: `<externalLink ${NS}><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/><sheetName val="Other Sheet"/></sheetNames></externalBook></externalLink>`,
    },
    {
      name: 'xl/externalLinks/_rels/externalLink2.xml.rels',
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/externalLinkPath" Target="file:///\\\\share\\secret\\账本.xlsx" TargetMode="External"/></Relationships>`,
    },
    { name: 'xl/externalLinks/externalLink3.xml', data: `<externalLink ${NS}><oleLink r:id="rId1" progId="Package"><oleItems><oleItem name="x"/></oleItems></oleLink></externalLink>` },
    {
      name: 'xl/externalLinks/_rels/externalLink3.xml.rels',
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/oleObject" Target="file:///C:/evil.exe" TargetMode="External"/></Relationships>`,
    },
  ];
}
