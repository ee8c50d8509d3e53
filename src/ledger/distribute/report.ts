// 回收 without a person to ask (the command line, scripts): each file is compared with the ledger
// as the files before it left it, its plain changes are applied through the store, conflicts keep
// the ledger's value, and everything is reported in the shape `collect --json` prints.
import { MEASURE_LABELS } from '../ledger-diff';
import type { LedgerError } from '../errors';
import type { LedgerStore } from '../store';
import type { IsoDate } from '../types';
import { consistentChoice } from './apply';
import { conflictRejection, diffReturned, refusedFile, type CollectStatus, type FileDiff, type ReturnedFile } from './collect';

export type CollectJson = {
  applied: { file: string; unit: string; id: string; field: string; from: string; to: string }[];
  rejected: { file: string; id: string; field: string; reason: string }[];
  files: { file: string; unit: string; status: CollectStatus }[];
};

export type CollectInput = ReturnedFile | { fileName: string; error: LedgerError };

export async function collectUnattended(
  store: Pick<LedgerStore, 'load' | 'applyCollected'>, inputs: readonly CollectInput[], today: IsoDate,
): Promise<{ json: CollectJson; diffs: FileDiff[]; changed: number }> {
  const json: CollectJson = { applied: [], rejected: [], files: [] };
  const diffs: FileDiff[] = [];
  let changed = 0;
  for (const input of inputs) {
    const diff = 'error' in input ? refusedFile(input.fileName, '', input.error) : diffReturned(await store.load(), input, today);
    const plain = diff.changes.filter((c) => c.kind === 'apply');
    const accepted = consistentChoice(plain, diff.changes);
    if (accepted.length > 0) changed += (await store.applyCollected(accepted)).changed;
    const rejected = [...diff.rejected, ...diff.changes.filter((c) => c.kind === 'conflict').map(conflictRejection)];
    json.applied.push(...accepted.map((c) => ({ file: c.file, unit: c.unit, id: c.id, field: MEASURE_LABELS[c.field], from: c.from, to: c.to })));
    json.rejected.push(...rejected.map((r) => ({ file: r.file, id: r.id, field: r.field, reason: r.reason.message })));
    const status: CollectStatus = diff.status === 'refused' ? 'refused' : accepted.length > 0 ? 'changes' : 'unchanged';
    json.files.push({ file: diff.file, unit: diff.unit, status });
    diffs.push(diff);
  }
  return { json, diffs, changed };
}
