// Comments follow their cells when a save moves rows (rowMap.ts), as in Excel: the comments part's
// ref, the threaded comment's ref (its replies carry the same one), and in the legacy VML drawing
// the note's <x:Row> and its box's <x:Anchor> rows, moved by as much as its cell (the box keeps its
// place beside it). A comment on a row the save removed (a deleted measure) goes with the row, as
// Excel deletes it with the row: the comment, its thread and its note shape. Other VML shapes
// anchored to cells (form controls) move their anchor rows with the rows.
// Scanned element by element with indexOf, so a part without closing tags costs one pass.
import { partText, relationshipsOf, setPartText, type XlsxParts } from '../xlsx/package';
import { parseA1 } from '../xlsx/sheetCells';
import { columnLetter } from '../schema';
import type { RowMap } from './rowMap';

/** Rewrites each `<name …>…</name>` (or empty) element through `edit` (null: removed); the same text when none changes. */
function eachElement(xml: string, name: string, edit: (element: string, prefix: string) => string | null): string {
  const open = new RegExp(`<((?:[\\w.-]+:)?)${name}(?=[\\s>/])`, 'g');
  let out = '';
  let from = 0;
  let changed = false;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    const tagEnd = xml.indexOf('>', m.index);
    if (tagEnd < 0) break;
    let end = tagEnd + 1;
    if (xml[tagEnd - 1] !== '/') {
      const close = xml.indexOf(`</${m[1]}${name}>`, tagEnd);
      if (close < 0) break;
      end = close + `</${m[1]}${name}>`.length;
    }
    const element = xml.slice(m.index, end);
    const next = edit(element, m[1]);
    if (next !== element) {
      out += xml.slice(from, m.index) + (next ?? '');
      from = end;
      changed = true;
    }
    open.lastIndex = end;
  }
  return changed ? out + xml.slice(from) : xml;
}

/** The element with its `ref` moved to the cell's new row; null when the row is gone. */
function movedRef(element: string, map: RowMap): string | null {
  const m = /^(<[^<>]*?\sref\s*=\s*["'])([^"']*)/.exec(element);
  const at = m ? parseA1(m[2]) : null;
  if (!m || !at) return element;
  const row = map.row(at.row);
  if (row === at.row) return element;
  if (row === null) return null;
  return `${m[1]}${columnLetter(at.col - 1)}${row}${element.slice(m[0].length)}`;
}

/** A VML shape: a note moves with its cell (or goes with its row), another shape's anchor rows move with theirs. */
function movedShape(shape: string, map: RowMap): string | null {
  const note = /ObjectType\s*=\s*["']Note["']/.test(shape);
  const rowTag = /(<((?:[\w.-]+:)?)Row>)\s*(\d+)\s*(<\/\2Row>)/.exec(shape);
  let by: ((r0: number) => number) | null = null;
  if (note && rowTag) {
    const r = Number(rowTag[3]) + 1; // VML rows count from 0
    const row = map.row(r);
    if (row === null) return null;
    if (row === r) return shape;
    by = (r0) => Math.max(0, r0 + row - r);
  } else {
    by = (r0) => (map.row(r0 + 1) ?? r0 + 1) - 1;
  }
  let out = shape.replace(/(<((?:[\w.-]+:)?)Anchor>)([^<]*)(<\/\2Anchor>)/, (whole, a: string, _p: string, list: string, b: string) => {
    const v = list.split(',');
    if (v.length !== 8 || !v.every((x) => /^\s*\d+\s*$/.test(x))) return whole;
    // LeftColumn, LeftOffset, TopRow, TopOffset, RightColumn, RightOffset, BottomRow, BottomOffset.
    for (const i of [2, 6]) v[i] = v[i].replace(/\d+/, (n) => String(by!(Number(n))));
    return `${a}${v.join(',')}${b}`;
  });
  if (rowTag) out = out.replace(rowTag[0], `${rowTag[1]}${by(Number(rowTag[3]))}${rowTag[4]}`);
  return out;
}

/** Moves the sheet's comments with their rows; returns the parts rewritten. */
export function shiftComments(parts: XlsxParts, sheetPath: string, map: RowMap): string[] {
  if (map.identity) return [];
  const touched: string[] = [];
  for (const rel of relationshipsOf(parts, sheetPath)) {
    const kind = rel.type.endsWith('/comments') ? 'comment' : rel.type.endsWith('/threadedComment') ? 'threadedComment' : rel.type.endsWith('/vmlDrawing') ? 'shape' : null;
    const xml = kind ? partText(parts, rel.target) : null;
    if (!kind || xml === null) continue;
    const next = eachElement(xml, kind, (element) => (kind === 'shape' ? movedShape(element, map) : movedRef(element, map)));
    if (next !== xml) {
      setPartText(parts, rel.target, next);
      touched.push(rel.target);
    }
  }
  return touched;
}
