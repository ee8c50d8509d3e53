// 问题编号 that a COUNTIFS criterion or a MATCH would misread — wildcards (* ? ~), operators (= < >),
// numbers written two ways, the ! the sheet's match key escapes with — and a 问题编号 given twice,
// on the sample's problems and their measures (rolled up, so only the matching matters). The 整改统计
// sheet must link each measure to exactly its own problem, in every engine.
import { rollUpAll } from '../../src/ledger/rollup';
import type { IsoDate, Ledger } from '../../src/ledger/types';
import { sampleLedger } from '../../src/workbook/sample';

export const ODD_IDS: Readonly<Record<string, string>> = {
  P001: 'P*1', P002: 'P?1', P003: '=1', P004: '1', P005: '01', P006: '~1', P007: '<>P',
  P008: '=1+1', P009: '县*局', P010: '县!s局', P011: '<待定>', P012: '~局',
};

export function oddIdLedger(asOf: IsoDate): Ledger {
  const l = sampleLedger(asOf);
  const rename = (id: string) => ODD_IDS[id] ?? id;
  const problems = l.problems.map((p) => ({ ...p, id: rename(p.id) }));
  // 问题编号 “~1” entered twice (a ledger kept by hand), the second time under another 问题类别.
  const twice = problems.find((p) => p.id === '~1')!;
  return rollUpAll({
    ...l,
    problems: [...problems, { ...twice, category: problems[0].category, description: `${twice.description}（重复登记）` }],
    measures: l.measures.map((m) => ({ ...m, id: `${rename(m.problemId)}${m.id.slice(4)}`, problemId: rename(m.problemId) })),
  });
}
