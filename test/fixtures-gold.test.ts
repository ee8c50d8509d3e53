// The status and deadline parsers against the hand-checked gold extractions of three published
// 整改情况通报 (fixtures/reports, mapping in its README): every status_phrase gives the gold status,
// every deadline_phrase the gold date, and the deadline finder recovers each deadline from the
// report's own text while leaving out the as-of, completion and schedule dates the notes exclude.
import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { findDeadlineMentions, parseDeadline } from '../src/ledger/deadline';
import { parseStatus } from '../src/ledger/status';
import type { ParsedStatus } from '../src/ledger/status';

type GoldItem = { number: string | null; status_phrase: string | null; status: string; deadline_phrase: string | null; deadline: string | null };
type Gold = { file: string; report_date: string; aspects: { problems: { items: GoldItem[] }[] }[] };

// The fixtures are part of the repository (test/fixtures/reports), so a fresh clone tests alone.
const FIXTURES = resolve(__dirname, 'fixtures/reports');

const golds: Gold[] = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.gold.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Gold);
const textOf = (gold: Gold): string => readFileSync(join(FIXTURES, gold.file), 'utf8');
const itemsOf = (gold: Gold): GoldItem[] => gold.aspects.flatMap((a) => a.problems.flatMap((p) => p.items));

/** The README's mapping from gold codes to the ledger's vocabulary. */
function matchesGold(parsed: ParsedStatus, code: string): boolean {
  switch (code) {
    case 'done':
      return parsed.status === '已完成' && !parsed.longTerm;
    case 'done_long_term':
      return parsed.status === '已完成' && parsed.longTerm;
    case 'long_term':
      return parsed.status !== null && parsed.status !== '已完成' && parsed.longTerm;
    case 'in_progress':
      return (parsed.status === '正在推进' || parsed.status === '部分完成' || parsed.status === '基本完成') && !parsed.longTerm;
    case 'not_started':
      return parsed.status === '未启动';
    case 'unknown':
      return parsed.status === null;
    default:
      throw new Error(`unknown gold status ${code}`);
  }
}

test('the fixtures hold the three gold reports', () => {
  expect(golds.map((g) => g.file)).toEqual(['000_864535028c48d981.txt', '002_03096bf25862ec47.txt', '004_6ea2e224f2d0a03a.txt']);
});

describe.each(golds.map((g) => [g.file, g] as const))('%s', (_file, gold) => {
  const items = itemsOf(gold);
  const statusCases = items.map((it) => [it.status_phrase ?? '', it.status] as const);
  const deadlineCases = items.filter((it) => it.deadline_phrase !== null).map((it) => [it.deadline_phrase as string, it.deadline as string] as const);

  test.each(statusCases)('status of "%s" is %s', (phrase, code) => {
    const parsed = parseStatus(phrase);
    expect({ phrase, parsed, ok: matchesGold(parsed, code) }).toEqual({ phrase, parsed, ok: true });
  });

  if (deadlineCases.length > 0) {
    test.each(deadlineCases)('deadline "%s" is %s', (phrase, date) => {
      const result = parseDeadline(phrase, gold.report_date);
      expect(result).toMatchObject({ kind: 'date', date });
    });

    test.each(deadlineCases)('the report text yields "%s" as a deadline mention on %s', (phrase, date) => {
      // The line holding the phrase as a whole clause (not inside a longer one).
      const asClause = new RegExp(`(?:^|[，。；,\\s])${phrase}(?:[，。；,\\s]|$)`);
      const line = textOf(gold).split('\n').find((l) => asClause.test(l));
      expect(line).toBeDefined();
      const mentions = findDeadlineMentions(line as string, gold.report_date);
      expect(mentions).toContainEqual(expect.objectContaining({ phrase, date }));
      const found = mentions.find((m) => m.phrase === phrase);
      expect((line as string).slice(found?.index, (found?.index ?? 0) + phrase.length)).toBe(phrase);
    });
  }
});

describe('dates the gold notes exclude are never deadline mentions', () => {
  // From the notes: schedules, as-of and completion dates, past events, annual targets.
  const excluded: readonly [string, string][] = [
    ['000_864535028c48d981.txt', '计划于2022年7月份召开'],
    ['000_864535028c48d981.txt', '预计6月份提请市政府印发实施'],
    ['000_864535028c48d981.txt', '委党组年内将对各单位执行情况进行专项检查'],
    ['000_864535028c48d981.txt', '截止2022年5月底'],
    ['000_864535028c48d981.txt', '截止4月底'],
    ['000_864535028c48d981.txt', '11月份巡察暗访发现的院感防控问题已整改到位'],
    ['000_864535028c48d981.txt', '2022年1月完成对市中心血站'],
    ['002_03096bf25862ec47.txt', '截止2024年4月30日'],
    ['002_03096bf25862ec47.txt', '研究决定2024年至少组织开展2次以案促改警示教育大会'],
    ['002_03096bf25862ec47.txt', '2024年1月18日'],
    ['002_03096bf25862ec47.txt', '5月13日召开各医院书记院长会再次推进'],
    ['004_6ea2e224f2d0a03a.txt', '已于2022年7月31日建成投用'],
    ['004_6ea2e224f2d0a03a.txt', '于9月27日研究决定推迟面试时间'],
    ['004_6ea2e224f2d0a03a.txt', '2022年9月10日'],
    ['004_6ea2e224f2d0a03a.txt', '十是加强中医院下半年重点工作攻坚'],
  ];
  test.each(excluded)('%s: "%s"', (file, text) => {
    const gold = golds.find((g) => g.file === file) as Gold;
    const lines = textOf(gold).split('\n').filter((l) => l.includes(text));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const phrases = findDeadlineMentions(line, gold.report_date).map((m) => m.phrase);
      expect(phrases.filter((p) => p.includes(text) || text.includes(p))).toEqual([]);
    }
  });

  test('the 新野 report, which sets no deadline, yields no mention at all', () => {
    const gold = golds.find((g) => g.file.startsWith('002')) as Gold;
    const mentions = textOf(gold).split('\n').flatMap((line) => findDeadlineMentions(line, gold.report_date));
    expect(mentions).toEqual([]);
  });

  test('per item, the latest mention in its 整改情况 is the gold deadline, and none where the gold has none (开封)', () => {
    // The importer reads an item's 整改情况 paragraph(s); the gold picks the final target date.
    const gold = golds.find((g) => g.file.startsWith('000')) as Gold;
    // An item's 整改情况 runs on into unnumbered paragraphs until the next numbered line.
    const paragraphs: string[] = [];
    let inStatus = false;
    for (const line of textOf(gold).split('\n')) {
      if (line.startsWith('整改情况：')) {
        paragraphs.push(line);
        inStatus = true;
      } else if (/^\s*(?:（[一二三四五六七八九十\d]+）|\d+\.|[一二三四五六七八九十]+、)/.test(line)) {
        inStatus = false;
      } else if (inStatus) {
        paragraphs[paragraphs.length - 1] += `\n${line}`;
      }
    }
    const items = itemsOf(gold);
    expect(paragraphs).toHaveLength(items.length);
    paragraphs.forEach((paragraph, i) => {
      const dates = findDeadlineMentions(paragraph, gold.report_date).map((m) => m.date).sort();
      const latest = dates.length > 0 ? dates[dates.length - 1] : null;
      expect({ i, latest }).toEqual({ i, latest: items[i].deadline });
    });
  });
});
