// `ledger report 台账.xlsx [--text] [--docx OUT.docx] [--as-of YYYY-MM-DD]`: the 整改情况通报 from a
// saved ledger, for a 巡察办 or a leader who has only the file (no Excel, no add-in). The same draft
// as the pane's 报告 tab: built from substantive progress only, figures as of 统计截止日期.
import path from 'node:path';
import { parseIso } from '../ledger/dates';
import { isLedgerError } from '../ledger/errors';
import { buildDraft } from '../ledger/report/draft';
import { draftToText } from '../ledger/report/output';
import { readLedgerFile } from '../workbook/xlsx/readLedger';
import { CliError, writeOutput, type CliIo } from './io';
import { isoOption } from './ledgerFile';

export const REPORT_USAGE = '  npm run --silent ledger -- report <台账.xlsx> [--text] [--docx 通报.docx] [--as-of YYYY-MM-DD]  由台账生成整改情况通报';

export const REPORT_HELP = `由保存的整改台账生成整改情况通报（草稿），不需要 Excel。内容与加载项“报告”页相同：
只写整改进展，不含销号申请、退回、延期等内部流程；数字按统计截止日期计算。

用法：
${REPORT_USAGE}

选项：
  --text            在屏幕上输出通报全文（不写 --docx 时默认输出）
  --docx <文件>     写出 GB/T 9704 格式的 Word 文档（.docx）
  --as-of <日期>    统计截止日期，格式 YYYY-MM-DD；默认取台账“巡察信息”中的统计截止日期，未填则为今天

退出码：0 成功；1 参数错误或找不到文件；2 文件不是整改台账（不是 .xlsx、已损坏或缺少台账表格）。
`;

type ReportArgs = { file: string; text: boolean; docx: string | null; asOf: string | null };

function parseReportArgs(args: readonly string[]): ReportArgs {
  let file: string | null = null;
  let text = false;
  let docx: string | null = null;
  let asOf: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--text') text = true;
    else if (a === '--docx') {
      docx = args[++i] ?? null;
      if (!docx || docx.startsWith('-') || !docx.toLowerCase().endsWith('.docx')) throw new CliError('“--docx”后面要写 .docx 文件名，例如：--docx 整改情况通报.docx', 1);
    } else if (a === '--as-of') asOf = isoOption(args, ++i, '--as-of');
    else if (a.startsWith('-')) throw new CliError(`不认识的选项“${a}”，请用 report --help 查看用法`, 1);
    else if (file === null) file = a;
    else throw new CliError(`多余的参数“${a}”：一次只能处理一个台账`, 1);
  }
  if (!file) throw new CliError('请指定台账文件，例如：npm run --silent ledger -- report 台账.xlsx --docx 整改情况通报.docx', 1);
  if (asOf && !parseIso(asOf)) throw new CliError(`“--as-of”的日期“${asOf}”不存在`, 1);
  return { file, text: text || !docx, docx, asOf };
}

function readBytes(file: string, io: CliIo): Uint8Array {
  try {
    return io.readFile(file);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'EISDIR') throw new CliError(`“${file}”是文件夹，请指定一个 .xlsx 台账`, 1);
    throw new CliError(`找不到文件或无法读取：${file}`, 1);
  }
}

/** `ledger report …`; throws CliError for src/cli/ledger.ts to print and exit with. */
export async function runReport(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(REPORT_HELP);
    return 0;
  }
  const opts = parseReportArgs(args);
  const name = path.basename(opts.file);
  const read = readLedgerFile(readBytes(opts.file, io), name);
  if (isLedgerError(read)) throw new CliError(`${name}：${read.message}`, 2);
  // Rows the reader could not take are named (第N行) on stderr; the 通报 is built from the rest.
  for (const w of read.warnings) io.err(`提示：${w.message}\n`);
  const asOf = opts.asOf ?? read.ledger.round.asOf ?? io.today();
  const draft = buildDraft(read.ledger, { asOf });
  if (opts.text) io.out(draftToText(draft));
  if (opts.docx) {
    const { buildDocx } = await import('../ledger/report/docx');
    writeOutput(io, opts.docx, await buildDocx(draft, (w) => io.err(`提示：${w.message}\n`)));
    io.err(`已写出 ${opts.docx}：${read.ledger.problems.length}个问题，统计截止${asOf}\n`);
  }
  return 0;
}
