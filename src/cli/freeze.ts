// `ledger freeze IN.xlsx [-o OUT.xlsx]`: the 发送副本 of a ledger workbook, every ZG.* formula
// replaced by its value, for recipients without the add-in. Writes OUT (default: IN with
// “（发送副本）” before the extension) and prints what was replaced, sheet by sheet.
// Exit codes as the rest of the command line: 1 usage or file problems, 2 the file is not an .xlsx.
import path from 'node:path';
import { isLedgerError } from '../ledger/errors';
import { freezeZgFormulas, sendCopyFileName, type FreezeResult } from '../workbook/xlsx/freeze';
import { CliError, writeOutput, type CliIo } from './io';

export const FREEZE_USAGE = '  npm run --silent ledger -- freeze <台账.xlsx> [-o 副本.xlsx] [--keep-macros]   生成发送副本：ZG.* 公式替换为数值';

export const FREEZE_HELP = `生成发送副本：把工作簿中所有 ZG.* 自定义函数公式替换为计算结果，收件人没有安装加载项
（或使用 WPS、LibreOffice）也能看到数值，而不是 #NAME?。其他公式（如整改统计的 COUNTIFS）保持不变。

用法：
${FREEZE_USAGE}

副本是要发出去的，所以还会：把 WEBSERVICE、DDE（如 cmd|'/c calc'!A0）和指向外部的 HYPERLINK 公式
替换为数值，去掉外部链接（DDE、OLE、指向其他工作簿的链接，引用它们的公式替换为数值）和宏（VBA 工程），不复制名称含“..”、绝对路径或反斜杠的压缩包条目。

选项：
  -o, --out <文件>  副本的文件名（默认在原文件名后加“（发送副本）”）
  --keep-macros    保留宏（副本为 .xlsm）

退出码：0 成功；1 参数或文件错误（含无法写出）；2 文件不是 .xlsx 工作簿；3 程序内部错误。
`;

type FreezeArgs = { file: string; out: string; keepMacros: boolean };

function parseFreezeArgs(args: readonly string[]): FreezeArgs {
  let file: string | null = null;
  let out: string | null = null;
  let keepMacros = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--keep-macros') keepMacros = true;
    else if (a === '-o' || a === '--out') {
      out = args[++i] ?? null;
      if (!out) throw new CliError('“-o”后面要写副本的文件名，例如：-o 台账（发送副本）.xlsx', 1);
    } else if (a.startsWith('-')) throw new CliError(`不认识的选项“${a}”，请用 freeze --help 查看用法`, 1);
    else if (file === null) file = a;
    else throw new CliError(`多余的参数“${a}”：一次只能处理一个工作簿`, 1);
  }
  if (!file) throw new CliError('请指定工作簿，例如：npm run --silent ledger -- freeze 台账.xlsx', 1);
  out ??= path.join(path.dirname(file), sendCopyFileName(path.basename(file), keepMacros));
  if (path.resolve(out) === path.resolve(file)) throw new CliError('副本不能覆盖原工作簿，请用 -o 指定另一个文件名', 1);
  return { file, out, keepMacros };
}

function readWorkbook(file: string, io: CliIo): Uint8Array {
  try {
    return io.readFile(file);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ENOENT') throw new CliError(`找不到文件：${file}`, 1);
    if (code === 'EISDIR') throw new CliError(`“${file}”是文件夹，请指定一个 .xlsx 工作簿`, 1);
    throw new CliError(`无法读取“${file}”：${e instanceof Error ? e.message : String(e)}`, 1);
  }
}

/** What was done, in Chinese, one fact a line. */
export function freezeSummary(result: FreezeResult, input: string, out: string): string {
  const lines: string[] = [];
  const same = result.live.length === 0 && result.macros !== 'dropped' && result.unsafeEntries.length === 0 && result.externalLinks.length === 0;
  if (result.replaced === 0) lines.push(`“${path.basename(input)}”中没有 ZG.* 公式${same ? '，副本与原工作簿内容相同' : ''}：${out}`);
  else {
    lines.push(`已写出 ${out}：${result.replaced}个 ZG.* 公式已替换为数值`);
    for (const s of result.sheets) lines.push(`  ${s.sheet}：${s.cells}个`);
  }
  if (result.tableFormulas > 0) lines.push(`已去掉表格中${result.tableFormulas}个使用 ZG.* 函数的计算列公式（列中数值保留）`);
  if (result.names.length > 0) lines.push(`已删除使用 ZG.* 函数的名称：${result.names.join('、')}`);
  if (result.rules > 0) lines.push(`已删除${result.rules}条使用 ZG.* 函数的条件格式或数据验证规则`);
  const kinds: Record<FreezeResult['live'][number]['kind'], string> = {
    WEBSERVICE: '联网取数（WEBSERVICE/RTD）', DDE: '启动程序（DDE）', HYPERLINK: '外部链接（HYPERLINK）', LINK: '引用其他工作簿',
  };
  if (result.live.length > 0) {
    lines.push(`已把${result.live.length}个会连到工作簿以外的公式替换为数值：${result.live.map((l) => `${l.cell} ${kinds[l.kind]}`).join('、')}`);
  }
  if (result.externalLinks.length > 0) {
    const what: Record<FreezeResult['externalLinks'][number]['kind'], string> = { DDE: 'DDE 链接', OLE: 'OLE 链接', workbook: '链接到工作簿' };
    lines.push(`已去掉${result.externalLinks.length}个外部链接：${result.externalLinks.map((l) => `${what[l.kind]}“${l.target}”`).join('、')}`);
  }
  if (result.linkNames.length > 0) lines.push(`已删除指向外部链接的名称：${result.linkNames.join('、')}`);
  if (result.macros === 'dropped') lines.push('已去掉宏（VBA 工程），副本为普通 .xlsx 工作簿；如需保留请加 --keep-macros');
  if (result.macros === 'kept') lines.push('按 --keep-macros 保留了宏，副本为 .xlsm：收件人打开时 Excel 会提示启用宏');
  if (result.unsafeEntries.length > 0) lines.push(`未复制${result.unsafeEntries.length}个名称不安全的压缩包条目：${result.unsafeEntries.join('、')}`);
  if (result.uncached.length > 0) {
    lines.push(
      `提示：以下单元格的 ZG.* 公式在原工作簿中没有算出结果，副本中为空白或 #NAME?：${result.uncached.join('、')}`,
      '      请在装有整改台账助手的 Excel 中打开原工作簿、重新计算并保存后，再生成发送副本。',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** `ledger freeze …`; throws CliError for the caller (src/cli/ledger.ts) to print and exit with. */
export async function runFreeze(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(FREEZE_HELP);
    return 0;
  }
  const opts = parseFreezeArgs(args);
  const bytes = readWorkbook(opts.file, io);
  const result = freezeZgFormulas(bytes, path.basename(opts.file), { keepMacros: opts.keepMacros });
  if (isLedgerError(result)) throw new CliError(result.message, 2);
  // A package that still declares macros cannot be opened by Excel under .xlsx.
  if (result.macros === 'kept' && path.extname(opts.out).toLowerCase() !== '.xlsm') {
    throw new CliError(`保留宏的副本必须以 .xlsm 结尾，请把 -o 改为“${path.basename(opts.out).replace(/\.xls[xm]?$/i, '')}.xlsm”`, 1);
  }
  writeOutput(io, opts.out, result.bytes);
  io.out(freezeSummary(result, opts.file, opts.out));
  return 0;
}
