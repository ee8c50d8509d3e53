// Issue 15's two outcome rates over every text the project has: where a report states an outcome,
// does the import agree on done / not done (target ≥ 85%); where it states none, how often is the
// problem called done anyway (the costly error; target ≤ 5%).
export type OutcomePair = { expected: string | null; found: string | null };

export type OutcomeRates = {
  stated: number;
  agree: number;
  unstated: number;
  falseDone: number;
};

const isDone = (s: string | null) => s === '已完成';

export function outcomeRates(pairs: readonly OutcomePair[]): OutcomeRates {
  const rates: OutcomeRates = { stated: 0, agree: 0, unstated: 0, falseDone: 0 };
  for (const p of pairs) {
    if (p.expected === null) {
      rates.unstated++;
      if (isDone(p.found)) rates.falseDone++;
    } else {
      rates.stated++;
      // A problem not found, or found with no outcome, does not agree (it is not "not done").
      if (p.found !== null && isDone(p.found) === isDone(p.expected)) rates.agree++;
    }
  }
  return rates;
}

export function addRates(all: readonly OutcomeRates[]): OutcomeRates {
  return all.reduce((a, b) => ({ stated: a.stated + b.stated, agree: a.agree + b.agree, unstated: a.unstated + b.unstated, falseDone: a.falseDone + b.falseDone }), { stated: 0, agree: 0, unstated: 0, falseDone: 0 });
}

/** "37/41 (90.2%)" or "—" when there is nothing to rate. */
export function formatRate(part: number, whole: number): string {
  return whole === 0 ? '—' : `${part}/${whole} (${((part / whole) * 100).toFixed(1)}%)`;
}

/** Gold status codes (fixtures README) as the ledger status they mean, for the rates. */
export function goldStatus(code: string): string | null {
  if (code === 'done' || code === 'done_long_term') return '已完成';
  if (code === 'unknown') return null;
  return code === 'not_started' ? '未启动' : '正在推进';
}
