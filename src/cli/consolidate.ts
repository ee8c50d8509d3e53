// `ledger consolidate FILE.xlsx… -o 汇总.xlsx`: the ledgers units sent back, merged into one summary
// workbook (汇总 table with 来源单位, 汇总统计 sheet with native formulas and a chart). When the output
// file is already a summary workbook, the new files are merged into its rows: a unit sent again
// replaces its rows, never duplicates them. A file that is not a ledger is reported and skipped.
// Exit codes: 0 done; 1 usage, or an output file that must not be overwritten; 2 some file was skipped.
import { formatRate } from '../ledger/stats/rate';
import path from 'node:path';
import { mergeSummary, summaryFigures, unitKey, type SummaryFigures, type SummaryRow } from '../ledger/consolidate';
import { isLedgerError } from '../ledger/errors';
import { clockAt } from '../ledger/ledger-ops';
import type { UnitLedger } from '../ledger/store';
import type { IsoDate } from '../ledger/types';
import { SUMMARY } from '../workbook/schema';
import { SUMMARY_DASHBOARD_SHEET } from '../workbook/summaryDashboard';
import { readLedgerFile } from '../workbook/xlsx/readLedger';
import { NO_SUMMARY_EXTRA, readSummaryFile, type SummaryExtra } from '../workbook/xlsx/readSummary';
import { CliError, writeOutput, type CliIo } from './io';

export const CONSOLIDATE_HELP = `用法：
  npm run --silent ledger -- consolidate <台账.xlsx>… -o 汇总.xlsx

把各单位报回的整改台账（.xlsx）汇总到一个工作簿：“汇总”表每行一条整改措施并注明来源单位，
“汇总统计”表按来源单位统计问题数、整改完成率、整改到位率、逾期、临期、长期坚持占比（原生公式，
Excel、WPS、LibreOffice 打开即可计算）。
- 输出文件已是汇总工作簿时，在原有数据上合并：同一单位再次报送的，替换该单位原有数据，不会重复。
- 来源单位取台账“巡察信息”中的被巡察单位；未填写被巡察单位的文件无法区分单位，会列出原因并跳过。
- 不是整改台账的文件会列出原因并跳过。

选项：
  -o, --out <文件>  汇总工作簿（必填）

退出码：0 成功；1 参数错误、输出文件不能覆盖或无法写出；2 有文件未能汇总（其余文件已汇总）；3 程序内部错误。
`;

/** The command line's I/O plus a clock for 导入时间 (injected so tests are deterministic). */
export type ConsolidateIo = CliIo & { now?: () => Date };

type Args = { files: string[]; out: string };

function parseArgs(args: readonly string[]): Args {
  const files: string[] = [];
  let out: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--out') {
      out = args[++i] ?? null;
      if (!out) throw new CliError('“-o”后面要写汇总工作簿的文件名，例如：-o 汇总.xlsx', 1);
    } else if (a.startsWith('-')) throw new CliError(`不认识的选项“${a}”，请用 --help 查看用法`, 1);
    else files.push(a);
  }
  if (files.length === 0) throw new CliError('请指定要汇总的台账文件，例如：npm run --silent ledger -- consolidate 甲单位.xlsx 乙单位.xlsx -o 汇总.xlsx', 1);
  if (!out) throw new CliError('请用 -o 指定汇总工作簿，例如：-o 汇总.xlsx', 1);
  return { files, out };
}

function tryRead(io: CliIo, file: string): Uint8Array | null {
  try {
    return io.readFile(file);
  } catch {
    return null;
  }
}

/** The rows already in the output file; refuses to overwrite a file that holds anything else. */
function existingSummary(io: CliIo, out: string): { rows: SummaryRow[]; asOf: IsoDate | null; extra: SummaryExtra } {
  const bytes = tryRead(io, out);
  if (!bytes) return { rows: [], asOf: null, extra: NO_SUMMARY_EXTRA };
  const name = path.basename(out);
  const existing = readSummaryFile(bytes, name);
  if (isLedgerError(existing)) {
    throw new CliError(`${existing.message}。为免覆盖，请换一个输出文件名`, 1);
  }
  const foreign = existing.sheets.filter((s) => s !== existing.summarySheet && s !== SUMMARY_DASHBOARD_SHEET);
  if (foreign.length > 0) {
    throw new CliError(`“${name}”中还有其他工作表（${foreign.join('、')}），命令行会整体重写汇总工作簿；请换一个输出文件名，或在 Excel 任务窗格中汇总`, 1);
  }
  return { rows: existing.rows, asOf: existing.asOf, extra: existing.extra };
}

