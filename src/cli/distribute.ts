// `ledger distribute 台账.xlsx -o 文件夹 [--by 责任单位|责任领导|责任人] [--as-of D] [--due D]`:
// one fillable .xlsx per recipient (DESIGN §13). Prints one line per file: name, measures.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { SPLIT_BYS, type SplitBy } from '../ledger/distribute/split';
import { CliError, writeOutput, type CliIo } from './io';
import { isoOption, readInputLedger } from './ledgerFile';

export const DISTRIBUTE_HELP = `用法：
  npm run --silent ledger -- distribute <台账.xlsx> -o <文件夹> [--by 责任单位|责任领导|责任人] [--as-of YYYY-MM-DD] [--due YYYY-MM-DD]

按责任单位（或责任领导、责任人）把整改台账拆成多个填报文件，每个单位一个 .xlsx：只含该单位的措施和
对应问题，附“填报说明”；整改状态、整改进展、完成日期、佐证材料、销号状态五列可以填写，其他内容
已锁定（无密码，只防误改）。一条措施的责任单位写了几个单位（用“、”“，”“；”分隔）的，每个单位都会收到。
填好交回的文件用 collect 命令合并回台账。
选项：
  -o, --out <文件夹>  写出的文件夹（不存在时新建）
  --by <列>           按哪一列分发，默认“责任单位”
  --as-of <日期>      判断逾期、临期的日期，默认今天
  --due <日期>        回收截止日期，写进填报说明
`;

type Args = { file: string; out: string; by: SplitBy; asOf: string | null; due: string | null };

function parseArgs(args: readonly string[]): Args {
  let file: string | null = null;
  let out: string | null = null;
  let by: SplitBy = '责任单位';
  let asOf: string | null = null;
  let due: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--out') {
      out = args[++i] ?? null;
      if (!out) throw new CliError('“-o”后面要写文件夹名，例如：-o 分发文件', 1);
    } else if (a === '--by') {
      const v = args[++i] ?? '';
      if (!(SPLIT_BYS as readonly string[]).includes(v)) throw new CliError(`“--by”只能是 ${SPLIT_BYS.join('、')}`, 1);
      by = v as SplitBy;
    } else if (a === '--as-of') asOf = isoOption(args, ++i, '--as-of');
    else if (a === '--due') due = isoOption(args, ++i, '--due');
    else if (a.startsWith('-')) throw new CliError(`不认识的选项“${a}”，请用 --help 查看用法`, 1);
    else if (file === null) file = a;
    else throw new CliError(`多余的参数“${a}”：一次分发一个台账`, 1);
  }
  if (!file) throw new CliError('请指定台账文件，例如：npm run --silent ledger -- distribute 台账.xlsx -o 分发文件', 1);
  if (!out) throw new CliError('请用 -o 指定写出的文件夹，例如：-o 分发文件', 1);
  return { file, out, by, asOf, due };
}

export async function runDistribute(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(DISTRIBUTE_HELP);
    return 0;
  }
  const opts = parseArgs(args);
  const { ledger } = readInputLedger(io, opts.file);
  if (existsSync(opts.out) && !statSync(opts.out).isDirectory()) throw new CliError(`“${opts.out}”是文件，-o 要写一个文件夹`, 1);
  mkdirSync(opts.out, { recursive: true });
  const { distributeLedger } = await import('../workbook/distributeXlsx');
  const today = io.today();
  const { files, unassigned } = await distributeLedger(ledger, { by: opts.by, asOf: opts.asOf ?? today, date: today, due: opts.due });
  if (files.length === 0) throw new CliError(`台账中没有填写${opts.by}的措施，没有可分发的文件`, 2);
  for (const f of files) {
    writeOutput(io, path.join(opts.out, f.fileName), f.bytes);
    io.out(`${f.fileName}\t${f.measures}条措施\n`);
  }
  if (unassigned.length > 0) {
    io.err(`有${unassigned.length}条措施没有填写${opts.by}，未分发（如${unassigned.slice(0, 3).map((m) => m.id).join('、')}）\n`);
  }
  io.err(`已写出${files.length}个文件到 ${opts.out}\n`);
  return 0;
}
