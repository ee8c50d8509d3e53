// What lies below a table when a save grows or shrinks it: generated workbooks with a note, merged
// cells, drop-down lists, colour rules, a picture anchor, a second table and a defined name under
// ZG_Measures, and comments with their VML notes. They move with the rows below.
import { isLedgerError } from '../../src/ledger/errors';
import { sampleLedger } from '../../src/workbook/sample';
import { partText, setPartText, unzipXlsx, zipXlsx, type XlsxParts } from '../../src/workbook/xlsx/package';
import { findTable, readSheetCells, tablesOf } from '../../src/workbook/xlsx/sheetCells';
import { writeLedgerXlsx } from '../../src/workbook/xlsxWriter';
import { openFileStore, type FileStore } from '../../src/workbook/xlsxStore/fileStore';
import { shiftNameFormula, shiftRange } from '../../src/workbook/xlsxStore/shiftBelow';
import { measure, problem } from './storeContract';

const now = () => new Date(2026, 10, 22, 9, 30, 0);

function open(bytes: Uint8Array): FileStore {
  const store = openFileStore(bytes, '整改台账.xlsx', { now });
  if (isLedgerError(store)) throw new Error(store.message);
  return store;
}

const measuresSheet = (parts: XlsxParts) => findTable(tablesOf(parts), 'ZG_Measures')!.sheet.path;
const bottomOf = (parts: XlsxParts) => findTable(tablesOf(parts), 'ZG_Measures')!.range.bottom;

