// 催办: which units get a 督办提醒, in what order, and what it says.
import { reminderDrafts, reminders, reminderText } from './remind';
import type { Ledger, MeasureRow } from '../types';

const m = (id: string, unit: string, deadline: string | null, over: Partial<MeasureRow> = {}): MeasureRow => ({
  id, problemId: 'P001', text: '修订应急预案并组织演练。', leader: '', unit, coUnits: '', owner: '', deadlineText: '', deadline, status: '正在推进',
  longTerm: false, doneDate: null, progress: '', evidence: '', closeState: '未申请', closeDate: null, note: '', ...over,
});

const LEDGER: Ledger = {
  round: { org: '中共清源县卫生健康委员会党组', inspector: '', kind: '', start: null, end: null, feedback: null, months: 3, asOf: null },
  problems: [],
  measures: [
    m('P001-M01', '疾病预防控制科', '2026-11-11'),
    m('P001-M02', '疾病预防控制科、办公室', '2026-12-10'),
    m('P001-M03', '办公室', '2026-12-01', { status: '已完成', doneDate: '2026-11-30' }),
    m('P001-M04', '财务科', '2027-03-31'),
    m('P001-M05', '人事科', null, { longTerm: true }),
  ],
};

test.each([
  [7, [['疾病预防控制科', ['P001-M01', -25, '红'], ['P001-M02', 4, '黄']], ['办公室', ['P001-M02', 4, '黄']]]],
  [3, [['疾病预防控制科', ['P001-M01', -25, '红']]]],
])('within %i days', (days, expected) => {
  const list = reminders(LEDGER, { asOf: '2026-12-06', days });
  expect(list.map((r) => [r.unit, ...r.items.map((i) => [i.id, i.days, i.light])])).toEqual(expected);
});

test('the text says unit, items, deadline in words, days and light', () => {
  const [first] = reminders(LEDGER, { asOf: '2026-12-06' });
  const text = reminderText(first, LEDGER, '2026-12-06');
  expect(text).toContain('疾病预防控制科：');
  expect(text).toContain('截至2026年12月6日，你单位牵头负责的整改措施中已逾期1条、临近整改时限1条');
  expect(text).toContain('1. P001-M01 修订应急预案并组织演练。（截止日期：2026年11月11日，已逾期25天，红灯）');
  expect(text).toContain('2. P001-M02 修订应急预案并组织演练。（截止日期：2026年12月10日，还剩4天，黄灯）');
  expect(text).toContain('中共清源县卫生健康委员会党组巡察整改工作领导小组办公室');
  expect(reminderDrafts([first], LEDGER, '2026-12-06')[0].blocks[0]).toEqual({ kind: 'title', text: '督办提醒' });
});
