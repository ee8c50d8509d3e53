// `ledger collect 台账.xlsx 回收文件.xlsx… -o 合并后.xlsx [--json]`: merges what departments sent
// back into the ledger (DESIGN §13). Plain changes are applied with 变更记录 lines naming the
// source; conflicts keep the ledger's value; everything not applied is listed with its reason.
// Exit codes: 0 done; 1 usage or the ledger cannot be read; 2 some file was refused (others merged).
import path from 'node:path';
import { collectUnattended, type CollectInput } from '../ledger/distribute/report';
import { isLedgerError, ledgerError } from '../ledger/errors';
import { readReturnedFile } from '../workbook/xlsx/readReturned';
import { CliError, writeOutput, type CliIo } from './io';

export const COLLECT_HELP = `用法：
  npm run --silent ledger -- collect <台账.xlsx> <回收文件.xlsx>… -o <合并后.xlsx> [--json]

把各单位填好交回的分发文件合并回整改台账：按措施编号核对，只采用整改状态、整改进展（新增的记录）、
完成日期、佐证材料、销号状态（未申请→已申请）的填报，并在“变更记录”中注明来源单位和文件。
不采用并列出原因的：锁定列的改动、其他台账或其他单位的文件、台账中没有的措施编号、分发后台账
自己也改过的内容（冲突：保留台账的值，可在任务窗格中逐条选择）、单位新增的措施（作为建议列出）。
同一个文件合并两次，第二次不会再改动台账。
选项：
  -o, --out <文件>  合并后的台账（不能与任何输入文件同名）
  --json            以 JSON 输出：{"applied":[…],"rejected":[…],"files":[…]}
`;

type Args = { ledger: string; files: string[]; out: string; json: boolean };

function parseArgs(args: readonly string[]): Args {
  const positional: string[] = [];
  let out: string | null = null;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--out') {
      out = args[++i] ?? null;
      if (!out) throw new CliError('“-o”后面要写合并后的台账文件名，例如：-o 合并后.xlsx', 1);
    } else if (a === '--json') json = true;
    else if (a.startsWith('-')) throw new CliError(`不认识的选项“${a}”，请用 --help 查看用法`, 1);
    else positional.push(a);
  }
  const [ledger, ...files] = positional;
  if (!ledger || files.length === 0) throw new CliError('请指定台账和交回的文件，例如：npm run --silent ledger -- collect 台账.xlsx 办公室.xlsx -o 合并后.xlsx', 1);
  if (!out) throw new CliError('请用 -o 指定合并后的台账文件，例如：-o 合并后.xlsx', 1);
  if (path.extname(out).toLowerCase() !== '.xlsx') throw new CliError(`输出文件名要以 .xlsx 结尾：${out}`, 1);
  const same = [ledger, ...files].find((f) => path.resolve(f) === path.resolve(out));
  if (same) throw new CliError(`-o 不能是输入文件（${same}）：请另起一个文件名，原台账保持不变`, 1);
  return { ledger, files, out, json };
}

export async function runCollect(args: readonly string[], io: CliIo & { now?: () => Date }): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(COLLECT_HELP);
    return 0;
  }
  const opts = parseArgs(args);
  let ledgerBytes: Uint8Array;
  try {
    ledgerBytes = io.readFile(opts.ledger);
  } catch {
    throw new CliError(`找不到文件或无法读取：${opts.ledger}`, 1);
  }
  // The file store edits the package in place: every sheet, style and part the collect does not
  // change — the 整改统计 sheet, columns and sheets users added — stays as it was.
  const { openFileStore } = await import('../workbook/xlsxStore/fileStore');
  const store = openFileStore(ledgerBytes, path.basename(opts.ledger), { now: io.now });
  if (isLedgerError(store)) throw new CliError(`${path.basename(opts.ledger)}：${store.message}`, 1);
  const inputs: CollectInput[] = opts.files.map((file) => {
    const name = path.basename(file);
    let bytes: Uint8Array;
    try {
      bytes = io.readFile(file);
    } catch {
      return { fileName: name, error: ledgerError('notXlsx', name) };
    }
    const read = readReturnedFile(bytes, name);
    return isLedgerError(read) ? { fileName: name, error: read } : read;
  });
  const { json } = await collectUnattended(store, inputs, io.today());
  writeOutput(io, opts.out, store.save().bytes);
  const refused = json.files.filter((f) => f.status === 'refused').length;
  if (opts.json) io.out(`${JSON.stringify(json, null, 2)}\n`);
  else {
    const lines: string[] = [];
    for (const f of json.files) {
      const applied = json.applied.filter((a) => a.file === f.file);
      const rejected = json.rejected.filter((r) => r.file === f.file);
      const head = f.status === 'refused' ? '✗' : '✓';
      lines.push(`${head} ${f.file}${f.unit ? `（${f.unit}）` : ''}：采用${applied.length}项，未采用${rejected.length}项`);
      for (const a of applied) lines.push(`    ${a.id} ${a.field}：“${a.from}” → “${a.to}”`.replace(/\n/g, ' / '));
      for (const r of rejected) lines.push(`    未采用：${r.reason}`);
    }
    io.out(`${lines.join('\n')}\n`);
  }
  io.err(`已写出 ${opts.out}：采用${json.applied.length}项修改${refused > 0 ? `，${refused}个文件未回收` : ''}\n`);
  return refused > 0 ? 2 : 0;
}
