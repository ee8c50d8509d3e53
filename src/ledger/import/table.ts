// Tables flattened into text. A 问题清单 / 整改台账 table pasted from Word or a PDF arrives as one
// line per row with its cells separated by tabs (or runs of spaces), under a header row such as
// "序号 反馈问题 整改措施 责任单位 完成时限 完成情况", often repeated after each page break, and
// with a cell broken over several lines now and then. Each row is rewritten into the labelled lines
// the outline already reads ("1.问题", "整改措施：…", "整改时限：…", "完成情况：…"), so a table
// report goes through the same rules as a report written in paragraphs.
import type { SourceLine } from './lines';
import { readMarker } from './lines';

type Column = 'number' | 'finding' | 'measures' | 'goal' | 'leader' | 'unit' | 'coUnits' | 'owner' | 'deadline' | 'status' | 'note' | 'other';

// Header cells, matched whole (spaces removed). Order matters: 整改情况 is a status column, 问题 a finding.
const COLUMN_RULES: readonly { column: Column; re: RegExp }[] = [
  { column: 'number', re: /^(?:序号|编号|序|问题编号|原编号|No\.?)$/i },
  { column: 'deadline', re: /^(?:整改|完成)?(?:时限|期限|时间)(?:要求)?$|^完成(?:时限|时间|期限)$/ },
  { column: 'status', re: /^(?:整改|完成|落实|推进|办理)?(?:情况|进展|进度|结果|状态)(?:情况)?$|^是否(?:完成|整改到位|办结)$|^整改完成情况$/ },
  { column: 'measures', re: /^(?:整改|主要|具体)?(?:措施|举措)$/ },
  { column: 'goal', re: /^整改目标$/ },
  { column: 'leader', re: /^(?:责任|牵头|分管|包保)领导$/ },
  { column: 'unit', re: /^(?:责任|牵头)(?:单位|部门|科室|股室|处室)$/ },
  { column: 'coUnits', re: /^(?:配合|协助|参与)(?:单位|部门|科室)$/ },
  { column: 'owner', re: /^(?:具体)?责任人$/ },
  { column: 'note', re: /^备注$/ },
  { column: 'finding', re: /^(?:巡察)?(?:反馈|存在|发现|主要|具体)?(?:的)?问题(?:描述|表现|清单|内容|名称|事项)?$/ },
];

const LABELS: Partial<Record<Column, string>> = {
  measures: '整改措施',
  goal: '整改目标',
  leader: '责任领导',
  unit: '责任单位',
  coUnits: '配合单位',
  owner: '责任人',
  deadline: '整改时限',
};

const CELL_SPLIT_RE = /\s*\t\s*|[ \u3000\u00a0]{2,}/;
const MAX_ROW_LINES = 6;

function cellsOf(text: string): string[] {
  return text.split(CELL_SPLIT_RE).map((c) => c.trim());
}

function columnOf(cell: string): Column | null {
  const c = cell.replace(/\s+/g, '');
  if (c === '' || c.length > 12) return null;
  for (const rule of COLUMN_RULES) if (rule.re.test(c)) return rule.column;
  return null;
}

/** The columns of a header row, or null when the line is not one (it must name a finding column). */
function readHeader(text: string): Column[] | null {
  if (!/\t|[ \u3000\u00a0]{2,}/.test(text)) return null;
  const cells = cellsOf(text).filter((c) => c !== '');
  if (cells.length < 3) return null;
  const columns = cells.map((c) => columnOf(c) ?? 'other');
  const known = columns.filter((c) => c !== 'other').length;
  if (!columns.includes('finding') || known < Math.max(2, cells.length - 1)) return null;
  return columns;
}

/** A row's cells in header order; a first cell that is a number goes to the number column. */
function rowLines(cells: readonly string[], columns: readonly Column[], line: number, index: number): SourceLine[] {
  const value = (col: Column) => {
    const i = columns.indexOf(col);
    return i >= 0 && i < cells.length ? cells[i] : '';
  };
  const finding = value('finding');
  if (finding === '') return [];
  const number = value('number');
  const marker = /^\d{1,3}$/.test(number) ? `${number}.` : readMarker(`${number}x`)?.marker.text ?? `${index}.`;
  const out: SourceLine[] = [{ line, text: `${marker}${finding}` }];
  for (const col of ['measures', 'goal', 'leader', 'unit', 'coUnits', 'owner', 'deadline'] as const) {
    const v = value(col);
    if (v !== '') out.push({ line, text: `${LABELS[col]}：${v}` });
  }
  const status = value('status');
  const note = value('note');
  // The status line closes the item, so it comes last; a note rides along after it.
  if (status !== '') out.push({ line, text: `完成情况：${status}` });
  if (note !== '') out.push({ line, text: note });
  return out;
}

function isTableBreak(text: string): boolean {
  return readMarker(text) !== null && !/\t/.test(text);
}

/**
 * Rewrites flattened table rows into labelled lines; other lines pass through. Header rows (also
 * repeated after page breaks) are dropped. A row with fewer cells than its header is joined with
 * the lines after it (a cell broken over lines) until it is complete.
 */
export function expandTables(lines: readonly SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  let columns: Column[] | null = null;
  let rows = 0;
  for (let i = 0; i < lines.length; i++) {
    const source = lines[i];
    const header = readHeader(source.text);
    if (header) {
      columns = header;
      continue;
    }
    if (!columns || !/\t|[ \u3000\u00a0]{2,}/.test(source.text)) {
      out.push(source);
      continue;
    }
    let cells = cellsOf(source.text);
    if (cells.filter((c) => c !== '').length < 2) {
      out.push({ line: source.line, text: cells.find((c) => c !== '') ?? source.text });
      continue;
    }
    // A cell broken over lines: join the next lines into the last cell until the row is complete.
    for (let k = 1; cells.length < columns.length && k < MAX_ROW_LINES && i + 1 < lines.length; k++) {
      const next = lines[i + 1].text;
      if (readHeader(next) || isTableBreak(next)) break;
      const more = cellsOf(next);
      cells = [...cells.slice(0, -1), `${cells[cells.length - 1]}${more[0]}`, ...more.slice(1)];
      i++;
    }
    out.push(...rowLines(cells, columns, source.line, ++rows));
  }
  return out;
}
