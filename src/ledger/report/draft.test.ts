import { buildDraft, chineseOrdinal, defaultTemplates, splitParagraphs } from './draft';
import type { DraftBlock } from './draft';
import { draftToRows, draftToText } from './output';
import { categoryHeading, dateRange, deadlinePhrase, openingParagraph, stripNumbering, superiorOf } from './phrasing';
import { statusLine } from './outcome';
import { smallLedger } from './testLedger';
import type { MeasureRow, ProblemRow } from '../types';
import { EMPTY_ROUND } from '../types';

const outline = (blocks: DraftBlock[]) => blocks.map((b) => (b.kind === 'heading' ? `H${b.level} ${b.text}` : b.kind === 'paragraph' ? `P:${b.role}` : b.kind));

describe('buildDraft', () => {
  const draft = buildDraft(smallLedger(), { asOf: '2022-10-18' });

  test('has the structure of a published 通报', () => {
    expect(outline(draft.blocks)).toEqual([
      'title',
      'P:opening',
      'H1 一、整改工作组织情况',
      'P:organisation',
      'P:figures',
      'H1 二、整改落实情况',
      'H2 （一）政治建设方面问题的整改情况',
      'H3 1.政治站位不够高，在改革攻坚上缺乏勇气。',
      'H4 （1）认真学习习近平总书记关于深化医药卫生体制改革的系列重要讲话精神。',
      'H4 （2）学习先进典型经验，开展集中培训。',
      'P:status',
      'H3 2.制度文件睡大觉，在运行机制上执行不力。',
      'H4 （1）规范出台文件，出台前经过调查研究和会议讨论。',
      'H4 （2）建立文件执行情况督查机制。督查办法已起草，待党委会审议。',
      'P:status',
      'H2 （二）人才队伍建设方面问题的整改情况',
      'H3 1.人才引进渠道不畅，专业技术人员短缺。',
      'P:measure',
      'P:status',
      'H1 三、下一步工作打算',
      'P:nextSteps',
      'signature',
      'date',
    ]);
  });

  test('title, opening with the dates, status lines, signature and Arabic date', () => {
    const text = (i: number) => draft.blocks[i].text;
    expect(text(0)).toBe('中共清丰县紧密型县域医共体委员会关于巡察整改情况的通报');
    expect(text(1)).toBe(
      '根据县委统一部署，2022年4月11日至6月10日，县委第七巡察组对中共清丰县紧密型县域医共体委员会开展了专项巡察。' +
        '2022年7月21日，县委第七巡察组向中共清丰县紧密型县域医共体委员会反馈了巡察意见。' +
        '按照《中国共产党巡视工作条例》有关规定，现将巡察整改情况予以通报。',
    );
    expect(text(4)).toBe(
      '对照县委第七巡察组反馈的2个方面问题，逐项制定整改措施，明确责任和时限。截至2022年10月18日，反馈问题3项，已整改完成1项，' +
        '正在推进整改落实1项，尚未启动或未标注整改情况1项，纳入长期坚持2项；制定的5条整改措施，已落实到位3条，整改到位率60%，逾期未完成1条，已销号2条。',
    );
    expect(text(10)).toBe('整改情况：已完成并长期坚持，已销号。');
    expect(text(14)).toBe('整改情况：正在推进，2条整改措施已完成1条，需长期坚持，原定2022年9月底前整改到位，已逾期。');
    expect(text(17)).toBe('整改措施：制定人才引进计划，公开招聘专业技术人员。');
    expect(text(18)).toBe('整改情况：尚未启动，2022年12月底前整改到位。');
    expect(draft.blocks.at(-2)).toEqual({ kind: 'signature', text: '中共清丰县紧密型县域医共体委员会' });
    expect(draft.blocks.at(-1)).toEqual({ kind: 'date', text: '2022年10月18日' });
  });

  test('edited templates, issuer, date and contact replace the defaults', () => {
    const edited = buildDraft(smallLedger(), {
      asOf: '2022-10-18',
      date: '2022-10-20',
      issuer: '中共清丰县医共体党委',
      organisationText: '第一段。\n\n  第二段。  ',
      nextStepsText: '持续整改。',
      contact: '联系电话：0393-1234567',
    });
    expect(edited.blocks[0].text).toBe('中共清丰县医共体党委关于巡察整改情况的通报');
    expect(edited.blocks.filter((b) => b.kind === 'paragraph' && b.role === 'organisation').map((b) => b.text)).toEqual(['第一段。', '第二段。']);
    expect(edited.blocks.find((b) => b.kind === 'paragraph' && b.role === 'nextSteps')?.text).toBe('持续整改。');
    expect(edited.blocks.find((b) => b.kind === 'paragraph' && b.role === 'contact')?.text).toBe(
      '欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。联系电话：0393-1234567。',
    );
    expect(edited.blocks.slice(-2).map((b) => b.text)).toEqual(['中共清丰县医共体党委', '2022年10月20日']);
  });

  test('a before-deadline as-of date is not overdue; an empty ledger still gives a full draft', () => {
    const early = buildDraft(smallLedger(), { asOf: '2022-09-01' });
    expect(early.blocks[14].text).toBe('整改情况：正在推进，2条整改措施已完成1条，需长期坚持，2022年9月底前整改到位。');
    const empty = buildDraft({ round: EMPTY_ROUND, problems: [], measures: [] }, { asOf: '2024-01-01' });
    expect(empty.blocks[0].text).toBe('关于巡察整改情况的通报');
    expect(empty.blocks.map((b) => b.text)).toContain('台账中尚无反馈问题。');
    expect(empty.blocks.some((b) => b.kind === 'signature')).toBe(false);
  });

  test('misuse throws', () => {
    expect(() => buildDraft(smallLedger(), { asOf: '2022-13-01' })).toThrow(RangeError);
    expect(() => buildDraft(smallLedger(), { asOf: '2022-10-18', date: '18/10/2022' })).toThrow(RangeError);
  });

  test('the default templates are what the draft uses when nothing is edited', () => {
    const t = defaultTemplates(smallLedger(), '2022-10-18');
    expect(draft.blocks.find((b) => b.kind === 'paragraph' && b.role === 'organisation')?.text).toBe(t.organisation);
    expect(draft.blocks.find((b) => b.kind === 'paragraph' && b.role === 'nextSteps')?.text).toBe(t.nextSteps);
    expect(t.nextSteps).toContain('对尚未完成的2项问题');
    expect(t.nextSteps).toContain('对纳入长期坚持的2项问题');
  });
});