/** The sample ledger with things of the user's below ZG_Measures, three rows under its last row. */
async function withContentBelow(extra: { comment?: boolean } = {}): Promise<{ bytes: Uint8Array; note: number }> {
  const parts = unzipXlsx(await writeLedgerXlsx(sampleLedger('2026-11-22')));
  const path = measuresSheet(parts);
  const note = bottomOf(parts) + 3;
  let xml = partText(parts, path)!;
  xml = xml.replace('</sheetData>', `<row r="${note}"><c r="A${note}" t="inlineStr"><is><t>备注：以上为第一轮</t></is></c></row></sheetData>`);
  xml = xml.replace(/(<\/sheetData>(?:(?!<conditionalFormatting|<dataValidations)[\s\S])*)/, `$1<mergeCells count="1"><mergeCell ref="A${note}:C${note}"/></mergeCells>`);
  xml = xml.replace(/<dataValidations count="(\d+)">/, (_, n: string) => `<dataValidations count="${Number(n) + 1}"><dataValidation type="list" allowBlank="1" sqref="E${note} G${note}:H${note + 1}"><formula1>"甲,乙"</formula1></dataValidation>`);
  xml = xml.replace('<dataValidations', `<conditionalFormatting sqref="A${note}:C${note}"><cfRule type="containsBlanks" dxfId="0" priority="9"><formula>LEN(TRIM(A${note}))=0</formula></cfRule></conditionalFormatting><dataValidations`);
  setPartText(parts, path, xml);
  // A picture anchored on the note (rows count from 0) and a small table of the user's below it.
  const rels = path.replace('worksheets/', 'worksheets/_rels/') + '.rels';
  setPartText(parts, rels, partText(parts, rels)!.replace('</Relationships>', '<Relationship Id="rId97" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing9.xml"/><Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table9.xml"/></Relationships>'));
  setPartText(parts, 'xl/drawings/drawing9.xml', `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${note - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${note + 4}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to></xdr:twoCellAnchor><xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from></xdr:oneCellAnchor></xdr:wsDr>`);
  setPartText(parts, 'xl/tables/table9.xml', `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="9" name="用户表" displayName="用户表" ref="A${note + 2}:B${note + 4}"><autoFilter ref="A${note + 2}:B${note + 4}"/><tableColumns count="2"><tableColumn id="1" name="甲"/><tableColumn id="2" name="乙"/></tableColumns></table>`);
  setPartText(parts, 'xl/workbook.xml', partText(parts, 'xl/workbook.xml')!.replace('</definedNames>', `<definedName name="备注区">'整改台账'!$A$${note}:$C$${note}</definedName></definedNames>`));
  if (extra.comment) {
    // A note below the table and one on the first measure's row, with their legacy VML shapes (rows from 0).
    const top = findTable(tablesOf(parts), 'ZG_Measures')!.range.top;
    const shape = (row: number, col: number) => `<v:shape id="_x0000_s${1025 + row}" type="#_x0000_t202" style='position:absolute;visibility:hidden' fillcolor="#ffffe1" o:insetmode="auto"><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:Anchor>\n    ${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 3}, 15, ${row + 3}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
    setPartText(parts, rels, partText(parts, rels)!.replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments9.xml"/><Relationship Id="rId96" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing9.vml"/></Relationships>'));
    setPartText(parts, 'xl/comments9.xml', `<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>王</author></authors><commentList><comment ref="C${top + 1}" authorId="0"><text><t>首条措施</t></text></comment><comment ref="B${note}" authorId="0"><text><t>请核对</t></text></comment></commentList></comments>`);
    setPartText(parts, 'xl/drawings/vmlDrawing9.vml', `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>${shape(top, 2)}${shape(note - 1, 1)}</xml>`);
    setPartText(parts, path, partText(parts, path)!.replace('</worksheet>', '<legacyDrawing r:id="rId96"/></worksheet>'));
  }
  return { bytes: zipXlsx(parts), note };
}

describe('content below a table moves with its rows', () => {
  test('a measure inserted in the middle: the rows after it and the note below move down one, styles and ids intact', async () => {
    const { bytes, note } = await withContentBelow();
    const store = open(bytes);
    const ledger = await store.load();
    const first = ledger.problems[0].id;
    const { measureIds } = await store.addMeasures(first, [measure('新措施一', '甲')]);
    const parts = unzipXlsx(store.save().bytes);
    const xml = partText(parts, measuresSheet(parts))!;
    expect(readSheetCells(xml, [], []).get(note + 1, 1)?.value).toBe('备注：以上为第一轮');
    expect(xml).toContain(`<mergeCell ref="A${note + 1}:C${note + 1}"/>`);
    const back = await open(zipXlsx(parts)).load();
    const last = ledger.measures.map((m) => m.problemId).lastIndexOf(first);
    expect(back.measures.map((m) => m.id)).toEqual([...ledger.measures.slice(0, last + 1).map((m) => m.id), ...measureIds, ...ledger.measures.slice(last + 1).map((m) => m.id)]);
    expect(back.measures.filter((m) => !measureIds.includes(m.id))).toEqual(ledger.measures);
    // The new row's cells take the column's style (a date cell its date format), as rows below keep theirs.
    const styleAt = (r: number, col: string) => new RegExp(`<c r="${col}${r}"[^>]*?\\ss="(\\d+)"`).exec(xml)?.[1];
    const top = findTable(tablesOf(parts), 'ZG_Measures')!.range.top;
    const row = top + 1 + last + 1;
    expect(styleAt(row, 'I')).toBe(styleAt(row + 1, 'I'));
    expect(styleAt(row, 'I')).toBeDefined();
  });

  test('a table grown by one row: the note, its merge, validation, colour rule and defined name all move down one row', async () => {
    const { bytes, note } = await withContentBelow();
    const store = open(bytes);
    await store.addProblem(problem('新增问题'), [measure('新措施一', '甲')]);
    const saved = store.save();
    const parts = unzipXlsx(saved.bytes);
    const xml = partText(parts, measuresSheet(parts))!;
    const at = note + 1;
    expect(readSheetCells(xml, [], []).get(at, 1)?.value).toBe('备注：以上为第一轮');
    expect(xml).toContain(`<mergeCell ref="A${at}:C${at}"/>`);
    expect(xml).toContain(`sqref="E${at} G${at}:H${at + 1}"`);
    expect(xml).toContain(`<conditionalFormatting sqref="A${at}:C${at}">`);
    // The rule's formula reads the cell it colours: it moves with it.
    expect(xml).toContain(`<formula>LEN(TRIM(A${at}))=0</formula>`);
    // The template's own validation reaches past the table: it grows with it by one row.
    const before = partText(unzipXlsx(bytes), measuresSheet(unzipXlsx(bytes)))!;
    const statusList = (x: string) => /errorTitle="整改状态"[^>]*sqref="J2:J(\d+)"/.exec(x)?.[1];
    expect(Number(statusList(xml))).toBe(Number(statusList(before)) + 1);
    expect(partText(parts, 'xl/workbook.xml')).toContain(`<definedName name="备注区">'整改台账'!$A$${at}:$C$${at}</definedName>`);
    expect(saved.parts).toContain('xl/workbook.xml');
    expect(partText(parts, 'xl/drawings/drawing9.xml')).toContain(`<xdr:row>${at - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at + 4}</xdr:row>`);
    // The picture anchored at the top stays where it was.
    expect(partText(parts, 'xl/drawings/drawing9.xml')).toContain('<xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row>');
    expect(partText(parts, 'xl/tables/table9.xml')).toContain(`ref="A${at + 2}:B${at + 4}"><autoFilter ref="A${at + 2}:B${at + 4}"/>`);

    // Shrunk again (the new problem deleted): everything is back where it was.
    const again = open(saved.bytes);
    const added = (await again.load()).problems.at(-1)!.id;
    await again.deleteProblem(added);
    const back = unzipXlsx(again.save().bytes);
    const xml2 = partText(back, measuresSheet(back))!;
    expect(xml2).toContain(`<mergeCell ref="A${note}:C${note}"/>`);
    expect(xml2).toContain(`sqref="E${note} G${note}:H${note + 1}"`);
    expect(partText(back, 'xl/workbook.xml')).toContain(`'整改台账'!$A$${note}:$C$${note}`);
    expect(partText(back, 'xl/tables/table9.xml')).toContain(`ref="A${note + 2}:B${note + 4}"`);
  });

  test('comments follow their cells: below the table down a row, with their notes; one on a deleted measure goes with it', async () => {
    const { bytes, note } = await withContentBelow({ comment: true });
    const store = open(bytes);
    const ledger = await store.load();
    await store.addProblem(problem('新增问题'), [measure('新措施一', '甲'), measure('新措施二', '乙')]);
    const saved = store.save();
    const parts = unzipXlsx(saved.bytes);
    expect(partText(parts, 'xl/comments9.xml')).toContain(`<comment ref="B${note + 2}" authorId="0"><text><t>请核对</t>`);
    const vml = partText(parts, 'xl/drawings/vmlDrawing9.vml')!;
    expect(vml).toContain(`<x:Anchor>\n    2, 15, ${note}, 10, 4, 15, ${note + 4}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${note + 1}</x:Row><x:Column>1</x:Column>`);
    expect(saved.parts).toEqual(expect.arrayContaining(['xl/comments9.xml', 'xl/drawings/vmlDrawing9.vml']));

    // The first measure deleted: its comment and note go; the one below moves up a row.
    const again = open(saved.bytes);
    await again.deleteMeasure(ledger.measures[0].id);
    const back = unzipXlsx(again.save().bytes);
    const comments = partText(back, 'xl/comments9.xml')!;
    expect(comments).not.toContain('首条措施');
    expect(comments).toContain(`<comment ref="B${note + 1}" authorId="0">`);
    const vml2 = partText(back, 'xl/drawings/vmlDrawing9.vml')!;
    expect(vml2.match(/<v:shape /g)).toHaveLength(1);
    expect(vml2).toContain(`<x:Row>${note}</x:Row>`);
    expect(vml2).toContain('<v:shapetype id="_x0000_t202"');
  });

  test.each([
    // [top, bottom, after, delta] → [top, bottom] | null
    [[2, 5], 10, 3, [2, 5]], [[12, 14], 10, 3, [15, 17]], [[2, 12], 10, 3, [2, 15]], [[2, 10], 10, 3, [2, 13]],
    [[12, 14], 10, -2, [10, 12]], [[2, 12], 10, -2, [2, 10]], [[9, 10], 10, -2, null], [[9, 12], 10, -2, [9, 10]], [[2, 10], 10, -2, [2, 8]],
  ] as const)('rows %j with the body ending at %i, moved by %i → %j', (rows, after, delta, expected) => {
    const moved = shiftRange({ top: rows[0], bottom: rows[1], left: 1, right: 3 }, { after, delta, left: 1, right: 5 });
    expect(moved && [moved.top, moved.bottom]).toEqual(expected);
  });

  test.each([
    ["'整改台账'!$A$12:$C$12", "'整改台账'!$A$14:$C$14"],
    ['SUM(整改台账!B11,X整改台账!A12,整改台账!A3)', 'SUM(整改台账!B13,X整改台账!A12,整改台账!A3)'],
    ["'整改台账'!$A:$A", "'整改台账'!$A:$A"],
  ])('the defined name %s becomes %s when 2 rows are added after row 10', (formula, expected) => {
    expect(shiftNameFormula(formula, '整改台账', { after: 10, delta: 2, left: 1, right: 5 })).toBe(expected);
    // A name with an apostrophe is always quoted, the apostrophe doubled.
    const quoted = (text: string) => text.replace(/'?(X?)整改台账'?!/g, "'$1O''Brien'!");
    expect(shiftNameFormula(quoted(formula), "O'Brien", { after: 10, delta: 2, left: 1, right: 5 })).toBe(quoted(expected));
  });
});
