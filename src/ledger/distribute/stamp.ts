// The stamp a distributed file carries (which ledger, which recipient, which day) and the 底稿: the
// values each measure had when the file was made. Collect compares three values per cell — the
// 底稿, the returned file, the ledger now — so it can tell a department's change from the ledger's
// own change since distribution (a conflict), and a second collect of the same file from a first.
import type { IsoDate, MeasureRow, Round } from '../types';
import { changeText, MEASURE_LABELS } from '../ledger-diff';
import type { SplitBy } from './split';

/** Bumped when the stamp's meaning changes; collect refuses a version it does not know. */
export const STAMP_VERSION = '1';

export type DistStamp = {
  version: string;
  /** ledgerKey(round) of the ledger the file was cut from. */
  ledgerKey: string;
  /** The round in words, for the message when a file belongs to another ledger. */
  org: string;
  inspector: string;
  feedback: IsoDate | null;
  by: SplitBy;
  /** The 责任单位 (or 责任领导 / 责任人) the file was made for. */
  unit: string;
  /** The day the file was made. */
  date: IsoDate;
  /** 回收截止日期, when one was given. */
  due: IsoDate | null;
};

/** A measure's cells as text, field by field: what the 底稿 stores and what collect compares. */
export type BaseRow = Record<keyof MeasureRow, string>;

export const MEASURE_FIELDS = Object.keys(MEASURE_LABELS) as (keyof MeasureRow)[];

export function baseRowOf(m: MeasureRow): BaseRow {
  const out = {} as BaseRow;
  for (const f of MEASURE_FIELDS) out[f] = canonical(f, m[f]);
  return out;
}

/** One text per value: dates ISO, flags 是/否, multi-line text with trimmed lines and \n breaks. */
export function canonical(field: keyof MeasureRow, value: unknown): string {
  const text = changeText(value);
  if (field === 'progress' || field === 'evidence' || field === 'text' || field === 'note') {
    return text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
  }
  return text.trim();
}

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/**
 * The identity of a ledger: its round (被巡察单位, 巡察组, 巡察类型, 反馈日期), hashed. Measure ids
 * repeat across ledgers (every ledger has P001-M01), so they cannot tell two ledgers apart; the
 * round can, and a collect never changes it, so a merged ledger keeps its key.
 */
export function ledgerKey(round: Pick<Round, 'org' | 'inspector' | 'kind' | 'feedback'>): string {
  const text = [round.org, round.inspector, round.kind, round.feedback ?? ''].map(norm).join('|');
  // Two independent 32-bit FNV-1a hashes (different offsets): 64 bits, no collision in practice.
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  return `ZG-${fnv(0x811c9dc5)}${fnv(0x050c5d1f)}`;
}

/** The stamp's rows as label → value, the order they are written in the file. */
export const STAMP_LABELS = {
  version: '格式版本', ledgerKey: '台账标识', org: '被巡察单位', inspector: '巡察组', feedback: '反馈日期',
  by: '分发依据', unit: '分发对象', date: '分发日期', due: '回收截止日期',
} as const satisfies Record<keyof DistStamp, string>;

export function stampRows(stamp: DistStamp): [string, string][] {
  return (Object.keys(STAMP_LABELS) as (keyof DistStamp)[]).map((k) => [STAMP_LABELS[k], stamp[k] ?? '']);
}

/** The stamp from its label → value rows; null when a part that identifies the file is missing. */
export function stampFromRows(rows: ReadonlyMap<string, string>): DistStamp | null {
  const get = (k: keyof DistStamp) => (rows.get(STAMP_LABELS[k]) ?? '').trim();
  const by = get('by');
  const stamp: DistStamp = {
    version: get('version'), ledgerKey: get('ledgerKey'), org: get('org'), inspector: get('inspector'),
    feedback: get('feedback') || null, by: (by === '责任领导' || by === '责任人' ? by : '责任单位'), unit: get('unit'),
    date: get('date'), due: get('due') || null,
  };
  if (!stamp.ledgerKey || !stamp.unit || !/^\d{4}-\d{2}-\d{2}$/.test(stamp.date)) return null;
  return stamp;
}
