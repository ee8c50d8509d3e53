// A user's formulas pointing into 整改台账 follow their rows when a save inserts measures in the
// middle of ZG_Measures or deletes one, as Excel would move them; formulas that point nowhere that
// moved keep their bytes (test/support/userFormulas.ts builds the file; its LibreOffice twin
// recalculates it).
import { isLedgerError } from '../../src/ledger/errors';
import { partText, unzipXlsx, worksheets, type XlsxParts } from '../../src/workbook/xlsx/package';
import { openFileStore, type FileStore } from '../../src/workbook/xlsxStore/fileStore';
import { splitSheet } from '../../src/workbook/xlsxStore/rowsXml';
import { ledgerWithUserFormulas, USER_SHEET } from '../support/userFormulas';
import { measure } from './storeContract';

const now = () => new Date(2026, 10, 22, 9, 30, 0);

function open(bytes: Uint8Array): FileStore {
  const store = openFileStore(bytes, '整改台账.xlsx', { now });
  if (isLedgerError(store)) throw new Error(store.message);
  return store;
}

/** Each formula cell of a sheet: its <f> element as written. */
function formulasOf(parts: XlsxParts, sheet: string): Record<string, string> {
  const path = worksheets(parts).find((s) => s.name === sheet)!.path;
  const out: Record<string, string> = {};
  for (const row of splitSheet(partText(parts, path)!).rows) {
    for (const c of row.cells) {
      const ref = /\sr="([A-Z]+\d+)"/.exec(c.xml)![1];
      const fx = /<f[^>]*?(?:\/>|>[^<]*<\/f>)/.exec(c.xml);
      if (fx) out[ref] = fx[0];
    }
  }
  return out;
}

describe('formulas follow the rows a save moves', () => {
  test('two measures inserted in the middle: references after them move down two, the shared formula is written out cell by cell', async () => {
    const file = await ledgerWithUserFormulas();
    const store = open(file.bytes);
    await store.addMeasures(file.ledger.problems[0].id, [measure('新措施一', '甲'), measure('新措施二', '乙')]);
    const saved = store.save();
    const parts = unzipXlsx(saved.bytes);
    const { note, bottom, rowOf, last } = file;
    expect(formulasOf(parts, USER_SHEET)).toEqual({
      A1: `<f>整改台账!C${rowOf(last + 1) + 2}</f>`,
      A2: `<f>'整改台账'!$A$${note + 2}</f>`,
      A3: `<f>COUNTA(整改台账!$A$2:$A$${bottom + 2})</f>`,
      A4: `<f>整改台账!A${rowOf(last)}</f>`,
      A5: `<f>整改台账!A${rowOf(last) + 3}</f>`,
      A6: `<f>整改台账!A${rowOf(last) + 4}</f>`,
      A7: '<f>"整改台账!A5"&amp;整改台账!A2</f>',
      A8: '<f>COUNTA(整改台账!A:A)</f>',
      A9: '<f>ROWS(ZG_Measures)</f>',
      A10: `<f>整改台账!B${note + 3}</f>`,
    });
    const own = formulasOf(parts, '整改台账');
    expect([own[`B${note + 3}`], own[`C${note + 3}`], own[`D${note + 3}`]]).toEqual([`<f>A${note + 2}</f>`, `<f>COUNTA(A2:A${bottom + 2})</f>`, `<f>A${rowOf(last + 1) + 2}</f>`]);
    const ledgerSheet = partText(parts, worksheets(parts).find((s) => s.name === '整改台账')!.path)!;
    expect(ledgerSheet).toContain(`<rowBreaks count="1" manualBreakCount="1"><brk id="${note + 2}" max="16383" man="1"/></rowBreaks>`);
    expect(saved.parts).toContain(worksheets(parts).find((s) => s.name === USER_SHEET)!.path);
    expect(partText(parts, 'xl/calcChain.xml')).toContain(`<c r="B${note + 3}" i="3"/><c r="C${note + 3}"/><c r="D${note + 3}"/>`);
  });

  test('a measure deleted: a reference to its row becomes #REF!, those below move up, the range shrinks', async () => {
    const file = await ledgerWithUserFormulas();
    const store = open(file.bytes);
    await store.deleteMeasure(file.ledger.measures[file.last + 1].id);
    const parts = unzipXlsx(store.save().bytes);
    const { note, bottom, rowOf, last } = file;
    const user = formulasOf(parts, USER_SHEET);
    expect([user.A1, user.A2, user.A3, user.A4, user.A5, user.A6]).toEqual([
      '<f>整改台账!#REF!</f>', `<f>'整改台账'!$A$${note - 1}</f>`, `<f>COUNTA(整改台账!$A$2:$A$${bottom - 1})</f>`,
      `<f>整改台账!A${rowOf(last)}</f>`, '<f>整改台账!#REF!</f>', `<f>整改台账!A${rowOf(last) + 1}</f>`,
    ]);
  });

  test('a save that moves no row leaves the user\'s sheet as it was', async () => {
    const file = await ledgerWithUserFormulas();
    const store = open(file.bytes);
    const m = file.ledger.measures[file.last + 1];
    await store.updateMeasure(m.id, { status: '已完成', doneDate: '2026-11-20' });
    const saved = store.save();
    const before = unzipXlsx(file.bytes);
    const parts = unzipXlsx(saved.bytes);
    const path = worksheets(parts).find((s) => s.name === USER_SHEET)!.path;
    expect(saved.parts).not.toContain(path);
    expect(partText(parts, path)).toBe(partText(before, path));
  });
});
