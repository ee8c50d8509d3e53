// `ledger remind 台账.xlsx [--as-of D] [--days N] [-o 督办提醒.docx]`: for each 责任单位 with
// overdue or due-soon measures, a 督办提醒 as text (stdout) and, with -o, one .docx, a page per unit.
import { reminderDrafts, reminders, reminderText } from '../ledger/distribute/remind';
import { CliError, writeOutput, type CliIo } from './io';
import { isoOption, readInputLedger } from './ledgerFile';

export const REMIND_HELP = `用法：
  npm run --silent ledger -- remind <台账.xlsx> [--as-of YYYY-MM-DD] [--days N] [-o 督办提醒.docx]

为有逾期或临期措施的每个责任单位生成一份督办提醒（措施编号、截止日期、逾期或剩余天数、红黄灯），
在屏幕上输出，可直接复制到邮件或工作群；用 -o 另存为 Word 文档，每个单位一页（公文正文格式）。
选项：
  --as-of <日期>  统计截止日期，默认今天
  --days <N>      截止日期前 N 天内算临期（黄灯），默认 7
  -o <文件.docx>  同时写出 Word 文档
`;

export async function runRemind(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(REMIND_HELP);
    return 0;
  }
  let file: string | null = null;
  let asOf: string | null = null;
  let days = 7;
  let out: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--as-of') asOf = isoOption(args, ++i, '--as-of');
    else if (a === '--days') {
      days = Number(args[++i]);
      if (!Number.isInteger(days) || days < 0 || days > 365) throw new CliError('“--days”后面要写0到365的整数天数', 1);
    } else if (a === '-o' || a === '--out') {
      out = args[++i] ?? null;
      if (!out || !out.toLowerCase().endsWith('.docx')) throw new CliError('“-o”后面要写 .docx 文件名，例如：-o 督办提醒.docx', 1);
    } else if (a.startsWith('-')) throw new CliError(`不认识的选项“${a}”，请用 --help 查看用法`, 1);
    else if (file === null) file = a;
    else throw new CliError(`多余的参数“${a}”`, 1);
  }
  if (!file) throw new CliError('请指定台账文件，例如：npm run --silent ledger -- remind 台账.xlsx', 1);
  const { ledger } = readInputLedger(io, file);
  const day = asOf ?? ledger.round.asOf ?? io.today();
  const list = reminders(ledger, { asOf: day, days });
  if (list.length === 0) {
    io.out('没有逾期或临期的整改措施，无需催办。\n');
    return 0;
  }
  io.out(`${list.map((r) => reminderText(r, ledger, day)).join('\n\n——————\n\n')}\n`);
  if (out) {
    const { buildDocx } = await import('../ledger/report/docx');
    writeOutput(io, out, await buildDocx(reminderDrafts(list, ledger, day), (w) => io.err(`提示：${w.message}\n`)));
    io.err(`已写出 ${out}：${list.length}个单位，每个单位一页\n`);
  }
  return 0;
}
