// The help pages the functions' @helpurl points at: plain HTML with inline styles, nothing loaded
// from anywhere (isolated networks), Chinese first and an English section below.
import type { ExampleDoc, FunctionDoc } from './catalogue';
import { DATE_FUNCTIONS } from './dateSystem';

const STYLE = `
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",SimSun,sans-serif;margin:0 auto;max-width:52rem;padding:1.5rem;line-height:1.7;color:#1b1b1b}
h1{font-size:1.5rem;margin:.2rem 0 1rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
code,pre{font-family:Consolas,"Courier New",monospace;background:#f4f4f4;border-radius:3px}
code{padding:0 .25rem}pre{padding:.6rem .8rem;overflow-x:auto;white-space:pre-wrap}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f4f8}.en{color:#333}.nav{font-size:.9rem}.tag{font-size:.8rem;background:#eef;border-radius:3px;padding:0 .3rem}
td code,p code,h1 small{overflow-wrap:anywhere}
@media (max-width:36rem){body{padding:.75rem}h1{font-size:1.3rem}
table,tbody,tr,td{display:block;width:auto}tr.head{display:none}tr{border:1px solid #ccc;margin:.5rem 0}
td{border:none;border-top:1px solid #eee;padding:.25rem .5rem}td:first-child{border-top:none}
td[data-label]::before{content:attr(data-label);display:block;font-size:.8rem;color:#555}}
`;

/**
 * What a whole-column reference costs (office-js issues 4613, 4654): Excel on the web answers
 * #CALC! for A:A, desktop Excel serialises all 1,048,576 cells on every recalculation, and the
 * volatile functions recalculate on every edit. A table column passes only the ledger's rows.
 */
export const WHOLE_COLUMN_ZH =
  '区域请用表格列引用，如 ZG_Measures[整改状态]：随表格增减行，只传有数据的行。整列引用（如 D:D）在桌面版 Excel 中可用、末尾空白会被跳过，但每次重算都要把 1,048,576 个单元格传给函数，标有“随今天变化”的函数每次编辑都会重算，明显变慢；Excel 网页版对整列引用返回 #CALC!。';
export const WHOLE_COLUMN_EN =
  'Pass table columns such as ZG_Measures[整改状态]: they follow the table and carry only its rows. A whole column (D:D) works in desktop Excel, trailing blanks skipped, but every recalculation sends all 1,048,576 cells to the function, and volatile functions recalculate on every edit; Excel on the web answers #CALC! for whole columns.';

/** How dates are read in a 1904 workbook (dateSystem.ts), on the pages of the functions that read dates. */
export const DATE_SYSTEM_ZH =
  '1904 日期系统的工作簿（多见于 Mac 版 Excel 创建的文件，日期序号比 1900 日期系统小 1462）：日期按该工作簿的日期系统读取，ZG.解析时限返回的日期也按它写回，结果与 1900 日期系统的工作簿相同。日期系统由加载项在工作簿中启动时检测（计算 DATE(2000,1,1)）；检测完成前算出的结果按 1900 日期系统计算，检测到 1904 后 Excel 自动重算一次。工作簿打开期间更改日期系统（Excel 选项中的“使用 1904 日期系统”），Excel 不通知加载项：加载项在下一次重算后（任一编辑或按 F9）重新检测，发现改变即按新的日期系统重读节假日表并再重算一次；在此之前的一次重算仍按原日期系统计算。';
export const DATE_SYSTEM_EN =
  'Workbooks in the 1904 date system (often files made in Excel for Mac, whose date serials are 1,462 lower): dates are read in the workbook’s own system and ZG.DEADLINE returns dates in it, so the answers are those of a 1900 workbook. The add-in detects the system when it starts in the workbook (it computes DATE(2000,1,1)); results calculated before that assumed 1900, and Excel recalculates once a 1904 system is found. Excel does not tell add-ins when the system is changed while the workbook is open (the “Use 1904 date system” option): the add-in checks again after the next recalculation (any edit, or F9), and on a change re-reads the 节假日 table in the new system and recalculates once more; the one recalculation before that still used the old system.';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * A table whose rows become labelled cards in a narrow pane (the help opens in a 320 px task pane
 * beside the sheet): every cell carries its column's name for that layout. Cells are HTML.
 */
