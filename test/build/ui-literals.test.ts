// Like a lint rule: no Chinese literal in the pane's or the page's code outside the string
// catalogues, so the English UI is English everywhere (scripts/lib/ui-literals.ts). The Chinese that
// must stay in code is ledger vocabulary used as data, listed below with why; an entry that no
// longer matches anything fails too, so the list cannot go stale.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cjkLiterals, type LiteralFinding } from '../../scripts/lib/ui-literals';

const ROOT = join(__dirname, '..', '..');
const SCANNED = ['src/taskpane', 'src/app'];

/** Catalogues and tests may hold Chinese; everything else that runs in the pane or the page is scanned. */
function isScanned(path: string): boolean {
  return /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path) && !/\/i18n\//.test(path) && !/Strings\.ts$/.test(path) && !path.endsWith('/testUtils.tsx');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(path);
    return isScanned(path) ? [path] : [];
  });
}

type Allowed = { file: string; texts: readonly string[]; reason: string };

const STATUS = 'ledger vocabulary: a status, light or 销号 state the ledger stores, compared as data (shown through the catalogue’s value names)';
const DEADLINE_TEXT = 'the 整改时限 text written into the ledger, in the Chinese the deadline reader and the 巡察办 read, whatever the UI language';

const FIGURE = 'a 通报数字 shown as the Chinese report states it (label, number, unit, and the sentence it came from): the punctuation belongs to that Chinese phrase';

const ALLOWED: readonly Allowed[] = [
  { file: 'src/taskpane/components/ledger/ItemList.tsx', texts: ['已完成', '蓝'], reason: STATUS },
  { file: 'src/taskpane/components/ledger/MeasureDetail.tsx', texts: ['已完成', '蓝', '未标注'], reason: STATUS },
  { file: 'src/taskpane/components/ledger/ProblemDetail.tsx', texts: ['蓝'], reason: STATUS },
  { file: 'src/taskpane/components/ledger/badges.tsx', texts: ['未申请', '已销号', '退回'], reason: STATUS },
  { file: 'src/taskpane/components/ledger/ledgerView.ts', texts: ['红', '黄', '已销号'], reason: STATUS },
  { file: 'src/taskpane/components/ledger/useCloseSteps.ts', texts: ['申请延期'], reason: STATUS },
  { file: 'src/taskpane/ledgerFacts.ts', texts: ['黄'], reason: STATUS },
  { file: 'src/taskpane/components/ledger/AddMeasure.tsx', texts: ['未启动'], reason: 'the status a new measure starts with (a ledger value)' },
  { file: 'src/taskpane/components/entry/entryDraft.ts', texts: ['未启动'], reason: 'the status a new measure starts with (a ledger value)' },
  { file: 'src/taskpane/components/entry/entryDraft.ts', texts: ['巡察反馈'], reason: 'the default 问题来源, a value written into the ledger' },
  { file: 'src/taskpane/components/entry/entryDraft.ts', texts: ['长期坚持'], reason: DEADLINE_TEXT },
  { file: 'src/taskpane/components/entry/useMeasureForm.ts', texts: ['年', '月底前', '年底前', '立行立改', '长期坚持', '月', '日前'], reason: DEADLINE_TEXT },
  { file: 'src/taskpane/components/import/useImport.ts', texts: ['前'], reason: DEADLINE_TEXT },
  { file: 'src/taskpane/components/distribute/DistributeSection.tsx', texts: ['责任单位'], reason: 'the ledger column the files are split by (a SplitBy key)' },
  {
    file: 'src/taskpane/components/report/reportStyles.ts',
    texts: ['"仿宋_GB2312", "仿宋", FangSong, "STFangsong", serif', '"方正小标宋简体", "宋体", SimSun, "Songti SC", serif', '"黑体", SimHei, "Heiti SC", sans-serif', '"楷体_GB2312", "楷体", KaiTi, "STKaiti", serif'],
    reason: 'font family names of the 公文 preview (the fonts’ own names)',
  },
  { file: 'src/taskpane/components/round/RoundForm.tsx', texts: ['：'], reason: FIGURE },
  { file: 'src/taskpane/components/import/ImportPanel.tsx', texts: ['：', '（', '）'], reason: FIGURE },
  { file: 'src/taskpane/index.tsx', texts: ['示例单位台账.xlsx'], reason: 'the preview’s sample data: the file name of its sample unit ledger' },
];

function allowed(f: LiteralFinding): boolean {
  return ALLOWED.some((a) => a.file === f.file && a.texts.includes(f.text));
}

describe('the rule (scripts/lib/ui-literals.ts)', () => {
  test.each([
    ['a string', `const a = '保存';`, ['保存']],
    ['JSX text', `const a = <p>保存</p>;`, ['保存']],
    ['a template part', 'const a = `${x}（${y}）`;', ['（', '）']],
    ['full-width punctuation alone', `const a = [x, y].join('、');`, ['、']],
    ['an attribute', `const a = <b aria-label="删除" />;`, ['删除']],
  ])('finds %s', (_name, code, texts) => {
    expect(cjkLiterals('x.tsx', code).map((f) => f.text)).toEqual(texts);
  });

  test.each([
    ['comments', `// 保存\n/* 删除 */ const a = 'save';`],
    ['console arguments', `console.warn('日期系统', error);`],
    ['a locale record', `const T = { 'zh-CN': { retry: '重试' }, en: { retry: 'Retry' } };`],
    ['ASCII and typographic quotes', `const a = '“x” … ‘y’ — z';`],
  ])('leaves %s alone', (_name, code) => {
    expect(cjkLiterals('x.tsx', code)).toEqual([]);
  });

  test('a record keyed by one locale only is no catalogue', () => {
    expect(cjkLiterals('x.ts', `const T = { 'zh-CN': '重试' };`).map((f) => f.text)).toEqual(['重试']);
  });
});

describe('the pane and the page', () => {
  const findings = SCANNED.flatMap(sourceFiles).flatMap((file) => cjkLiterals(file, readFileSync(join(ROOT, file), 'utf8')));

  test('scans the components', () => {
    const files = SCANNED.flatMap(sourceFiles);
    expect(files).toEqual(expect.arrayContaining(['src/taskpane/components/ledger/AddMeasure.tsx', 'src/app/PageApp.tsx']));
    expect(files.some((f) => f.includes('/i18n/') || f.endsWith('Strings.ts') || f.endsWith('.test.tsx'))).toBe(false);
  });

  test('have no Chinese literal outside the catalogues but the allowed ledger vocabulary', () => {
    const unexpected = findings.filter((f) => !allowed(f)).map((f) => `${relative(ROOT, join(ROOT, f.file))}:${f.line} ${JSON.stringify(f.text)}`);
    expect(unexpected).toEqual([]);
  });

  test('every allowed literal is still there (the list does not go stale)', () => {
    const stale = ALLOWED.flatMap((a) => a.texts.filter((text) => !findings.some((f) => f.file === a.file && f.text === text)).map((text) => `${a.file} ${text}`));
    expect(stale).toEqual([]);
  });
});
