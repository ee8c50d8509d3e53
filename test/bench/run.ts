// npm run bench [-- --json] [-- --cells N] [-- --no-hyperformula]
// The ZG.* functions against the floor and HyperFormula (./functions), then the task pane render
// bench (./pane), the importer bench (./import), the workbook-file bench (./xlsx), the bench of
// the page over a file (./page) and LibreOffice opening generated ledgers with recalculation on vs
// off (./libreoffice) when those files exist.
import { benchFunctions, type FunctionBench } from './functions';

type Options = { json: boolean; cells: number; hyperFormula: boolean };
type SubBench = { run(opts: { json: boolean }): Promise<Record<string, unknown>> };

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { json: false, cells: 1_000_000, hyperFormula: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--no-hyperformula') options.hyperFormula = false;
    else if (arg === '--cells' || arg.startsWith('--cells=')) {
      const value = arg.includes('=') ? arg.slice('--cells='.length) : argv[++i];
      const cells = Number(value);
      if (!Number.isInteger(cells) || cells < 10) throw new Error(`--cells needs a whole number ≥ 10, got ${value}`);
      options.cells = cells;
    } else throw new Error(`unknown option ${arg} (use --json, --cells N, --no-hyperformula)`);
  }
  return options;
}

/** Runs ./pane or ./import when present; a missing file is a note, any other failure an error entry. */
/** The sub-benches, each a file beside this one, run in this order and reported under its name. */
const SUB_BENCHES = ['pane', 'import', 'xlsx', 'distribute', 'page', 'libreoffice'] as const;

async function runSubBench(name: (typeof SUB_BENCHES)[number], json: boolean): Promise<Record<string, unknown>> {
  let mod: SubBench;
  try {
    mod = (await import(`./${name}`)) as SubBench;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/Cannot find module|ERR_MODULE_NOT_FOUND/.test(message)) return { skipped: `test/bench/${name}.ts not present` };
    return { error: message };
  }
  try {
    return await mod.run({ json });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function table(results: readonly FunctionBench[]): string {
  const head = ['function', 'cells', 'ours ms', 'floor ms', 'HyperFormula ms', 'vs floor', 'vs HyperFormula', 'minor GCs', 'agrees'];
  const rows = results.map((r) => [
    r.name,
    String(r.cells),
    r.ms.toFixed(2),
    r.floorMs.toFixed(2),
    r.hyperFormulaMs === null ? '—' : r.hyperFormulaMs.toFixed(0),
    `${r.overheadVsFloor.toFixed(2)}×`,
    r.speedupVsHyperFormula === null ? '—' : `${r.speedupVsHyperFormula.toFixed(0)}× faster`,
    String(r.minorGcsPerRun),
    r.agrees ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const log = options.json ? () => undefined : (line: string) => process.stderr.write(`${line}\n`);
  const results = await benchFunctions({ cells: options.cells, hyperFormula: options.hyperFormula, log });
  const subs: Record<string, Record<string, unknown>> = {};
  for (const name of SUB_BENCHES) subs[name] = await runSubBench(name, options.json);
  const targets = {
    ratesWithin1_5xOfFloor: results.filter((r) => ['COMPLETIONRATE', 'LONGTERMSHARE', 'OVERDUE', 'ONTIMERATE'].includes(r.name)).every((r) => r.overheadVsFloor <= 1.5),
    allAtLeast10xFasterThanHyperFormula: options.hyperFormula ? results.every((r) => (r.speedupVsHyperFormula ?? 0) >= 10) : null,
    allAgree: results.every((r) => r.agrees),
  };
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ cells: options.cells, results, targets, node: process.version, ...subs })}\n`);
    return;
  }
  process.stdout.write(`ZG functions over ${options.cells.toLocaleString('en')} rows per column (median of 9 runs, ours and the floor alternating; HyperFormula: one formula evaluation)\n\n`);
  process.stdout.write(`${table(results)}\n\n`);
  process.stdout.write(`targets: ${JSON.stringify(targets)}\n`);
  for (const [name, result] of Object.entries(subs)) process.stdout.write(`${name}: ${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
