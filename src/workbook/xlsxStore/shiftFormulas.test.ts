import fc from 'fast-check';
import { strFromU8, strToU8 } from 'fflate';
import { shiftCalcChain } from './calcChain';
import { rowMap } from './rowMap';
import { joinSheet, splitSheet } from './rowsXml';
import { shiftRowBreaks, shiftSheetTail } from './shiftBelow';
import { shiftComments } from './shiftComments';
import { shiftRowFormulas } from './shiftFormulas';

// Body rows 2…10 of A:E; a row inserted after row 5, or row 6 deleted.
const inserted = rowMap({ first: 2, last: 10, moved: [2, 3, 4, 5, 7, 8, 9, 10, 11], delta: 1, left: 1, right: 5 });
const deleted = rowMap({ first: 2, last: 10, moved: [2, 3, 4, 5, null, 6, 7, 8, 9], delta: -1, left: 1, right: 5 });
const identity = rowMap({ first: 2, last: 4, moved: [2, 3, 4], delta: 0, left: 1, right: 5 });

const sheetXml = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;

/** The sheet's rows after shiftRowFormulas (rows not renumbered: the caller does that). */
function shifted(rows: string, onSheet: boolean, map = inserted): string {
  const sheet = splitSheet(sheetXml(rows));
  const next = shiftRowFormulas(sheet.rows, sheet.prefix, 'S', onSheet, map);
  return joinSheet({ ...sheet, rows: next }).replace(/^<worksheet><sheetData>|<\/sheetData><\/worksheet>$/g, '');
}

describe('shiftRowFormulas', () => {
  test.each([
    // [rows, on the sheet, expected]
    ['<row r="1"><c r="A1"><f>S!A6&amp;"S!A6"</f><v>x</v></c></row>', false, '<row r="1"><c r="A1"><f>S!A7&amp;"S!A6"</f><v>x</v></c></row>'],
    ['<row r="1"><c r="A1"><f>A6</f><v>1</v></c></row>', false, '<row r="1"><c r="A1"><f>A6</f><v>1</v></c></row>'],
    ['<row r="1"><c r="A1"><f>A6</f><v>1</v></c></row>', true, '<row r="1"><c r="A1"><f>A7</f><v>1</v></c></row>'],
    // A shared formula in rows that do not move, reading rows above the insertion: kept shared.
    ['<row r="1"><c r="B1"><f t="shared" ref="B1:C1" si="0">S!A2</f></c><c r="C1"><f t="shared" si="0"/></c></row>', false,
      '<row r="1"><c r="B1"><f t="shared" ref="B1:C1" si="0">S!A2</f></c><c r="C1"><f t="shared" si="0"/></c></row>'],
    // Filled down across the insertion: each cell its own formula.
    ['<row r="1"><c r="B1" s="3"><f t="shared" ref="B1:B3" si="0" ca="1">S!$A$4+S!A4</f><v>1</v></c></row><row r="2"><c r="B2"><f t="shared" si="0"/><v>2</v></c></row><row r="3"><c r="B3"><f t="shared" si="0"/></c></row>', false,
      '<row r="1"><c r="B1" s="3"><f ca="1">S!$A$4+S!A4</f><v>1</v></c></row><row r="2"><c r="B2"><f ca="1">S!$A$4+S!A5</f><v>2</v></c></row><row r="3"><c r="B3"><f ca="1">S!$A$4+S!A7</f></c></row>'],
    // On the sheet, below the body: the cells move, so the group is written out (rows renumbered later).
    ['<row r="12"><c r="B12"><f t="shared" ref="B12:B13" si="1">A12*2</f></c></row><row r="13"><c r="B13"><f t="shared" si="1"/></c></row>', true,
      '<row r="12"><c r="B12"><f>A13*2</f></c></row><row r="13"><c r="B13"><f>A14*2</f></c></row>'],
    // A group without its text: left as the file has it.
    ['<row r="12"><c r="B12"><f t="shared" si="4"/></c></row>', true, '<row r="12"><c r="B12"><f t="shared" si="4"/></c></row>'],
    // An array formula's range moves with its cells.
    ['<row r="12"><c r="B12"><f t="array" ref="B12:B13">A12:A13*2</f></c></row>', true, '<row r="12"><c r="B12"><f t="array" ref="B13:B14">A13:A14*2</f></c></row>'],
    ['<row r="1"><x:c r="A1"><x:f>S!A6</x:f></x:c></row>', false, '<row r="1"><x:c r="A1"><x:f>S!A7</x:f></x:c></row>'],
  ] as const)('%s (on the sheet: %s)', (rows, onSheet, expected) => {
    expect(shifted(rows, onSheet)).toBe(expected);
  });

  test('a deleted row: its references become #REF!; nothing moves under the identity', () => {
    expect(shifted('<row r="1"><c r="A1"><f>S!A6+S!A7</f></c></row>', false, deleted)).toBe('<row r="1"><c r="A1"><f>S!#REF!+S!A6</f></c></row>');
    const sheet = splitSheet(sheetXml('<row r="1"><c r="A1"><f>A3</f></c></row>'));
    expect(shiftRowFormulas(sheet.rows, '', 'S', true, identity)).toBe(sheet.rows);
  });
});