function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = `<tr class="head">${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = rows.map((cells) => `<tr>${cells.map((c, i) => `<td data-label="${escapeHtml(headers[i])}">${c}</td>`).join('')}</tr>`);
  return `<table>${head}${body.join('')}</table>`;
}

function signature(doc: FunctionDoc, name: string, paramName: (p: FunctionDoc['params'][number]) => string): string {
  const parts = doc.params.map((p) => (p.optional ? `[${paramName(p)}]` : paramName(p)));
  return `ZG.${name}(${parts.join(', ')})`;
}

function formatResult(result: ExampleDoc['result']): string {
  const one = (v: number | string) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6)) : v);
  return Array.isArray(result) ? result.map(one).join('、') : one(result);
}

function examplesTable(doc: FunctionDoc, lang: 'zh' | 'en'): string {
  const headers = lang === 'zh' ? ['公式', '说明', '结果'] : ['Formula', 'What it shows', 'Result'];
  const rows = doc.examples.map((e) => [
    `<code>${escapeHtml(lang === 'zh' ? e.formula : englishFormula(e.formula, doc))}</code>`,
    escapeHtml(e[lang]),
    escapeHtml(formatResult(e.result)),
  ]);
  return table(headers, rows);
}

/** The same formula as an English Excel shows it: ZG.完成率 → ZG.COMPLETIONRATE. */
function englishFormula(formula: string, doc: FunctionDoc): string {
  return formula.replace(`ZG.${doc.zhName}(`, `ZG.${doc.id}(`);
}

export function renderFunctionPage(doc: FunctionDoc): string {
  const zhParams = table(['参数', '说明'], doc.params.map((p) => [`<code>${escapeHtml(p.zhName)}</code>`, escapeHtml(p.zh)]));
  const enParams = table(['Parameter', 'Description'], doc.params.map((p) => [`<code>${escapeHtml(p.name)}</code>`, escapeHtml(p.en)]));
  const tags = [doc.volatile ? '<span class="tag">随今天变化 · volatile</span>' : '', doc.spills ? '<span class="tag">区域按行溢出 · spills</span>' : '']
    .filter(Boolean)
    .join(' ');
  const dates = DATE_FUNCTIONS.has(doc.id);
  const body = `
<p class="nav"><a href="index.html">整改台账助手 · 自定义函数</a></p>
<h1>ZG.${escapeHtml(doc.zhName)} <small>(ZG.${doc.id})</small></h1>
<p>${tags}</p>
<p>${escapeHtml(doc.zh)}</p>
<pre>${escapeHtml(signature(doc, doc.zhName, (p) => p.zhName))}</pre>
<h2>参数</h2>
${zhParams}
<h2>返回值</h2>
<p>${escapeHtml(doc.zhReturns)}</p>
<h2>示例</h2>
${examplesTable(doc, 'zh')}
<h2>说明</h2>
<ul>${doc.zhNotes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}<li>省略的可选参数取默认值。</li><li>${escapeHtml(WHOLE_COLUMN_ZH)}</li>${dates ? `<li>${escapeHtml(DATE_SYSTEM_ZH)}</li>` : ''}</ul>
<section class="en" lang="en">
<h2>English</h2>
<p>${escapeHtml(doc.en)}</p>
<pre>${escapeHtml(signature(doc, doc.id, (p) => p.name))}</pre>
${enParams}
<p><strong>Returns:</strong> ${escapeHtml(doc.enReturns)}</p>
${examplesTable(doc, 'en')}
<ul>${doc.enNotes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}<li>Omitted optional arguments take their defaults.</li><li>${escapeHtml(WHOLE_COLUMN_EN)}</li>${dates ? `<li>${escapeHtml(DATE_SYSTEM_EN)}</li>` : ''}</ul>
</section>`;
  return page(`ZG.${doc.zhName} · ZG.${doc.id}`, body);
}

export function renderIndexPage(docs: readonly FunctionDoc[]): string {
  const rows = table(
    ['函数', 'English', '说明'],
    docs.map((d) => [`<a href="${d.id.toLowerCase()}.html">ZG.${escapeHtml(d.zhName)}</a>`, `<code>ZG.${d.id}</code>`, escapeHtml(d.zh)]),
  );
  const body = `
<h1>整改台账助手 · 自定义函数 <small>ZG custom functions</small></h1>
<p>在任意单元格输入 <code>=ZG.</code> 即可使用以下函数。中文版 Excel 显示中文函数名，英文版显示英文函数名，两者通用。</p>
<p class="en" lang="en">Type <code>=ZG.</code> in any cell. A Chinese Excel shows the Chinese names, an English Excel the English ones; formulas work in both.</p>
${rows}`;
  return page('整改台账助手 · 自定义函数', body);
}