const percent = formatRate;

function figuresLine(f: SummaryFigures): string {
  return (
    `${f.problems}个问题，已完成${f.problemsDone}个，整改完成率${percent(f.problemRate)}；` +
    `${f.measures}条措施，已完成${f.measuresDone}条，整改到位率${percent(f.measureRate)}；` +
    `逾期${f.overdue}条，临期${f.dueSoon}条；长期坚持${f.problemsLongTerm}个，占${percent(f.longTermShare)}`
  );
}

export async function runConsolidate(args: readonly string[], io: ConsolidateIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(CONSOLIDATE_HELP);
    return 0;
  }
  const { files, out } = parseArgs(args);
  const { rows: before, asOf: typedAsOf, extra } = existingSummary(io, out);
  if (before.length > 0) io.out(`在“${path.basename(out)}”已有的汇总数据上合并（${new Set(before.map((r) => r.sourceUnit)).size}个单位，${before.length}行）。\n`);

  // Files in the order given: a ledger (its index in `units`, whose report line comes from the
  // merge) or the line saying why it was skipped.
  const units: (UnitLedger & { warnings: { message: string }[] })[] = [];
  const entries: ({ ledger: number } | { skipped: string })[] = [];
  for (const file of files) {
    const name = path.basename(file);
    const bytes = tryRead(io, file);
    const result = bytes ? readLedgerFile(bytes, name) : null;
    if (!result || isLedgerError(result)) {
      entries.push({ skipped: `  ✗ ${name}：${result ? result.message : '找不到文件或无法读取'}，已跳过` });
    } else {
      entries.push({ ledger: units.length });
      units.push(result);
    }
  }
  const failed = entries.filter((e) => 'skipped' in e).length;
  if (units.length === 0 && before.length === 0) {
    io.out(`${entries.map((e) => ('skipped' in e ? e.skipped : '')).join('\n')}\n`);
    throw new CliError('没有可汇总的整改台账，未写出文件', 2);
  }

  const { writeSummaryXlsx } = await import('../workbook/summaryXlsx');
  const now = clockAt(io.now ? io.now() : new Date());
  const merged = mergeSummary(before, units, now.now);
  // Of two files of one unit in this batch the later wins: the earlier is in no row of the result,
  // so it gets no ✓ — it is reported as superseded, with the file that took its place.
  const supersededBy = (i: number): string | null => {
    const key = unitKey(merged.report[i].unit);
    const later = merged.report.slice(i + 1).find((u) => unitKey(u.unit) === key);
    return later ? later.fileName : null;
  };
  const lines = entries.flatMap((e) => {
    if ('skipped' in e) return [e.skipped];
    const u = merged.report[e.ledger];
    const by = supersededBy(e.ledger);
    if (by) return [`  – ${u.fileName} → ${u.unit}：同一单位的“${by}”在后，按它汇总，本文件未计入`];
    const what = u.outcome === 'added' ? '新增' : `替换${u.replacedFile ? `“${u.replacedFile}”的` : '原有'}数据`;
    return [`  ✓ ${u.fileName} → ${u.unit}：${u.problems}个问题，${u.measures}条措施（${what}）`, ...units[e.ledger].warnings.map((w) => `    提示：${w.message}`)];
  });
  const written: string[] = [];
  const bytes = await writeSummaryXlsx(merged.rows, typedAsOf, extra, (w) => written.push(`    提示：${w.message}`));
  // Written before any ✓ is printed: a run that fails to write has reported no file as merged.
  writeOutput(io, out, bytes);
  io.out(`${[...lines, ...written].join('\n')}\n`);
  // The date typed on 汇总统计 is what the sheet counts by; blank means today.
  const asOf = typedAsOf ?? now.today;
  const figures = summaryFigures(merged.rows, asOf);
  io.out(
    `已写出 ${out}：${figures.units.length}个单位，“${SUMMARY.sheet}”表${merged.rows.length}行。\n` +
    `合计（截至${asOf}）：${figuresLine(figures.total)}\n`,
  );
  if (failed > 0) io.err(`有${failed}个文件未能汇总，见上。\n`);
  return failed > 0 ? 2 : 0;
}