describe('shiftRowBreaks', () => {
  test.each([
    ['<rowBreaks count="2" manualBreakCount="2"><brk id="1" max="16383" man="1"/><brk id="12" max="16383" man="1"/></rowBreaks>', inserted,
      '<rowBreaks count="2" manualBreakCount="2"><brk id="1" max="16383" man="1"/><brk id="13" max="16383" man="1"/></rowBreaks>'],
    // The page that started at row 6 (brk id 5) starts at the inserted row's successor.
    ['<rowBreaks count="1" manualBreakCount="1"><brk id="5" max="16383" man="1"/></rowBreaks><colBreaks count="1"><brk id="5"/></colBreaks>', inserted,
      '<rowBreaks count="1" manualBreakCount="1"><brk id="6" max="16383" man="1"/></rowBreaks><colBreaks count="1"><brk id="5"/></colBreaks>'],
    // Row 6 deleted: the break above it goes, the counts follow.
    ['<rowBreaks count="2" manualBreakCount="1"><brk id="5" max="16383" man="1"/><brk id="11" max="16383"/></rowBreaks>', deleted,
      '<rowBreaks count="1" manualBreakCount="0"><brk id="10" max="16383"/></rowBreaks>'],
    ['<rowBreaks count="1" manualBreakCount="1"><brk id="5" man="1"/></rowBreaks>', deleted, '<rowBreaks count="0" manualBreakCount="0"/>'],
    ['<rowBreaks count="1"><brk id="x"/></rowBreaks>', inserted, '<rowBreaks count="1"><brk id="x"/></rowBreaks>'],
  ] as const)('%s', (tail, map, expected) => {
    expect(shiftRowBreaks(tail, map)).toBe(expected);
  });
});

describe('shiftSheetTail', () => {
  test.each([
    // A hyperlink and a merge on a body row follow it; the rule over the whole column grows; its formula reads its own top row.
    ['<mergeCells count="1"><mergeCell ref="F6:G6"/></mergeCells><conditionalFormatting sqref="C2:C10"><cfRule type="expression" priority="1"><formula>$C2&lt;S!$A$12</formula></cfRule></conditionalFormatting><hyperlinks><hyperlink ref="B7" r:id="rId3"/></hyperlinks>', inserted,
      '<mergeCells count="1"><mergeCell ref="F7:G7"/></mergeCells><conditionalFormatting sqref="C2:C11"><cfRule type="expression" priority="1"><formula>$C2&lt;S!$A$13</formula></cfRule></conditionalFormatting><hyperlinks><hyperlink ref="B8" r:id="rId3"/></hyperlinks>'],
    ['<dataValidations count="1"><dataValidation type="list" sqref="D2:D10 D12"><formula1>$Z$12:$Z$14</formula1></dataValidation></dataValidations>', deleted,
      '<dataValidations count="1"><dataValidation type="list" sqref="D2:D9 D11"><formula1>$Z$11:$Z$13</formula1></dataValidation></dataValidations>'],
  ] as const)('%s', (tail, map, expected) => {
    expect(shiftSheetTail(tail, map, 'S')).toBe(expected);
  });
});

describe('garbage in the parts a save rewrites', () => {
  const xmlish = fc.array(fc.constantFrom('<', '>', '/', '"', "'", '=', ' ', 'f', 'c', 'r', 'x:', 'row', 'brk', 'id', 'ref', 'A6', '5', 'shape', 'Row', 'Anchor', 'comment', 't="shared"', 'si="0"', '&amp;', 'rowBreaks', 'formula'), { maxLength: 60 }).map((a) => a.join(''));

  test('never throws', () => {
    fc.assert(fc.property(xmlish, (text) => {
      shiftRowBreaks(text, inserted);
      shiftSheetTail(text, deleted, 'S');
      try {
        const sheet = splitSheet(sheetXml(text));
        shiftRowFormulas(sheet.rows, sheet.prefix, 'S', true, deleted);
      } catch (e) {
        // splitSheet refuses a part it cannot split, or one that is not well-formed XML (the scanner's
        // XmlScanError: the reader refused such a file before any save); nothing else may throw.
        expect(String(e)).toMatch(/sheetData|^XmlScanError/);
      }
      const parts = {
        'xl/worksheets/_rels/s.xml.rels': strToU8(`<Relationships><Relationship Id="a" Type="x/comments" Target="c.xml"/><Relationship Id="b" Type="x/vmlDrawing" Target="v.vml"/></Relationships>`),
        'xl/worksheets/c.xml': strToU8(text),
        'xl/worksheets/v.vml': strToU8(text),
      };
      shiftComments(parts, 'xl/worksheets/s.xml', inserted);
    }), { numRuns: 500 });
  });
});

describe('shiftCalcChain', () => {
  const chainParts = (chain: string) => ({
    'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="T" sheetId="1" r:id="rId1"/><sheet name="S" sheetId="3" r:id="rId2"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'),
    'xl/calcChain.xml': strToU8(`<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${chain}</calcChain>`),
  });
  test.each([
    // Entries on S (sheetId 3) move with their rows; T's stay; an entry on a removed row goes, and the one after it says its sheet.
    ['<c r="B6" i="3"/><c r="B7"/><c r="A6" i="1"/><c r="B12" i="3" l="1"/>', inserted, '<c r="B7" i="3"/><c r="B8"/><c r="A6" i="1"/><c r="B13" i="3" l="1"/>'],
    ['<c r="A6" i="1"/><c r="B6" i="3"/><c r="B7"/>', deleted, '<c r="A6" i="1"/><c r="B6" i="3"/>'],
    ['<c r="B6" i="3"/><c r="A2" i="1"/><c r="B4" i="3"/><c r="B6"/>', deleted, '<c r="A2" i="1"/><c r="B4" i="3"/>'],
  ] as const)('%s', (chain, map, expected) => {
    const parts = chainParts(chain);
    shiftCalcChain(parts, 'S', map);
    expect(strFromU8(parts['xl/calcChain.xml'])).toContain(`main">${expected}</calcChain>`);
  });
});
