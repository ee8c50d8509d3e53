// The rules added for the family of formats beyond the fixtures, one by one: flattened tables,
// half-bracket markers, page furniture, headings broken over lines, feedback dates sharing a
// sentence with the inspection window, 一是 problem lists in 反馈意见, summary-only reports, figures.
import { importReport } from '../../src/ledger/import';
import type { ImportResult } from '../../src/ledger/import';
import { isLedgerError } from '../../src/ledger/errors';
import { joinBrokenHeadings, readMarker, splitLines } from '../../src/ledger/import/lines';
import { expandTables } from '../../src/ledger/import/table';
import { readFigures } from '../../src/ledger/import/figures';

function imported(lines: readonly string[]): ImportResult {
  const result = importReport(lines.join('\n'));
  if (isLedgerError(result)) throw new Error(result.message);
  return result;
}

const texts = (lines: readonly { text: string }[]) => lines.map((l) => l.text);

describe('flattened tables', () => {
  const header = '序号\t反馈问题\t整改措施\t责任单位\t完成时限\t完成情况';

  it('turns each row into a numbered problem with labelled fields and a status line', () => {
    const rows = splitLines([header, '1\t台账不规范。\t建立台账。\t办公室\t2023年7月底前\t已完成'].join('\n'));
    expect(texts(expandTables(rows))).toEqual(['1.台账不规范。', '整改措施：建立台账。', '责任单位：办公室', '整改时限：2023年7月底前', '完成情况：已完成']);
  });

  it('drops header rows repeated after a page break, and page numbers', () => {
    const rows = splitLines([header, '1\t甲问题。\t措施甲。\t办公室\t立行立改\t已完成', '— 3 —', header, '2\t乙问题。\t措施乙。\t财务股\t长期坚持\t持续推进'].join('\n'));
    expect(texts(expandTables(rows)).filter((t) => /^\d\./.test(t))).toEqual(['1.甲问题。', '2.乙问题。']);
    expect(texts(expandTables(rows)).some((t) => /序号|— 3 —/.test(t))).toBe(false);
  });

  it('joins a cell broken over two lines into one row', () => {
    const rows = splitLines([header, '1\t台账不规范。\t建立台账；', '实行销号管理。\t办公室\t2023年7月底前\t已完成'].join('\n'));
    expect(texts(expandTables(rows))).toContain('整改措施：建立台账；实行销号管理。');
    expect(texts(expandTables(rows))).toContain('完成情况：已完成');
  });

  it('leaves tab-separated lines alone when there is no header naming a problem column', () => {
    const rows = splitLines('姓名\t电话\t邮箱\n张三\t123\ta@b.c');
    expect(texts(expandTables(rows))).toEqual(['姓名\t电话\t邮箱', '张三\t123\ta@b.c']);
  });

  it('imports a table report with its 方面 rows, deadlines and statuses', () => {
    const r = imported([
      '中共某某局党组关于巡察整改进展情况的通报',
      '2023年3月6日至5月12日，县委第三巡察组对某某局党组进行了常规巡察，6月2日反馈了巡察意见。',
      '二、整改落实情况',
      header,
      '一、党的建设方面',
      '1\t台账不规范。\t建立台账。\t办公室\t立行立改\t已完成',
      '2\t制度不健全。\t完善制度。\t办公室\t长期坚持\t已完成，长期坚持',
      '二、作风建设方面',
      '3\t接待不规范。\t修订办法。\t办公室\t2023年12月底前\t正在整改中',
      '某某局党组',
      '2023年11月6日',
    ]);
    expect(r.problems.map((p) => [p.category, p.status, p.longTerm, p.deadline])).toEqual([
      ['党的建设方面', '已完成', false, '2023-06-02'],
      ['党的建设方面', '已完成', true, null],
      ['作风建设方面', '正在推进', false, '2023-12-31'],
    ]);
    expect(r.problems[0].measures[0]).toMatchObject({ text: '建立台账。', unit: '办公室' });
  });
});

