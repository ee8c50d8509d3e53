// The draft as plain text (to copy into WPS/Word/a mail) and as worksheet rows (写入新工作表).
import type { DraftBlock, ReportDraft } from './draft';

/** Plain text: one paragraph a line, a blank line after the title and before the 署名 block. */
export function draftToText(draft: ReportDraft): string {
  const lines: string[] = [];
  draft.blocks.forEach((block, i) => {
    const previous = draft.blocks[i - 1];
    const opensClosing = block.kind === 'signature' || (block.kind === 'date' && previous?.kind !== 'signature');
    if (opensClosing && lines.length > 0) lines.push('');
    lines.push(block.text);
    if (block.kind === 'title') lines.push('');
  });
  return `${lines.join('\n')}\n`;
}

export const BLOCK_LABELS = {
  title: '标题',
  heading1: '一级标题',
  heading2: '二级标题',
  heading3: '三级标题',
  heading4: '四级标题',
  paragraph: '正文',
  signature: '署名',
  date: '成文日期',
} as const;

export function blockLabel(block: DraftBlock): string {
  if (block.kind === 'heading') return BLOCK_LABELS[`heading${block.level}`];
  return BLOCK_LABELS[block.kind];
}

/** Rows for a new worksheet: a header, then 类型 | 内容 per block (filterable, printable). */
export function draftToRows(draft: ReportDraft): string[][] {
  return [['类型', '内容'], ...draft.blocks.map((block) => [blockLabel(block), block.text])];
}
