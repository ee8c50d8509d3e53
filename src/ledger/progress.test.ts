import fc from 'fast-check';
import {
  extensionDetail,
  formatEntry,
  formatProgress,
  latestSubstantive,
  latestWorkflow,
  parseExtension,
  parseProgress,
  prependEntry,
  substantiveEntries,
  WORKFLOW_TAGS,
  type ProgressEntry,
  type WorkflowAction,
} from './progress';

describe('reading one line of 整改进展', () => {
  test.each<[string, ProgressEntry]>([
    // Substantive progress as people type it.
    ['2026-10-12：已完成9个项目审计，剩余3个项目因资料不全暂缓。', { kind: 'progress', date: '2026-10-12', text: '已完成9个项目审计，剩余3个项目因资料不全暂缓。' }],
    ['2026-1-6: 印发工作方案', { kind: 'progress', date: '2026-01-06', text: '印发工作方案' }],
    ['2026/11/5：召开专题会议', { kind: 'progress', date: '2026-11-05', text: '召开专题会议' }],
    ['2026年3月15日：完成自查', { kind: 'progress', date: '2026-03-15', text: '完成自查' }],
    ['已召开专题会议', { kind: 'progress', date: null, text: '已召开专题会议' }],
    // A progress text that merely mentions 销号 is still progress.
    ['2026-11-01：对照销号标准逐项自查', { kind: 'progress', date: '2026-11-01', text: '对照销号标准逐项自查' }],
    // An impossible date is no date: the line is text.
    ['2026-02-30：补充材料', { kind: 'progress', date: null, text: '2026-02-30：补充材料' }],
    // Workflow entries with the 【】 marker.
    ['2026-11-10：【申请销号】佐证材料：自查报告；清退凭证', { kind: 'workflow', date: '2026-11-10', action: 'closeApply', detail: '佐证材料：自查报告；清退凭证' }],
    ['2026-11-12：【销号退回】理由：佐证材料不完整', { kind: 'workflow', date: '2026-11-12', action: 'closeReject', detail: '理由：佐证材料不完整' }],
    ['2026-11-20：【同意销号】', { kind: 'workflow', date: '2026-11-20', action: 'closeApprove', detail: '' }],
    ['2026-12-01：【分发】发往财务科', { kind: 'workflow', date: '2026-12-01', action: 'distribute', detail: '发往财务科' }],
    ['2026-12-08：【回收】财务科回报', { kind: 'workflow', date: '2026-12-08', action: 'collect', detail: '财务科回报' }],
    // An unknown tag is a person's text.
    ['2026-12-08：【重要】召开推进会', { kind: 'progress', date: '2026-12-08', text: '【重要】召开推进会' }],
    // What the add-in wrote before the marker (the sample ledger and every older workbook).
    ['2026-11-10：申请销号，佐证材料：自查报告；清退凭证', { kind: 'workflow', date: '2026-11-10', action: 'closeApply', detail: '佐证材料：自查报告；清退凭证' }],
    ['2026-11-17：已销号', { kind: 'workflow', date: '2026-11-17', action: 'closeApprove', detail: '' }],
    ['2026-12-01：销号申请被退回：佐证材料不完整，请补充修订后制度的印发文件。', { kind: 'workflow', date: '2026-12-01', action: 'closeReject', detail: '理由：佐证材料不完整，请补充修订后制度的印发文件。' }],
    ['2026-12-03：申请延期至2027年4月底前：需待年度预算批复后实施（原时限2027年2月底前）。', { kind: 'workflow', date: '2026-12-03', action: 'extendApply', detail: '新时限：2027年4月底前；原时限：2027年2月底前；理由：需待年度预算批复后实施' }],
    ['2026-12-03：申请延期至2027-03-31', { kind: 'workflow', date: '2026-12-03', action: 'extendApply', detail: '新时限：2027-03-31' }],
  ])('%s', (line, entry) => {
    expect(parseProgress(line)).toEqual([entry]);
  });
});