describe('line artefacts and markers', () => {
  it.each([
    ['一)上轮巡察问题整改不到位方面', 'cnParen', 1],
    ['三）党风廉政建设方面', 'cnParen', 3],
    ['(2)违规收取资料费。', 'numParen', 2],
    ['2)违规收取资料费。', 'numParen', 2],
  ] as const)('%s is a %s marker numbered %i', (text, style, value) => {
    expect(readMarker(text)?.marker).toMatchObject({ style, value });
  });

  it('drops page numbers and a running header repeating the title, keeps figures', () => {
    const lines = splitLines(['某局关于巡察整改情况的通报', '正文。', '— 2 —', '- 12 -', '第3页 共10页', '某局关于巡察整改情况的通报', '3个问题已整改。'].join('\n'));
    expect(texts(lines)).toEqual(['某局关于巡察整改情况的通报', '正文。', '3个问题已整改。']);
  });

  it('joins a numbered heading broken mid-phrase, not a finished one', () => {
    const joined = joinBrokenHeadings(splitLines('（三）关于全面从严治党“两个责任”落实方面的\n问题\n（四）关于作风建设方面的问题\n1.台账不规范。'));
    expect(texts(joined)).toEqual(['（三）关于全面从严治党“两个责任”落实方面的问题', '（四）关于作风建设方面的问题', '1.台账不规范。']);
  });

  it('takes the finding after a 问题： label on a numbered line', () => {
    const r = imported(['某镇党委关于巡察整改情况的通报', '（一）党的建设方面', '1.问题：台账不规范。', '整改时限：2023年9月底前', '整改进展：已完成。', '某镇党委', '2023年12月25日']);
    expect(r.problems[0]).toMatchObject({ finding: '台账不规范。', status: '已完成', deadline: '2023-09-30' });
  });
});

describe('round', () => {
  it.each([
    ['2023年4月10日至5月26日，县委第二巡察组对某镇党委开展了常规巡察，6月20日反馈了巡察意见。', '2023-06-20'],
    ['2022年10月10日至12月9日，市委第四巡察组对某局党组开展了巡察，并于2023年2月16日反馈了巡察意见。', '2023-02-16'],
    ['2023年9月4日至9月29日，县委第六巡察组对某局党组开展了“回头看”。10月20日，县委第六巡察组向某局党组反馈了意见。', '2023-10-20'],
  ])('finds the feedback date beside the inspection window: %s', (sentence, date) => {
    const r = imported(['某局党组关于巡察整改情况的通报', sentence, '（1）台账不规范。', '整改情况：已完成。', '某局党组', '2024年1月5日']);
    expect(r.round.feedbackDate).toBe(date);
  });
});

describe('problems of a 反馈意见 listed as 一是…二是…', () => {
  const head = ['县委第一巡察组关于对某局党组开展常规巡察的反馈意见', '2024年3月18日至5月17日，县委第一巡察组对某局党组进行了常规巡察。'];
  const foot = ['县委第一巡察组', '2024年6月12日'];

  it('splits a 方面 paragraph into its problems, under the 方面 heading', () => {
    const r = imported([...head, '一、巡察发现的主要问题', '（一）落实全面从严治党方面。一是主体责任落实不到位。二是财务管理不规范。', '（二）组织建设方面。一是支部建设薄弱。二是档案管理混乱。三是干部结构不合理。', '二、意见建议', '一是提高站位。二是压实责任。', ...foot]);
    expect(r.problems.map((p) => [p.number, p.category, p.finding])).toEqual([
      ['一是', '落实全面从严治党方面', '主体责任落实不到位。'],
      ['二是', '落实全面从严治党方面', '财务管理不规范。'],
      ['一是', '组织建设方面', '支部建设薄弱。'],
      ['二是', '组织建设方面', '档案管理混乱。'],
      ['三是', '组织建设方面', '干部结构不合理。'],
    ]);
  });

  it('keeps a heading that is itself a finding as one problem with its details', () => {
    const r = imported([...head, '一、巡察发现的主要问题', '（一）党的领导方面', '1.理论学习不深入。一是学习流于形式；二是研讨不充分。', '2.财务管理不规范。', ...foot]);
    expect(r.problems.map((p) => p.number)).toEqual(['1.', '2.']);
  });

  it('reads the problems of news prose, not the suggestions after 巡察组建议', () => {
    const r = imported([
      '县委第二巡察组向某局党组反馈巡察情况',
      '2024年4月8日至5月31日，县委第二巡察组对某局党组进行了常规巡察。',
      '巡察组指出，某局党组做了大量工作，但也存在一些问题：一是学习不深入；二是监管有漏洞；三是作风不扎实。',
      '巡察组建议，一是加强学习；二是强化监管。',
      ...foot,
    ]);
    expect(r.kind).toBe('feedback');
    expect(r.problems.map((p) => p.finding)).toEqual(['学习不深入', '监管有漏洞', '作风不扎实。']);
    expect(r.problems.every((p) => p.category === null && p.status === null)).toBe(true);
  });
});

