// The importer on report styles other than the three fixtures (texts written for this test in the
// family's other forms): a 反馈意见 with 一、/（一）/1. and no outcomes, a 通报 with 关于“…”问题的整改
// 方面, half-width (1) items, ①② measures and 整改情况： lines, and a 整改方案 with labelled fields.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importReport, toLedger } from '../../src/ledger/import';
import type { ImportResult } from '../../src/ledger/import';
import { isLedgerError } from '../../src/ledger/errors';

function load(name: string): ImportResult {
  const result = importReport(readFileSync(path.join(__dirname, 'texts', name), 'utf8'));
  if (isLedgerError(result)) throw new Error(result.message);
  return result;
}

describe('a 反馈意见 (problems, no outcomes)', () => {
  const r = load('feedback-zhenghe.txt');

  it('reads the round from the title and preamble', () => {
    expect(r.kind).toBe('feedback');
    expect(r.round).toMatchObject({
      org: '市自然资源和规划局党组',
      inspector: '市委第三巡察组',
      inspectionStart: '2023-04-06',
      inspectionEnd: '2023-06-05',
      feedbackDate: '2023-07-14',
      reportDate: '2023-07-14',
    });
  });

  it('takes the 1. items as problems under the （一） 方面, skipping 意见建议 and 问题线索', () => {
    expect(r.problems.map((p) => p.number)).toEqual(['1.', '2.', '3.', '1.', '2.', '1.', '2.', '3.']);
    expect(new Set(r.problems.map((p) => p.category)).size).toBe(3);
    expect(r.problems[0].category).toBe('贯彻落实党的路线方针政策和党中央决策部署有差距');
    expect(r.problems.some((p) => /意见建议|线索|提高政治站位/.test(p.finding))).toBe(false);
  });

  it('states no outcome for any problem and says so once', () => {
    expect(r.problems.every((p) => p.status === null && p.measures.length === 0 && p.deadline === null)).toBe(true);
    expect(r.warnings.filter((w) => w.code === 'noOutcome')).toHaveLength(1);
  });

  it('does not read a deadline from inside a finding ("应于2022年底前完成")', () => {
    expect(r.problems[2].finding).toContain('应于2022年底前完成');
    expect(r.problems[2].deadline).toBeNull();
  });

  it('becomes a ledger of unmarked problems without invented measures', () => {
    const ledger = toLedger(r);
    expect(ledger.problems.every((p) => p.status === '未标注')).toBe(true);
    expect(ledger.measures).toHaveLength(0);
  });
});

describe('a 通报 with （一）关于“…”问题的整改, (1) items, ①② measures and 整改情况： lines', () => {
  const r = load('tongbao-circled.txt');

  it('skips 一、整改工作组织情况 and 三、下一步工作打算 (their 一是/（一） are not problems)', () => {
    expect(r.problems).toHaveLength(8);
    expect(r.problems.some((p) => /回头看|长效机制/.test(p.finding))).toBe(false);
  });

  it.each([
    [0, '已完成', false, null, 3],
    [1, '正在推进', true, '2023-06-30', 2],
    [2, '已完成', false, null, 2],
    [3, '部分完成', false, '2023-03-31', 0],
    [4, '未启动', false, '2023-06-30', 0],
    [5, '已完成', false, null, 0],
    [6, '基本完成', false, null, 0],
    [7, '已完成', false, null, 0],
  ] as const)('problem %i: %s, 长期坚持 %s, deadline %s, %i measures', (i, status, longTerm, deadline, measures) => {
    const p = r.problems[i];
    expect(p.status).toBe(status);
    expect(p.longTerm).toBe(longTerm);
    expect(p.deadline).toBe(deadline);
    expect(p.measures).toHaveLength(measures);
    expect(p.category).toMatch(/^关于“/);
  });

  it('resolves "3月底前" against the report date 2023-02-20 and warns that the year was inferred', () => {
    expect(r.warnings.some((w) => w.code === 'yearInferred' && w.message.includes('3月底前'))).toBe(true);
  });

  it('reads the summary figures with label, value and unit, including 万元 and bare 个', () => {
    expect(r.figures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: '反馈问题总数', value: 8 }),
        expect.objectContaining({ label: '已完成问题数', value: 6, unit: '个' }),
        expect.objectContaining({ label: '整改完成率', value: 75, unit: '%' }),
        expect.objectContaining({ text: '收回清退违规资金4.01万元', label: '收回清退资金', value: 4.01, unit: '万元' }),
      ]),
    );
    expect(r.figures.some((f) => f.value === 127)).toBe(false); // a count inside a measure
  });
});

describe('a 整改方案 with labelled fields', () => {
  const r = load('fangan-fields.txt');

  it('reads 问题N： items, their measures, owners and 整改时限', () => {
    expect(r.kind).toBe('plan');
    expect(r.problems).toHaveLength(4);
    expect(r.problems[0]).toMatchObject({ deadline: '2023-06-30', deadlineText: '2023年6月底前', status: null });
    expect(r.problems[0].measures[0]).toMatchObject({ leader: '张某某', unit: '办公室' });
    expect(r.problems[1].measures).toHaveLength(2);
    expect(r.problems[1]).toMatchObject({ deadline: '2023-03-10', deadlineText: '立行立改' });
    expect(r.problems[2]).toMatchObject({ longTerm: true, deadline: null });
  });

  it('flags a vague 整改时限 for a person to confirm', () => {
    expect(r.problems[3].deadline).toBeNull();
    expect(r.warnings.some((w) => w.code === 'deadlineUnresolved' && w.message.includes('近期'))).toBe(true);
  });

  it('puts the leader and unit on the problem row', () => {
    const ledger = toLedger(r);
    expect(ledger.problems[0]).toMatchObject({ leader: '张某某', leadUnit: '办公室' });
    expect(ledger.measures[0]).toMatchObject({ deadline: '2023-06-30', unit: '办公室' });
  });
});