describe('a whole cell', () => {
  const cell = [
    '2026-12-03：【申请延期】新时限：2027年4月底前（2027-04-30）；原时限：2027年2月底前；理由：需待年度预算批复',
    '2026-11-20：已完成9个项目审计',
    '剩余3个项目因资料不全暂缓',
    '',
    '2026-10-01：委托第三方审计机构进场',
  ].join('\n');

  test('entries newest first; an undated line continues the entry above', () => {
    expect(parseProgress(cell).map((e) => [e.kind, e.date])).toEqual([['workflow', '2026-12-03'], ['progress', '2026-11-20'], ['progress', '2026-10-01']]);
    expect(substantiveEntries(cell)[0].text).toBe('已完成9个项目审计\n剩余3个项目因资料不全暂缓');
    expect(latestSubstantive(cell)).toBe('已完成9个项目审计\n剩余3个项目因资料不全暂缓');
    expect(latestSubstantive('2026-11-17：已销号\n2026-11-10：申请销号，佐证材料：纪要')).toBe('');
    expect(latestSubstantive('')).toBe('');
  });

  test('the pending 延期 request can be read back', () => {
    const request = latestWorkflow(cell, ['extendApply']);
    expect(request && parseExtension(request.detail)).toEqual({ deadlineText: '2027年4月底前', deadline: '2027-04-30', previous: '2027年2月底前', reason: '需待年度预算批复' });
    expect(latestWorkflow(cell, ['closeApply'])).toBeNull();
  });

  test('prepending keeps the lines already there as they were typed', () => {
    const old = '2026-1-6: 印发工作方案\n已召开专题会议';
    expect(prependEntry(old, { kind: 'workflow', date: '2026-12-01', action: 'distribute', detail: '发往\n财务科' })).toBe(`2026-12-01：【分发】发往 财务科\n${old}`);
    expect(prependEntry('  ', { kind: 'progress', date: '2026-12-01', text: ' 完成整改 ' })).toBe('2026-12-01：完成整改');
  });

  test('a reason may hold ；, an extension without a date or previous deadline', () => {
    const x = { deadlineText: '长期坚持', deadline: null, previous: '', reason: '涉及制度修订；需上级批复' };
    expect(extensionDetail(x)).toBe('新时限：长期坚持；理由：涉及制度修订；需上级批复');
    expect(parseExtension(extensionDetail(x))).toEqual(x);
    // A date without a phrase is written, and read back, as the 整改时限 text too.
    expect(parseExtension(extensionDetail({ deadlineText: '', deadline: '2027-03-31', previous: '2026年12月底前', reason: '' }))).toEqual({
      deadlineText: '2027-03-31', deadline: '2027-03-31', previous: '2026年12月底前', reason: '',
    });
  });
});

describe('properties', () => {
  const actions = Object.keys(WORKFLOW_TAGS) as WorkflowAction[];
  const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  // One-line texts a person could type that do not themselves look like a dated line or a tag.
  const text = fc
    .string({ minLength: 1, maxLength: 30 })
    .map((s) => s.replace(/[\r\n【】]/g, ' ').trim())
    .filter((s) => s !== '' && !/^\d{4}\s*[-/.年]/.test(s) && !/^(申请销号|已销号|销号申请被退回|申请延期至)/.test(s));
  const entry: fc.Arbitrary<ProgressEntry> = fc.oneof(
    fc.record({ kind: fc.constant('progress' as const), date, text }),
    fc.record({ kind: fc.constant('workflow' as const), date, action: fc.constantFrom(...actions), detail: fc.oneof(fc.constant(''), text) }),
  );

  test('format then parse gives the entries back', () => {
    fc.assert(fc.property(fc.array(entry, { maxLength: 8 }), (entries) => {
      expect(parseProgress(formatProgress(entries))).toEqual(entries);
    }));
  });

  test('any text parses, and re-formatting what was parsed is stable', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (cell) => {
      const once = parseProgress(cell);
      expect(parseProgress(formatProgress(once))).toEqual(once);
      for (const e of once) expect(formatEntry(e)).not.toMatch(/^\s|\s$/);
    }));
  });

  test('a prepended entry is the newest and the rest are unchanged', () => {
    fc.assert(fc.property(fc.array(entry, { maxLength: 5 }), entry, (entries, added) => {
      const cell = prependEntry(formatProgress(entries), added);
      expect(parseProgress(cell)).toEqual([added, ...entries]);
    }));
  });
});

test('a hostile cell (one huge line of brackets) parses in one pass', () => {
  const line = `2026-12-03：申请延期至X：${'（原时限'.repeat(20_000)}`;
  const [entry] = parseProgress(line);
  expect(entry).toMatchObject({ kind: 'workflow', action: 'extendApply' });
  expect(parseProgress(`${'2026-12-03：x\n'.repeat(50_000)}`)).toHaveLength(50_000);
});