describe('a report with figures but no itemised problem', () => {
  it('gives the round and the figures, no problems, and says so', () => {
    const r = imported([
      '中共某局党组关于巡察整改进展情况的通报',
      '2023年5月8日至7月7日，区委第三巡察组对某局党组进行了常规巡察，8月15日反馈了巡察意见。',
      '一、提高政治站位，压实整改责任',
      '局党组召开会议研究部署整改工作。',
      '二、坚持问题导向，推动整改落实',
      '对照反馈的4个方面16个问题，已完成整改13个，正在整改3个，追缴税款18.2万元。',
      '三、下一步工作打算',
      '确保整改率达到100%。',
      '某局党组',
      '2023年12月8日',
    ]);
    expect(r.problems).toEqual([]);
    expect(r.round).toMatchObject({ inspector: '区委第三巡察组', feedbackDate: '2023-08-15' });
    expect(r.figures.map((f) => `${f.value}${f.unit}`)).toEqual(['4个', '16个', '13个', '3个', '18.2万元']);
    expect(r.figures.find((f) => f.unit === '万元')?.label).toBe('追缴税款');
    expect(r.warnings.map((w) => w.code)).toContain('noProblems');
  });

  it('is still not a report without an inspection', () => {
    const r = importReport('一、提高认识\n二、坚持问题导向，推动工作落实\n全年完成任务12项。');
    expect(isLedgerError(r) && r.code).toBe('notAReport');
  });
});

describe('outcomes and figures', () => {
  const base = ['某局党组关于巡察整改情况的通报', '2023年3月1日至4月30日，市委第一巡察组对某局党组进行了巡察，5月20日反馈了巡察意见。', '二、整改落实情况'];
  const end = ['某局党组', '2023年9月1日'];

  it.each([
    ['基本完成。开展专项整治；举报机制需长期坚持。', '基本完成', true],
    ['已完成。推动学习常态化。', '已完成', false],
    ['已完成，长期坚持。', '已完成', true],
    ['立行立改，已完成。', '已完成', false],
    // What limits the completion word weakens it, as in prose outcomes (issue 15).
    ['已部分退还。', '部分完成', false],
    ['多数已整改到位。', '部分完成', false],
    ['已追回部分资金。', '正在推进', false],
    ['已启动整改。', '正在推进', false],
  ] as const)('整改情况：%s → %s, 长期坚持 %s', (line, status, longTerm) => {
    const r = imported([...base, '（1）制度不健全。', `整改情况：${line}`, ...end]);
    expect(r.problems[0]).toMatchObject({ status, longTerm });
  });

  it('reads 关于“X”的问题 headings with the status on the same line', () => {
    const r = imported([...base, '1.关于“制度不健全”的问题。整改情况：正在整改中，计划2023年12月底前完成。', '2.关于“台账不规范”的问题。整改情况：已整改完成。', ...end]);
    expect(r.problems.map((p) => [p.finding, p.status, p.deadline])).toEqual([
      ['制度不健全', '正在推进', '2023-12-31'],
      ['台账不规范', '已完成', null],
    ]);
  });

  it.each([
    ['落实中央八项规定精神不严格，公务接待超标准', []],
    ['把巡察整改作为一项重大政治任务', []],
    ['反馈的4个方面13个具体问题', ['4个', '13个']],
    ['已完成整改两个方面的问题', ['2个']],
    ['其中给予党纪处分2人、诫勉谈话4人', ['2人', '4人']],
  ])('figures in "%s": %j', (text, expected) => {
    expect(readFigures([text]).map((f) => `${f.value}${f.unit}`)).toEqual(expected);
  });
});

