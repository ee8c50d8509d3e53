// calcChain.xml (Excel writes one with every file) lists the formula cells in calculation order by
// address. When a save moves rows, its entries must move with them: an entry naming a cell without
// a formula makes Excel "repair" the file on opening. Entries on removed rows go; the formulas of
// new rows need none (Excel adds a formula cell it finds outside the chain). Only this part is
// rewritten, so workbook.xml's relationships and the content types keep their bytes.
import { partText, relationshipsOf, setPartText, startTags, type XlsxParts } from '../xlsx/package';
import { columnLetter } from '../schema';
import { parseA1 } from '../xlsx/sheetCells';
import type { RowMap } from './rowMap';

/** Moves the calculation chain's entries on `sheet` with their rows; returns the part when rewritten. */
export function shiftCalcChain(parts: XlsxParts, sheet: string, map: RowMap): string[] {
  if (map.identity) return [];
  const rel = relationshipsOf(parts, 'xl/workbook.xml').find((r) => r.type.endsWith('/calcChain'));
  const xml = rel ? partText(parts, rel.target) : null;
  const id = startTags(partText(parts, 'xl/workbook.xml') ?? '', 'sheet').find((s) => s.name === sheet)?.sheetId;
  if (!rel || xml === null || id === undefined) return [];
  // An entry without i is on the sheet of the entry before it: dropping one may leave the next to say its own.
  let current = '';
  let written = '';
  let changed = false;
  const next = xml.replace(/<((?:[\w.-]+:)?)c(?=\s)([^<>]*?)\/>/g, (whole, p: string, attrs: string) => {
    const own = /\si\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1];
    if (own !== undefined) current = own;
    const ref = /\sr\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1] ?? '';
    const at = current === id ? parseA1(ref) : null;
    const row = at ? map.row(at.row) : undefined;
    if (row === null) {
      changed = true;
      return '';
    }
    let out = at && row !== undefined && row !== at.row ? `<${p}c${attrs.replace(/(\sr\s*=\s*["'])[^"']*/, `$1${columnLetter(at.col - 1)}${row}`)}/>` : whole;
    if (own === undefined && written !== current) out = out.replace(/\/>$/, ` i="${current}"/>`);
    written = current;
    if (out !== whole) changed = true;
    return out;
  });
  if (!changed) return [];
  setPartText(parts, rel.target, next);
  return [rel.target];
}
