// `npm run --silent ledger -- <command>`: the ledger for people without Excel and for scripts.
//   import FILE --json        the import as JSON on stdout (nothing else is printed there)
//   import FILE -o out.xlsx   a ledger workbook (shared schema) from the import
//   import FILE               a readable summary
//   template OUT.xlsx         a blank (or --sample, --org, --as-of) ledger workbook with its 整改统计 sheet
//   freeze IN.xlsx            the 发送副本: ZG.* formulas replaced by their values
//   consolidate FILE… -o OUT  the 汇总 workbook of ledgers units sent back
// Exit codes: 0 done, 1 usage or file problems, 2 the text is not a report.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isLedgerError } from '../ledger/errors';
import { importReport, toImportJson, toLedger } from '../ledger/import';
import { decodeReportBytes } from '../ledger/import/decode';
import type { ImportResult } from '../ledger/import';
import { runCollect } from './collect';
import { runConsolidate } from './consolidate';
import { runDistribute } from './distribute';
import { FREEZE_USAGE, runFreeze } from './freeze';
import { CliError, defaultIo, EXIT_INTERNAL, writeOutput, type CliIo } from './io';
import { runRemind } from './remind';
import { REPORT_USAGE, runReport } from './report';
import { runTemplate } from './template';

const HELP = `整改台账助手 命令行

用法：
  npm run --silent ledger -- import <文件> --json          以 JSON 输出识别结果（巡察信息、问题、措施、概况数字、提示）
  npm run --silent ledger -- import <文件> -o 台账.xlsx     生成整改台账工作簿
  npm run --silent ledger -- import <文件>                  输出识别结果摘要
  npm run --silent ledger -- template <输出.xlsx> [--sample [--measures N]] [--org 单位] [--as-of 日期]
                                                           写出空白（或示例）整改台账工作簿，含整改统计页
${FREEZE_USAGE}
  npm run --silent ledger -- consolidate <台账.xlsx>… -o 汇总.xlsx [--replace]  汇总各单位报回的台账
  npm run --silent ledger -- distribute <台账.xlsx> -o 文件夹 [--by 责任单位|责任领导|责任人] [--as-of 日期] [--due 回收截止日期]
                                                           按责任单位（或领导、责任人）分发填报文件
  npm run --silent ledger -- collect <台账.xlsx> <回收文件>… -o 合并后.xlsx [--json]  合并各单位交回的填报
  npm run --silent ledger -- remind <台账.xlsx> [--as-of 日期] [--days N] [-o 督办提醒.docx]  逾期、临期事项的督办提醒
${REPORT_USAGE}
  npm run --silent ledger -- <命令> --help                  各命令的详细说明
  npm run --silent ledger -- --help                         显示本帮助

<文件> 是巡察反馈意见或整改情况通报的纯文本（.txt：UTF-8、UTF-16、GBK 或 Big5 编码）。
选项：
  --json            只在标准输出打印 JSON
  -o, --out <文件>  写出 .xlsx 台账
  --ref <日期>      文中没有日期时，未写年份的时限按此日期推算（默认今天，格式 YYYY-MM-DD）

退出码：0 成功；1 参数或文件错误（含无法写出）；2 文本不是巡察反馈意见或整改情况通报；3 程序内部错误。
`;

type ImportArgs = { file: string; json: boolean; out: string | null; ref: string | null };

function parseImportArgs(args: readonly string[]): ImportArgs {
  let file: string | null = null;
  let json = false;
  let out: string | null = null;
  let ref: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '-o' || a === '--out') {
      out = args[++i] ?? null;
      if (!out) throw new CliError('“-o”后面要写输出文件名，例如：-o 台账.xlsx', 1);
    } else if (a === '--ref') {
      ref = args[++i] ?? null;
      if (!ref || !/^\d{4}-\d{2}-\d{2}$/.test(ref)) throw new CliError('“--ref”后面要写日期，格式为 YYYY-MM-DD', 1);
    } else if (a.startsWith('-')) throw new CliError(`不认识的选项“${a}”，请用 --help 查看用法`, 1);
    else if (file === null) file = a;
    else throw new CliError(`多余的参数“${a}”：一次只能导入一个文件`, 1);
  }
  if (!file) throw new CliError('请指定要导入的文件，例如：npm run --silent ledger -- import 通报.txt --json', 1);
  if (json && out) throw new CliError('--json 与 -o 不能同时使用', 1);
  return { file, json, out, ref };
}

/**
 * Reads a report file: UTF-8 (BOM or not), UTF-16 LE/BE (Notepad's "Unicode"), GBK/GB18030 or Big5
 * (decodeReportBytes says how); a file no encoding reads cleanly is refused, naming those tried.
 */
