// ExcelJS, which the tests use to look at written files, cannot load a table part with a
// <calculatedColumnFormula> (its tableColumn parser takes the child's end tag for its own and the
// load throws), and every ledger we write carries one per formula column (src/workbook/xlsx/
// columnFormulas.ts). So the tests hand ExcelJS the file without them; what they check is the rest.
// Our own readers never need this: test/workbook/columnFormulas.test.ts reads the unstripped file.
import type ExcelJS from 'exceljs';
import { partText, setPartText, unzipXlsx, zipXlsx } from '../../src/workbook/xlsx/package';

const ELEMENT = /<((?:[\w.-]+:)?)tableColumn(\s[^<>]*?)>\s*<(?:[\w.-]+:)?calculatedColumnFormula\b[^<>]*>[\s\S]*?<\/(?:[\w.-]+:)?calculatedColumnFormula>\s*<\/(?:[\w.-]+:)?tableColumn>/g;

/** The bytes without calculated column formulas in the table parts (unchanged when there are none). */
export function withoutColumnFormulas(bytes: Uint8Array): Uint8Array {
  const parts = unzipXlsx(bytes);
  const tables = Object.keys(parts).filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p) && partText(parts, p)!.includes('calculatedColumnFormula'));
  if (tables.length === 0) return bytes;
  for (const p of tables) setPartText(parts, p, partText(parts, p)!.replace(ELEMENT, '<$1tableColumn$2/>'));
  return zipXlsx(parts);
}

/** `bytes` as ExcelJS's load takes them, without what it cannot read. */
export function excelJsInput(bytes: Uint8Array): ExcelJS.Buffer {
  return Buffer.from(withoutColumnFormulas(bytes)) as unknown as ExcelJS.Buffer;
}