describe('outcomes stated in prose (issue 15)', () => {
  const head = '中共某某局党组关于巡察整改情况的通报\n2022年3月1日至4月30日，市委第一巡察组对某某局党组进行了巡察。2022年5月20日反馈了巡察意见。\n二、整改落实情况\n';
  it.each([
    ['已全部清退到位', '已完成'],
    ['已注销该账户', '已完成'],
    ['已收回并上缴财政', '已完成'],
    ['已修订印发《财务管理办法》', '已完成'],
    ['相关单位已停止发放，已于5月底前整改完毕', '已完成'],
    ['其中3项指标已整改到位', '部分完成'],
    ['部分单位已完成整改', '部分完成'],
    ['2项已完成，1项正在推进', '正在推进'],
    ['已清退2万元，剩余3万元正在追缴', '正在推进'],
    ['已初步建立台账', null],
    ['目前已完成2项', null],
    ['召开会议再次推进', null],
    ['计划6月底前全部清退', null],
    ['整改已完成80%', '部分完成'],
    ['多数已整改到位', '部分完成'],
    ['已追回部分资金', '正在推进'],
    ['已收回2万元，其余资金将于年底前收回', '正在推进'],
    ['立行立改2项，其余已整改完毕', '已完成'],
    // Starting, urging or meeting is not the remedy done, and states no outcome.
    ['已启动整改', null],
    ['已督促相关单位整改到位', null],
    ['已召开专题会议研究整改', null],
  ])('“%s” → %s', (body, status) => {
    const result = importReport(`${head}（1）违规发放津贴补贴问题。\n${body}。\n（2）台账不规范问题。\n已注销该账户。\n`);
    if (isLedgerError(result)) throw new Error(result.message);
    expect(result.problems.map((p) => p.status)).toEqual([status, '已完成']);
    const ambiguous = result.warnings.filter((w) => w.code === 'outcomeAmbiguous');
    expect(ambiguous.length).toBe(status === null && /初步|2项/.test(body) ? 1 : 0);
  });

  it('a hedged status line is left 未标注 with the warning the preview shows', () => {
    const result = importReport(`${head}（1）违规发放津贴补贴问题。\n整改情况：已初步整改。\n`);
    if (isLedgerError(result)) throw new Error(result.message);
    expect(result.problems[0].status).toBeNull();
    expect(result.warnings.filter((w) => w.code === 'outcomeAmbiguous').map((w) => w.params[1])).toEqual(['已初步整改']);
  });
});

describe('page chrome, figure-only texts and what is not a report (issue 15)', () => {
  it('web-page chrome is never content, and the page date is the report date', () => {
    const page = [
      '当前位置：首页 > 巡察工作 > 整改公开',
      '标 题：中共某某局党组关于巡察整改情况的通报',
      '索引号：11410200/2022-00031　　发文机关：中共某某局党组　　字号：〔2022〕3号',
      '发布时间：2022-06-17 来源：市委巡察办 【打印】【关闭】',
      '2022年3月1日至4月30日，市委第一巡察组对某某局党组进行了巡察。',
      '（1）制度执行不严格的问题。',
      '整改情况：已完成整改。',
      '【打印】【关闭】',
      '分享到：',
    ].join('\n');
    const result = importReport(page);
    if (isLedgerError(result)) throw new Error(result.message);
    expect(result.title).toBe('中共某某局党组关于巡察整改情况的通报');
    expect(result.round.org).toBe('中共某某局党组');
    expect(result.round.reportDate).toBe('2022-06-17');
    expect(result.problems.map((p) => p.finding)).toEqual(['制度执行不严格的问题。']);
    expect(JSON.stringify(result)).not.toMatch(/打印|索引号|当前位置|分享到/);
  });

  it('a news item with figures only imports as a round with figures and no problems', () => {
    const news = '近日，县委第三巡察组对县教育局党组巡察整改情况进行了督查。截至目前，共反馈问题42个，已整改到位39个，整改率92.9%；移交问题线索15件，办结12件；挽回经济损失86.5万元；制定完善制度23项。';
    const result = importReport(news);
    if (isLedgerError(result)) throw new Error(result.message);
    expect(result.kind).toBe('report');
    expect(result.problems).toEqual([]);
    expect(result.figures.map((f) => [f.value, f.unit])).toEqual([[42, '个'], [39, '个'], [92.9, '%'], [15, '件'], [12, '件'], [86.5, '万元'], [23, '项']]);
    expect(result.warnings.map((w) => w.code)).toContain('noProblems');
  });

  it('a recipe, however well numbered, is not a report', () => {
    const recipe = '红烧肉的做法\n一、准备材料\n1. 五花肉500克切块。\n2. 冰糖30克。\n二、制作步骤\n1. 焯水去腥。\n2. 炒糖色。\n3. 小火慢炖一小时。\n4. 大火收汁。';
    const result = importReport(recipe);
    expect(isLedgerError(result) && result.code).toBe('notAReport');
  });
});
