// The whole 分发 → 填报 → 回收 loop with a real other client: the sample ledger is distributed by the
// command line; one unit's file is filled in as a department would (cells edited, a locked one
// included) and saved through LibreOffice headless, which rewrites the whole package (cached
// formula values, its own number formats); then collected. Every applied change, every rejection
// and its reason, the 变更记录 lines, the untouched cells, idempotence and the conflict are checked,
// with a file of another ledger, a non-ledger file and a truncated file in the same collect.
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/ledger';
import type { CliIo } from '../../src/cli/io';
import type { CollectJson } from '../../src/ledger/distribute/report';
import { isLedgerError } from '../../src/ledger/errors';
import type { Ledger } from '../../src/ledger/types';
import { sampleLedger } from '../../src/workbook/sample';
import { MEASURES } from '../../src/workbook/schema';
import { openXlsx } from '../../src/workbook/xlsx/open';
import { unzipXlsx, worksheets } from '../../src/workbook/xlsx/package';
import { readChangeLog, readLedgerTables } from '../../src/workbook/xlsx/readLedger';
import { writeLedgerXlsx } from '../../src/workbook/xlsxWriter';
import { excelJsInput } from '../support/excelJs';
import { describeWithLibreOffice, recalculate } from '../support/libreoffice';

const TODAY = '2026-12-06';
jest.setTimeout(240_000);

function io(out: string[] = [], err: string[] = []): CliIo & { now: () => Date } {
  return {
    out: (t) => void out.push(t), err: (t) => void err.push(t), today: () => TODAY, now: () => new Date(2026, 11, 6, 10, 30, 0),
    writeFile: (f, d) => writeFileSync(f, d), readFile: (f) => new Uint8Array(readFileSync(f)),
  };
}

function readLedger(file: string): { ledger: Ledger; changes: ReturnType<typeof readChangeLog> } {
  const parts = openXlsx(new Uint8Array(readFileSync(file)), file);
  if (isLedgerError(parts)) throw new Error(parts.message);
  const read = readLedgerTables(parts, file);
  if (isLedgerError(read)) throw new Error(read.message);
  return { ledger: read.ledger, changes: readChangeLog(parts) };
}

/** Edits the 整改台账 cells of a distributed file as a person would: by 措施编号 and header. */
async function fill(file: string, edits: Record<string, Record<string, string | Date>>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS cannot load the tables' calculatedColumnFormula (test/support/excelJs.ts); it only stands in for the person here.
  await wb.xlsx.load(excelJsInput(new Uint8Array(readFileSync(file))));
  const ws = wb.getWorksheet(MEASURES.sheet)!;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  ws.eachRow((row, n) => {
    const id = String(row.getCell(1).value ?? '');
    if (n === 1 || !edits[id]) return;
    for (const [header, value] of Object.entries(edits[id])) row.getCell(headers.indexOf(header)).value = value;
  });
  await wb.xlsx.writeFile(file);
}

async function collect(dir: string, args: string[]): Promise<{ code: number; json: CollectJson }> {
  const out: string[] = [];
  const code = await main(['collect', ...args, '--json'], io(out));
  return { code, json: JSON.parse(out.join('')) as CollectJson };
}

