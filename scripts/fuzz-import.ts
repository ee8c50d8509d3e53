// `npx tsx scripts/fuzz-import.ts [seconds] [seed]`: random hostile texts of up to 100 KB — tokens of
// real reports, each repeated up to thousands of times — through importReport, timing each. Prints
// every text over 200 ms (or that throws) as its recipe, so a finding can be added to
// test/import/hostile.ts. Run it after touching any importer regex.
import { importReport } from '../src/ledger/import';

const TOKENS = [
  '一、', '（一）', '1.', '2、', '（1）', '①', '一是', '二是', '问题一：', '整改情况：', '完成情况：', '整改措施：', '责任单位：',
  '整改时限：', '针对“', '”问题的整改情况。', '关于“', '整改问题：针对', '的问题。', '已完成整改', '正在推进', '尚未整改',
  '长期坚持', '2022年12月底前', '6月底前', '年底', '截至2022年5月底', '立行立改', '共反馈问题42个，', '整改到位率80%',
  '4.01万元', '[bookmark: _GoBack]', '市委第二巡察组', '2021年11月10日至12月20日', '反馈', '中共某某党组', '关于', '的通报',
  '。', '，', '；', '\n', ' ', '\u3000', '\t', '“', '”', '（', '）', '已清退到位', '部分', '均已', '发布时间：', '来源：',
  '【打印】', '当前位置：首页 > ', '序号\t反馈问题\t整改措施\t完成情况\n', '1\t', '— 3 —', '學習', '問題', 'a', '0', '年', '月', '日',
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Recipe = [string, number][];

function makeRecipe(next: () => number): Recipe {
  const parts: Recipe = [];
  const n = 1 + Math.floor(next() * 12);
  for (let i = 0; i < n; i++) {
    const token = TOKENS[Math.floor(next() * TOKENS.length)];
    const times = next() < 0.3 ? 1 + Math.floor(next() * 20000) : 1 + Math.floor(next() * 5);
    parts.push([token, times]);
  }
  return parts;
}

function render(recipe: Recipe, bytes = 100 * 1024): string {
  let text = recipe.map(([t, n]) => t.repeat(n)).join('');
  if (Buffer.byteLength(text) > bytes) text = text.slice(0, Math.floor(bytes / 3));
  return text;
}

function main(seconds: number, seed: number): number {
  const next = rng(seed);
  const end = Date.now() + seconds * 1000;
  let runs = 0;
  let slow = 0;
  while (Date.now() < end) {
    const recipe = makeRecipe(next);
    // Repeat the recipe as a whole too: a short pattern many times over.
    const text = render(next() < 0.5 ? recipe : Array.from({ length: 200 }, () => recipe).flat());
    const t0 = performance.now();
    let error = '';
    try {
      importReport(text);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const ms = performance.now() - t0;
    runs++;
    if (ms > 200 || error) {
      slow++;
      console.log(`${ms.toFixed(0)} ms, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB${error ? `, THROWS ${error}` : ''}: ${JSON.stringify(recipe)}`);
    }
  }
  console.log(`${runs} texts, ${slow} over 200 ms or throwing (seed ${seed})`);
  return slow === 0 ? 0 : 1;
}

if (require.main === module) process.exitCode = main(Number(process.argv[2] ?? 60), Number(process.argv[3] ?? Date.now() % 100000));