export function readReportFile(file: string): string {
  if (!existsSync(file)) throw new CliError(`找不到文件：${file}`, 1);
  if (statSync(file).isDirectory()) throw new CliError(`“${file}”是文件夹，请指定一个文本文件`, 1);
  const bytes = readFileSync(file);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    throw new CliError(`“${path.basename(file)}”是 Word/Excel 等压缩格式文件，请先另存为纯文本（.txt）再导入`, 2);
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) throw new CliError(`“${path.basename(file)}”是旧版 Word/Excel 文件，请先另存为纯文本（.txt）再导入`, 2);
  const decoded = decodeReportBytes(new Uint8Array(bytes));
  if (decoded.ok) return decoded.text;
  if (decoded.reason === 'binary') throw new CliError(`“${path.basename(file)}”不是文本文件`, 2);
  throw new CliError(`无法识别“${path.basename(file)}”的文字编码（试过 ${decoded.tried.join('、')}），请另存为 UTF-8 编码的文本`, 2);
}

function summary(result: ImportResult): string {
  const r = result.round;
  const lines = [
    result.title,
    `被巡察单位：${r.org ?? '（未识别）'}　巡察组：${r.inspector ?? '（未识别）'}`,
    `巡察时间：${r.inspectionStart ?? '?'} 至 ${r.inspectionEnd ?? '?'}　反馈日期：${r.feedbackDate ?? '?'}　报告日期：${r.reportDate ?? '?'}`,
    `${new Set(result.problems.map((p) => p.category)).size}个方面，${result.problems.length}个问题，${result.problems.reduce((n, p) => n + p.measures.length, 0)}条措施`,
    '',
  ];
  let category: string | null | undefined;
  for (const p of result.problems) {
    if (p.category !== category) {
      category = p.category;
      lines.push(`【${category ?? '未分类'}】`);
    }
    const status = p.status ?? '未标注';
    const flags = [p.longTerm ? '长期坚持' : '', p.deadline ? `时限${p.deadline}` : ''].filter(Boolean).join('，');
    lines.push(`  ${p.number ?? '·'} ${p.finding.split('\n')[0].slice(0, 40)}　[${status}${flags ? `，${flags}` : ''}]　措施${p.measures.length}条`);
  }
  if (result.figures.length > 0) lines.push('', `概况数字：${result.figures.map((f) => f.text).join('；')}`);
  if (result.warnings.length > 0) lines.push('', '提示：', ...toImportJson(result).warnings.map((w) => `  - ${w}`));
  return `${lines.join('\n')}\n`;
}

async function runImport(args: readonly string[], io: CliIo): Promise<number> {
  const opts = parseImportArgs(args);
  const text = readReportFile(opts.file);
  const result = importReport(text, { ref: opts.ref ?? io.today() });
  if (isLedgerError(result)) throw new CliError(`${path.basename(opts.file)}：${result.message}`, 2);
  if (opts.json) {
    io.out(`${JSON.stringify(toImportJson(result), null, 2)}\n`);
    return 0;
  }
  if (opts.out) {
    const { writeLedgerXlsx } = await import('../workbook/xlsxWriter');
    const written: string[] = [];
    const bytes = await writeLedgerXlsx(toLedger(result), { onWarning: (w) => written.push(w.message) });
    writeOutput(io, opts.out, bytes);
    const figures = result.figures.length > 0 ? `，${result.figures.length}个通报数字（巡察信息）` : '';
    io.err(`已写出 ${opts.out}：${result.problems.length}个问题${figures}，${result.warnings.length + written.length}条提示\n${written.map((w) => `  提示：${w}\n`).join('')}`);
    return 0;
  }
  io.out(summary(result));
  return 0;
}

/** Runs the command line; returns the exit code (never calls process.exit, so tests can call it). */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.out(HELP);
      return command ? 0 : 1;
    }
    if (command === 'import') {
      if (rest.includes('--help') || rest.includes('-h')) {
        io.out(HELP);
        return 0;
      }
      return await runImport(rest, io);
    }
    if (command === 'template') return await runTemplate(rest, io);
    if (command === 'freeze') return await runFreeze(rest, io);
    if (command === 'consolidate') return await runConsolidate(rest, io);
    if (command === 'distribute') return await runDistribute(rest, io);
    if (command === 'collect') return await runCollect(rest, io);
    if (command === 'remind') return await runRemind(rest, io);
    if (command === 'report') return await runReport(rest, io);
    throw new CliError(`不认识的命令“${command}”，请用 --help 查看用法`, 1);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`错误：${e.message}\n`);
      return e.code;
    }
    // Not a failure the program foresaw: exit 3, so scripts never read it as a usage error (1) or a bad file (2).
    io.err(`内部错误：${e instanceof Error ? e.message : String(e)}。这不是所给文件或参数的问题，请把这条信息和所用文件报告给维护人员\n`);
    return EXIT_INTERNAL;
  }
}

if (require.main === module) {
  // `npm run` starts scripts in the package folder; file names the user typed are relative to the
  // folder they typed them in, which npm passes as INIT_CWD.
  if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