describeWithLibreOffice('分发 → LibreOffice → 回收', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zg-distribute-'));
  const ledgerFile = path.join(dir, '台账.xlsx');
  let original: Ledger;
  let json: CollectJson;
  let code: number;

  beforeAll(async () => {
    original = sampleLedger(TODAY);
    writeFileSync(ledgerFile, await writeLedgerXlsx(original));
    const lines: string[] = [];
    expect(await main(['distribute', ledgerFile, '-o', path.join(dir, 'out'), '--due', '2026-12-15'], io(lines))).toBe(0);
    expect(lines.join('')).toContain('医政医管科.xlsx\t5条措施');
    const unitFile = path.join(dir, 'out', '医政医管科.xlsx');
    await fill(unitFile, {
      'P002-M02': {
        整改状态: '已完成', 销号状态: '已申请', 佐证材料: '互认平台接入情况表',
        整改进展: '2026-12-05：18个乡镇卫生院全部接入互认平台。\n2026-11-24：已有14个乡镇卫生院接入互认平台，其余4个正在调试。\n2026-10-07：完成互认平台招标。',
      },
      'P012-M01': { 整改进展: '完成问题整改17个。\n2026-11-30：抽查病历600份，发现不合理检查问题17个。\n2026-11-03：印发专项整治工作方案。', 完成日期: new Date(Date.UTC(2026, 11, 4)) },
      'P012-M03': { 整改措施: '（已改）建立大型医用设备检查阳性率通报制度。', 整改状态: '部分完成' },
      'P011-M02': { 销号状态: '已销号' },
    });
    // The department saves it in LibreOffice: the whole package is rewritten.
    const saved = await recalculate(unitFile, path.join(dir, 'lo'));
    // Meanwhile the ledger moved on: 整改状态 of P012-M03 was changed in the ledger itself.
    const moved: Ledger = { ...original, measures: original.measures.map((m) => (m.id === 'P012-M03' ? { ...m, status: '正在推进' } : m)) };
    writeFileSync(ledgerFile, await writeLedgerXlsx(moved));
    // Another ledger with the same ids (another 被巡察单位), a file that is no ledger, a truncated one.
    const other = sampleLedger(TODAY);
    other.round = { ...other.round, org: '中共清源县教育局党组' };
    const otherFile = path.join(dir, '其他台账.xlsx');
    writeFileSync(otherFile, await writeLedgerXlsx(other));
    await main(['distribute', otherFile, '-o', path.join(dir, 'other')], io());
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('通讯录').addRow(['姓名', '电话']);
    mkdirSync(path.join(dir, 'junk'), { recursive: true });
    await wb.xlsx.writeFile(path.join(dir, 'junk', '通讯录.xlsx'));
    const bytes = readFileSync(path.join(dir, 'out', '人事科.xlsx'));
    writeFileSync(path.join(dir, 'junk', '人事科(截断).xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    ({ code, json } = await collect(dir, [
      ledgerFile, saved, path.join(dir, 'other', '医政医管科.xlsx'), path.join(dir, 'junk', '通讯录.xlsx'),
      path.join(dir, 'junk', '人事科(截断).xlsx'), path.join(dir, 'out', '办公室.xlsx'), '-o', path.join(dir, '合并后.xlsx'),
    ]));
  });

  test('each file is named with its outcome; the bad ones do not stop the others', () => {
    expect(code).toBe(2);
    expect(json.files).toEqual([
      { file: '医政医管科.xlsx', unit: '医政医管科', status: 'changes' },
      { file: '医政医管科.xlsx', unit: '医政医管科', status: 'refused' },
      { file: '通讯录.xlsx', unit: '', status: 'refused' },
      { file: '人事科(截断).xlsx', unit: '', status: 'refused' },
      { file: '办公室.xlsx', unit: '办公室', status: 'unchanged' },
    ]);
    const reasons = json.rejected.filter((r) => r.id === '').map((r) => r.reason);
    expect(reasons[0]).toMatch(/^“医政医管科.xlsx”是为另一本台账（中共清源县教育局党组，市委第三巡察组，反馈日期\d{4}年\d{1,2}月\d{1,2}日）分发的/);
    expect(reasons[1]).toContain('不是整改台账');
    expect(reasons[2]).toBe('“人事科(截断).xlsx”不是 Excel 工作簿（.xlsx），无法读取');
  });

  test('the department’s fillable changes are applied, nothing else', () => {
    expect(json.applied.map(({ id, field, from, to }) => [id, field, from, to])).toEqual([
      ['P002-M02', '整改状态', '部分完成', '已完成'],
      ['P002-M02', '整改进展', '2026-11-24：已有14个乡镇卫生院接入互认平台，其余4个正在调试。\n2026-10-07：完成互认平台招标。',
        '2026-12-05：18个乡镇卫生院全部接入互认平台。\n2026-11-24：已有14个乡镇卫生院接入互认平台，其余4个正在调试。\n2026-10-07：完成互认平台招标。'],
      ['P002-M02', '佐证材料', '', '互认平台接入情况表'],
      ['P002-M02', '销号状态', '未申请', '已申请'],
      ['P002-M02', '完成日期', '', TODAY],
      ['P012-M01', '整改进展', '2026-11-30：抽查病历600份，发现不合理检查问题17个。\n2026-11-03：印发专项整治工作方案。',
        `${TODAY}：完成问题整改17个。\n2026-11-30：抽查病历600份，发现不合理检查问题17个。\n2026-11-03：印发专项整治工作方案。`],
    ]);
    expect(json.applied.every((a) => a.unit === '医政医管科' && a.file === '医政医管科.xlsx')).toBe(true);
  });

  test('every change not applied is listed with its reason', () => {
    const own = json.rejected.filter((r) => r.id !== '').map(({ id, field, reason }) => [id, field, reason]);
    expect(own).toEqual([
      ['P011-M02', '销号状态', '第3行：措施P011-M02的销号状态只能由填报单位从“未申请”改为“已申请”，“已申请”→“已销号”未采用'],
      ['P012-M01', '完成日期', '第4行：措施P012-M01填写了完成日期2026-12-04，但整改状态是“正在推进”而不是已完成，完成日期未采用'],
      ['P012-M03', '整改措施', '第6行：“整改措施”列不由填报单位填写（锁定列），改动未采用；如需修改请联系台账维护人员'],
      ['P012-M03', '整改状态', '第6行：措施P012-M03的“整改状态”在分发后台账已改为“正在推进”，回收文件填的是“部分完成”，保留台账的值'],
    ]);
  });

  test('every other cell of the ledger is unchanged; 变更记录 names the source', () => {
    const before = readLedger(ledgerFile).ledger;
    const { ledger: after, changes } = readLedger(path.join(dir, '合并后.xlsx'));
    const touched = new Set(['P002-M02', 'P012-M01']);
    for (const m of before.measures) {
      const a = after.measures.find((x) => x.id === m.id)!;
      if (!touched.has(m.id)) expect(a).toEqual(m);
    }
    const p = after.measures.find((m) => m.id === 'P002-M02')!;
    expect(p).toEqual({
      ...before.measures.find((m) => m.id === 'P002-M02'), status: '已完成', doneDate: TODAY, evidence: '互认平台接入情况表', closeState: '已申请',
      progress: `${TODAY}：【回收】医政医管科：医政医管科.xlsx，更新整改状态、整改进展、佐证材料、销号状态、完成日期\n${TODAY}：【申请销号】佐证材料：互认平台接入情况表\n2026-12-05：18个乡镇卫生院全部接入互认平台。\n2026-11-24：已有14个乡镇卫生院接入互认平台，其余4个正在调试。\n2026-10-07：完成互认平台招标。`,
    });
    expect(after.round).toEqual(before.round);
    expect(after.problems.filter((x) => x.id !== 'P002')).toEqual(before.problems.filter((x) => x.id !== 'P002'));
    expect(changes.map((c) => [c.id, c.field])).toEqual([
      ['P002-M02', '整改状态（回收自医政医管科：医政医管科.xlsx）'],
      ['P002-M02', '完成日期（回收自医政医管科：医政医管科.xlsx）'],
      ['P002-M02', '整改进展（回收自医政医管科：医政医管科.xlsx）'],
      ['P002-M02', '佐证材料（回收自医政医管科：医政医管科.xlsx）'],
      ['P002-M02', '销号状态（回收自医政医管科：医政医管科.xlsx）'],
      ['P012-M01', '整改进展（回收自医政医管科：医政医管科.xlsx）'],
    ]);
    expect(changes.every((c) => c.time === '2026-12-06 10:30:00')).toBe(true);
  });

  test('the merged file is the ledger file edited in place: only the edited sheets changed', () => {
    const before = unzipXlsx(new Uint8Array(readFileSync(ledgerFile)));
    const after = unzipXlsx(new Uint8Array(readFileSync(path.join(dir, '合并后.xlsx'))));
    const sheetOf = new Map(worksheets(before).map((s) => [s.path, s.name]));
    const changed = Object.keys(before).filter((p) => Buffer.compare(Buffer.from(before[p]), Buffer.from(after[p] ?? new Uint8Array())) !== 0);
    const names = changed.map((p) => sheetOf.get(p) ?? p).filter((p) => !/^xl\/tables\//.test(p));
    expect(names.sort()).toEqual(['变更记录', '整改台账'].sort());
  });

  test('collecting the same file again changes nothing', async () => {
    const saved = path.join(dir, 'lo', '医政医管科.xlsx');
    const again = await collect(dir, [path.join(dir, '合并后.xlsx'), saved, '-o', path.join(dir, '再次.xlsx')]);
    expect(again.code).toBe(0);
    expect(again.json.applied).toEqual([]);
    expect(again.json.files).toEqual([{ file: '医政医管科.xlsx', unit: '医政医管科', status: 'unchanged' }]);
    const first = readLedger(path.join(dir, '合并后.xlsx'));
    const second = readLedger(path.join(dir, '再次.xlsx'));
    expect(second.ledger).toEqual(first.ledger);
    expect(second.changes).toEqual(first.changes);
  });
});
