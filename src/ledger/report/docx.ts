// The 通报 draft as a .docx in GB/T 9704-2012 layout, built with the `docx` package (browser and
// Node alike). The task pane loads this module with a dynamic import() so the docx library stays
// out of the start-up bundle.
//
// Page numbers: "— 1 —" in 4号宋体, on the outer side as §7.5 prescribes (odd pages right, even pages
// left, one cell in from the edge of the version heart), through Word's odd/even footers.
import { ledgerError, type LedgerError } from '../errors';
import { xmlSafeText } from '../xmlText';
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import type { IParagraphStyleOptions } from 'docx';
import type { ClosingPlacement } from './gbt9704';
import type { DraftBlock, ReportDraft } from './draft';
import { fontTableXml } from './fontTable';
import { BODY_CHARACTER_SPACING, CHAR_PITCH, closingPlacement, titleLines, FONTS, LINE_PITCH, MARGIN, mm, PAGE, SIZE } from './gbt9704';

type FontKey = keyof typeof FONTS;

function font(key: FontKey) {
  const { name } = FONTS[key];
  // Digits and Latin letters take the same face, as in the printed 公文.
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

const exactLine = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
const twoCells = { firstLineChars: 200, firstLine: Math.round(2 * CHAR_PITCH) } as const;

/** Style ids: Word's built-in Title/Heading1–4, so the navigation pane shows the outline. */
export const STYLE_IDS = { title: 'Title', 1: 'Heading1', 2: 'Heading2', 3: 'Heading3', 4: 'Heading4', body: 'Normal' } as const;

function headingStyle(level: 1 | 2 | 3 | 4, fontKey: FontKey, name: string): IParagraphStyleOptions {
  return {
    id: STYLE_IDS[level],
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: font(fontKey), size: SIZE.body, bold: false, color: '000000' },
    paragraph: { outlineLevel: level - 1, keepNext: true, indent: twoCells, spacing: exactLine, alignment: AlignmentType.JUSTIFIED },
  };
}

const STYLES: IParagraphStyleOptions[] = [
  // Normal carries the body font and size itself, not only the document defaults: LibreOffice
  // sizes the character grid from Normal's East Asian size, and with its 12 pt default a 16 pt
  // character took two cells (19 characters a line instead of 28).
  {
    id: STYLE_IDS.body,
    name: 'Normal',
    quickFormat: true,
    run: { font: font('body'), size: SIZE.body },
    paragraph: { spacing: exactLine, alignment: AlignmentType.JUSTIFIED },
  },
  {
    id: STYLE_IDS.title,
    name: 'Title',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: font('title'), size: SIZE.title, bold: false, color: '000000' },
    // 2号 lines 35 pt apart (a 28.95 pt line crowds 22 pt characters).
    paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, keepNext: true },
  },
  headingStyle(1, 'heading1', 'heading 1'),
  headingStyle(2, 'heading2', 'heading 2'),
  headingStyle(3, 'body', 'heading 3'),
  headingStyle(4, 'body', 'heading 4'),
];

// The condensed spacing goes on each run: the docx package does not write w:spacing in a style's rPr.
function run(text: string): TextRun {
  return new TextRun({ text, characterSpacing: BODY_CHARACTER_SPACING });
}

function placed(text: string, placement: ClosingPlacement): Paragraph {
  return placement.align === 'right'
    ? new Paragraph({ children: [run(text)], alignment: AlignmentType.RIGHT, indent: { right: Math.round(placement.right * CHAR_PITCH) } })
    : new Paragraph({ children: [run(text)], alignment: AlignmentType.LEFT, indent: { left: Math.round(placement.left * CHAR_PITCH) } });
}

function blockParagraphs(block: DraftBlock, closing: ReturnType<typeof closingPlacement>): Paragraph[] {
  switch (block.kind) {
    case 'title': {
      const children = titleLines(block.text).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 }));
      // GB/T 9704 §7.3.1: a blank line between the title and the body.
      return [new Paragraph({ style: STYLE_IDS.title, children }), new Paragraph({})];
    }
    case 'heading':
      return [new Paragraph({ style: STYLE_IDS[block.level], children: [run(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ children: [run(block.text)], indent: twoCells, alignment: AlignmentType.JUSTIFIED })];
    case 'signature':
      // §7.3.5.2: one blank line under the body, then the signature.
      return [new Paragraph({}), placed(block.text, closing.signature)];
    case 'date':
      return [placed(block.text, closing.date)];
  }
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const cell = Math.round(CHAR_PITCH);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: cell } : { left: cell },
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { ascii: FONTS.pageNumber.name, hAnsi: FONTS.pageNumber.name, eastAsia: FONTS.pageNumber.name, cs: FONTS.pageNumber.name },
            size: SIZE.pageNumber,
          }),
        ],
      }),
    ],
  });
}

export function draftDocument(draft: ReportDraft): Document {
  return pagesDocument([draft]);
}

/** Several drafts in one document, each starting on a new page (督办提醒: a page per unit). */
export function pagesDocument(drafts: readonly ReportDraft[]): Document {
  const first = drafts[0] ?? { blocks: [] };
  const signature = first.blocks.find((b) => b.kind === 'signature')?.text ?? '';
  const title = first.blocks.find((b) => b.kind === 'title')?.text ?? '';
  return new Document({
    creator: signature || '整改台账助手',
    title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font('body'), size: SIZE.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: exactLine },
        },
      },
      paragraphStyles: STYLES,
    },
    sections: drafts.map((draft) => {
      const closing = closingPlacement(draft.blocks.find((b) => b.kind === 'signature')?.text ?? '', draft.blocks.find((b) => b.kind === 'date')?.text ?? '');
      return {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            // The page number's dash sits 7 mm under the version heart (§7.5): footer at 35 − 7 − 5 mm.
            margin: { ...MARGIN, header: mm(15), footer: mm(23), gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: draft.blocks.flatMap((block) => blockParagraphs(block, closing)),
      };
    }),
  });
}

/**
 * The .docx bytes (a zip). Works in the browser and in Node. Every paragraph goes through the one
 * sanitiser first: a character XML forbids (pasted U+FFFF, control characters) would make
 * document.xml ill-formed and Word refuse the file; each paragraph changed is reported.
 */
export async function buildDocx(draft: ReportDraft | readonly ReportDraft[], onWarning: (warning: LedgerError) => void = () => undefined): Promise<Uint8Array> {
  const drafts = Array.isArray(draft) ? (draft as readonly ReportDraft[]) : [draft as ReportDraft];
  let paragraph = 0;
  const safeDrafts = drafts.map((d) => ({
    ...d,
    blocks: d.blocks.map((block) => {
      paragraph += 1;
      const safe = xmlSafeText(block.text);
      if (safe.removed > 0) onWarning(ledgerError('paragraphCharsRemoved', paragraph, safe.removed));
      return safe.removed > 0 ? { ...block, text: safe.text } : block;
    }),
  }));
  return Packer.pack(pagesDocument(safeDrafts), 'uint8array', false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
