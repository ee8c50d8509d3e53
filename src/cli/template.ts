// `ledger template OUT.xlsx [--sample [--measures N]] [--org 单位] [--as-of YYYY-MM-DD]`: a standard ledger workbook from the
// shared schema — tables, validation, formats and the 整改统计 sheet with its formulas and charts —
// blank for a 巡察办 to email to the units it inspects, or filled with the realistic sample.
import path from 'node:path';
import { parseIso } from '../ledger/dates';
import { EMPTY_ROUND, type IsoDate, type Ledger } from '../ledger/types';
import { CliError, writeOutput, type CliIo } from './io';

export const TEMPLATE_HELP = `用法：
  npm run --silent ledger -- template <输出文件.xlsx> [--sample [--measures N]] [--org 单位名称] [--as-of YYYY-MM-DD]

写出一个标准的整改台账工作簿（巡察信息、问题清单、整改台账、整改统计、节假日、变更记录）：
表格、下拉列表、日期格式，以及用原生公式和图表制作的“整改统计”页，没有安装本加载项的
Excel、WPS 和 LibreOffice 也能计算。
选项：
  --sample            写入一份示例台账（一轮市委巡察的问题和措施），而不是空白台账
  --measures <条数>   与 --sample 同用：按示例生成一份有这么多条措施的大台账（每个问题1至4条措施），
                      用来试一试大台账下的整改统计，例如 --measures 5000
  --org <单位名称>    预先填好“巡察信息”中的被巡察单位（巡察办给各单位分别生成模板时用；
                      汇总时按被巡察单位区分各单位的台账）
  --as-of <日期>      统计截止日期（写入“巡察信息”）；与 --sample 同用时，示例的日期也以此日为“今天”。
                      不写时统计截止日期留空，打开文件时按当天统计
`;

type TemplateArgs = { out: string; sample: boolean; measures: number | null; org: string | null; asOf: IsoDate | null; help: boolean };

/** The largest generated ledger: ten times what DESIGN §8 gives for one unit. */
const MAX_MEASURES = 50_000;

function parseTemplateArgs(args: readonly string[]): TemplateArgs {
  let out: string | null = null;
  let sample = false;
  let asOf: IsoDate | null = null;
  let org: string | null = null;
  let measures: number | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') return { out: '', sample, measures, org, asOf, help: true };
    if (a === '--sample') sample = true;
    else if (a === '--org') {
      org = args[++i]?.trim() ?? '';
      if (!org) throw new CliError('“--org”后面要写被巡察单位的名称，例如：--org 中共××县教育局党组', 1);
    }
    else if (a === '--measures') {
      const value = args[++i] ?? '';
      const n = /^\d+$/.test(value) ? Number(value) : NaN;
      if (!(n >= 1 && n <= MAX_MEASURES)) throw new CliError(`“--measures”后面要写措施条数（1至${MAX_MEASURES}的整数），例如：--measures 5000`, 1);
      measures = n;
    } else if (a === '--as-of') {
      const value = args[++i];
      if (!value || !parseIso(value)) throw new CliError('“--as-of”后面要写日期，格式为 YYYY-MM-DD，例如：--as-of 2026-03-31', 1);
      asOf = value;
    } else if (a.startsWith('-')) throw new CliError(`不认识的选项“${a}”，请用 --help 查看用法`, 1);
    else if (out === null) out = a;
    else throw new CliError(`多余的参数“${a}”：只需要一个输出文件名`, 1);
  }
  if (!out) throw new CliError('请指定输出文件，例如：npm run --silent ledger -- template 整改台账.xlsx', 1);
  if (path.extname(out).toLowerCase() !== '.xlsx') throw new CliError(`输出文件名要以 .xlsx 结尾：${out}`, 1);
  if (measures !== null && !sample) throw new CliError('“--measures”要与 --sample 一起用：它决定示例台账的大小', 1);
  return { out, sample, measures, org, asOf, help: false };
}

/** Writes the template and returns 0; usage and file problems throw a CliError (exit code 1). */
export async function runTemplate(args: readonly string[], io: CliIo): Promise<number> {
  const opts = parseTemplateArgs(args);
  if (opts.help) {
    io.out(TEMPLATE_HELP);
    return 0;
  }
  // Loaded here, not at the top: exceljs is large and the other commands do not need it.
  const [{ generateLedger, sampleLedger }, { writeLedgerXlsx }] = await Promise.all([import('../workbook/sample'), import('../workbook/xlsxWriter')]);
  const ledger: Ledger = !opts.sample
    ? { round: { ...EMPTY_ROUND }, problems: [], measures: [] }
    : opts.measures !== null
      ? generateLedger(opts.measures, 1, opts.asOf ?? io.today())
      : sampleLedger(opts.asOf ?? io.today());
  ledger.round = { ...ledger.round, asOf: opts.asOf, ...(opts.org ? { org: opts.org } : {}) };
  const bytes = await writeLedgerXlsx(ledger);
  writeOutput(io, opts.out, bytes);
  const what = `${opts.sample ? `${opts.measures !== null ? '生成的' : ''}示例台账：${ledger.problems.length}个问题，${ledger.measures.length}条措施` : '空白台账'}${opts.org ? `，被巡察单位：${opts.org}` : ''}`;
  io.err(`已写出 ${opts.out}（${what}，含整改统计）\n`);
  return 0;
}
