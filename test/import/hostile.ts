// Hostile report texts, generated (nothing large is committed): the worst cases found by the attack
// run of issue 12 and by scripts/fuzz-import.ts, each as a recipe of tokens repeated. The bench
// (test/bench/import.ts) times them beside ordinary reports; robust.test.ts runs them small.

/** A hostile text: a name, and the text at a given scale (scale 1 ≈ the size the bench uses). */
export type HostileCase = { name: string; make: (scale: number) => string };

const repeat = (unit: string, times: number): string => unit.repeat(Math.max(1, Math.round(times)));

/** A head that makes the importer take the rest for a report, so the deep stages run. */
const HEAD = '中共某某局党组关于巡察整改情况的通报\n2022年3月1日至4月30日，市委第一巡察组对某某局党组进行了巡察。2022年5月20日反馈了巡察意见。\n';

export const HOSTILE: readonly HostileCase[] = [
  { name: '4,000 lines "1. 学习"', make: (s) => HEAD + repeat('1. 学习\n', 4000 * s) },
  { name: 'alternating markers 10,000 deep', make: (s) => HEAD + repeat('1. 学习\n（1）整改\n①落实\n一、问题\n', 2500 * s) },
  { name: 'a line of 100,000 spaces inside', make: (s) => `${HEAD}（1）问题${repeat(' ', 100000 * s)}x\n整改情况：已完成。` },
  { name: 'a line of 100,000 ideographic spaces at its end', make: (s) => `${HEAD}（1）问题${repeat('\u3000', 100000 * s)}\n整改情况：已完成。` },
  { name: 'one sentence with 5,000 deadline mentions', make: (s) => `${HEAD}（1）问题。\n整改情况：正在推进，${repeat('2022年12月底前完成，', 5000 * s)}。` },
  { name: '5,000 deadlines in one sentence of a long-term item', make: (s) => `${HEAD}（1）问题。\n整改情况：长期坚持，${repeat('6月底前整改到位，', 5000 * s)}` },
  { name: 'nested Word bookmarks', make: (s) => `${HEAD}（1）问题。${repeat('[book', 8000 * s)}x${repeat('mark: a]', 8000 * s)}\n整改情况：已完成。` },
  { name: '20,000 inline 一是 markers', make: (s) => `${HEAD}（1）问题。\n${repeat('一是二是三是', 7000 * s)}\n整改情况：已完成。` },
  { name: '10,000 status lines', make: (s) => `${HEAD}（1）问题。\n${repeat('整改情况：已完成。\n', 10000 * s)}` },
  { name: '10,000 problems with a status each', make: (s) => HEAD + Array.from({ length: Math.round(8000 * s) }, (_, i) => `（${(i % 99) + 1}）制度执行不严格。\n整改情况：已完成整改。\n`).join('') },
  { name: '10,000 针对“…”问题 headings', make: (s) => HEAD + repeat('针对“学习不深入”问题的整改情况。已完成整改。\n', 3000 * s) },
  { name: 'unclosed quotes on one line', make: (s) => `${HEAD}（1）关于${repeat('“', 50000 * s)}的问题\n整改情况：已完成。` },
  { name: 'a 60,000-character sentence of figures', make: (s) => `${HEAD}${repeat('整改问题12个，', 8000 * s)}\n（1）问题。\n整改情况：已完成。` },
  { name: 'digits without end', make: (s) => `${HEAD}（1）问题。\n整改情况：${repeat('2022年', 15000 * s)}` },
  { name: 'clauses of 已…正在 alternating', make: (s) => `${HEAD}（1）问题。\n整改情况：${repeat('已清退到位，正在推进，部分完成；', 4000 * s)}` },
  { name: 'a 360,000-character line', make: (s) => `${HEAD}（1）问题。\n整改情况：已完成。${repeat('整改落实到位', 60000 * s)}` },
  { name: '30,000 chrome lines', make: (s) => repeat('发布时间：2022-06-17 来源：市委巡察办 【打印】【关闭】\n', 2000 * s) + HEAD + '（1）问题。\n整改情况：已完成。' },
  { name: 'table rows without end', make: (s) => HEAD + '序号\t反馈问题\t整改措施\t责任单位\t完成时限\t完成情况\n' + repeat('1\t问题\t措施\t办公室\t2022年12月底前\t已完成\n', 3000 * s) },
];