describe('phrasing', () => {
  test.each([
    ['县委第七巡察组', '县委'],
    ['市委第二巡察组', '市委'],
    ['中共开封市委第三巡察组', '中共开封市委'],
    ['巡察组', null],
  ])('superiorOf(%s)', (inspector, expected) => expect(superiorOf(inspector)).toBe(expected));

  test.each([
    ['2021-11-10', '2021-12-20', '2021年11月10日至12月20日'],
    ['2021-12-10', '2022-01-20', '2021年12月10日至2022年1月20日'],
    ['2021-11-10', null, '2021年11月10日起'],
    [null, null, null],
  ])('dateRange(%s, %s)', (start, end, expected) => expect(dateRange(start, end)).toBe(expected));

  test.each([
    ['2022-12-31', '2022年12月底前'],
    ['2024-02-29', '2024年2月底前'],
    ['2024-02-28', '2024年2月28日前'],
  ])('deadlinePhrase(%s)', (iso, expected) => expect(deadlinePhrase(iso)).toBe(expected));

  test.each([
    ['政治建设方面', '政治建设方面问题的整改情况'],
    ['（一）学习贯彻党的十九大精神有差距的整改情况', '学习贯彻党的十九大精神有差距的整改情况'],
    ['落实全面从严治党主体责任方面存在的问题', '落实全面从严治党主体责任方面存在的问题的整改情况'],
    ['', '其他问题的整改情况'],
  ])('categoryHeading(%s)', (category, expected) => expect(categoryHeading(stripNumbering(category))).toBe(expected));

  test.each([
    ['1.政治站位不高', '政治站位不高'],
    ['1.5万元资金未入账', '1.5万元资金未入账'],
    ['（3）台账不全', '台账不全'],
    ['二、作风问题', '作风问题'],
    ['①制度缺失', '制度缺失'],
  ])('stripNumbering(%s)', (text, expected) => expect(stripNumbering(text)).toBe(expected));

  test.each([
    [1, '一'], [10, '十'], [11, '十一'], [20, '二十'], [35, '三十五'],
  ])('chineseOrdinal(%i)', (n, expected) => expect(chineseOrdinal(n)).toBe(expected));

  const problem = (p: Partial<ProblemRow>): ProblemRow => ({ ...smallLedger().problems[0], ...p });
  const measure = (m: Partial<MeasureRow>): MeasureRow => ({ ...smallLedger().measures[0], progress: '', ...m });
  test.each<[string, Partial<ProblemRow>, Partial<MeasureRow>[], string]>([
    ['done', { status: '已完成', longTerm: false, closeState: '未申请' }, [{ status: '已完成', closeState: '已申请' }], '整改情况：已完成整改。'],
    ['done, long-term', { status: '已完成', longTerm: true, closeState: '未申请' }, [{ status: '已完成', closeState: '未申请' }], '整改情况：已完成并长期坚持。'],
    ['under way', { status: '正在推进', longTerm: false }, [{ status: '正在推进', deadline: '2022-12-31' }], '整改情况：正在推进，2022年12月底前整改到位。'],
    ['partly', { status: '部分完成', longTerm: false }, [{ status: '部分完成', deadline: null }], '整改情况：部分已整改。'],
    ['basically', { status: '基本完成', longTerm: false }, [{ status: '基本完成', deadline: '2022-11-15' }], '整改情况：基本完成整改，2022年11月15日前整改到位。'],
    ['unmarked', { status: '未标注' }, [{ status: '未标注' }], '整改情况：尚未填报整改结果。'],
    [
      'one measure: its newest substantive progress follows, workflow entries never',
      { status: '正在推进', longTerm: false },
      [{ status: '正在推进', deadline: '2022-11-30', progress: '2022-10-05：【申请延期】新时限：2023年1月底前；理由：待批复\n2022-10-02：已完成初稿\n2022-09-01：启动' }],
      '整改情况：正在推进，2022年11月底前整改到位。已完成初稿。',
    ],
    [
      'the latest open deadline; done measures counted, their deadlines not',
      { status: '正在推进', longTerm: false },
      [{ status: '正在推进', deadline: '2022-11-30' }, { status: '已完成', deadline: '2023-01-31' }],
      '整改情况：正在推进，2条整改措施已完成1条，2022年11月底前整改到位。',
    ],
    [
      'open measures past and before their deadlines',
      { status: '部分完成', longTerm: false },
      [{ status: '部分完成', deadline: '2022-09-30' }, { status: '正在推进', deadline: '2022-12-31' }],
      '整改情况：部分已整改，2022年12月底前整改到位，其中1条措施已超过原定时限。',
    ],
    [
      'not started: no progress, even if some was typed',
      { status: '未启动', longTerm: false },
      [{ status: '未启动', deadline: '2022-12-31', progress: '2022-10-01：已完成9个项目审计' }],
      '整改情况：尚未启动，2022年12月底前整改到位。',
    ],
    ['done and closed: every measure 已销号', { status: '已完成', longTerm: false, closeState: '未申请' }, [{ status: '已完成', closeState: '已销号' }], '整改情况：已完成整改，已销号。'],
    [
      'done, one measure only applied for: not 已销号',
      { status: '已完成', longTerm: false, closeState: '未申请' },
      [{ status: '已完成', closeState: '已销号', progress: '2022-10-01：已销号' }, { status: '已完成', closeState: '已申请', progress: '2022-10-02：申请销号，佐证材料：纪要' }],
      '整改情况：已完成整改。',
    ],
  ])('statusLine: %s', (_name, p, ms, expected) => {
    expect(statusLine(problem(p), ms.map(measure), '2022-10-18')).toBe(expected);
  });

  test('回头看 and kinds shape the title and the opening', () => {
    const round = { ...smallLedger().round, kind: '回头看' as const, inspector: '县委第二巡察组', org: '县卫健委党组' };
    const ledger = { ...smallLedger(), round };
    expect(buildDraft(ledger, { asOf: '2024-07-08', issuer: '中共新野县卫生健康委党组' }).blocks[0].text).toBe('中共新野县卫生健康委党组关于巡察“回头看”整改情况的通报');
    expect(openingParagraph(round)).toContain('县委第二巡察组对县卫健委党组进行了巡察“回头看”。');
  });

  test('splitParagraphs drops blank lines and trims', () => {
    expect(splitParagraphs(' a \r\n\r\n b\n')).toEqual(['a', 'b']);
  });
});

describe('outputs', () => {
  const draft = buildDraft(smallLedger(), { asOf: '2022-10-18' });

  test('plain text: a line per block, blank lines after the title and before the signature', () => {
    const lines = draftToText(draft).split('\n');
    expect(lines.slice(0, 4)).toEqual([draft.blocks[0].text, '', draft.blocks[1].text, '一、整改工作组织情况']);
    expect(lines.slice(-4)).toEqual(['', '中共清丰县紧密型县域医共体委员会', '2022年10月18日', '']);
    expect(lines.filter((l) => l !== '')).toHaveLength(draft.blocks.length);
  });

  test('worksheet rows: a header, then 类型 and 内容 per block', () => {
    const rows = draftToRows(draft);
    expect(rows[0]).toEqual(['类型', '内容']);
    expect(rows).toHaveLength(draft.blocks.length + 1);
    expect(rows.slice(1, 4)).toEqual([
      ['标题', draft.blocks[0].text],
      ['正文', draft.blocks[1].text],
      ['一级标题', '一、整改工作组织情况'],
    ]);
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['二级标题', '三级标题', '四级标题', '署名', '成文日期']));
  });
});
