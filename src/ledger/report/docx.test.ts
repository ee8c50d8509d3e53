import JSZip from 'jszip';
import { buildDocx } from './docx';
import { buildDraft } from './draft';
import { closingPlacement, LINE_PITCH, textCells, titleLines, TITLE_CHARS_PER_LINE } from './gbt9704';
import { smallLedger } from './testLedger';

async function parts(): Promise<Record<string, string>> {
  const bytes = await buildDocx(buildDraft(smallLedger(), { asOf: '2022-10-18' }));
  expect(bytes).toBeInstanceOf(Uint8Array);
  const zip = await JSZip.loadAsync(bytes);
  const names = ['word/document.xml', 'word/styles.xml', 'word/fontTable.xml', 'word/settings.xml', 'word/footer1.xml', 'word/footer2.xml', 'word/_rels/document.xml.rels'];
  const out: Record<string, string> = {};
  for (const name of names) {
    const file = zip.file(name);
    if (!file) throw new Error(`missing ${name}`);
    out[name] = await file.async('string');
  }
  return out;
}

/** The XML of one style by id. */
function style(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`).exec(styles);
  if (!m) throw new Error(`no style ${id}`);
  return m[0];
}

describe('buildDocx (GB/T 9704-2012)', () => {
  let xml: Record<string, string>;
  beforeAll(async () => {
    xml = await parts();
  });

  test('A4 page, margins 37/35/28/26 mm, 22 lines of 28.95 pt', () => {
    const doc = xml['word/document.xml'];
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(doc)?.[1] ?? '';
    expect(margin).toContain('w:top="2098"'); // 37 mm
    expect(margin).toContain('w:bottom="1984"'); // 35 mm
    expect(margin).toContain('w:left="1587"'); // 28 mm
    expect(margin).toContain('w:right="1474"'); // 26 mm
    expect(doc).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"\/>/);
    expect(LINE_PITCH * 22).toBeLessThanOrEqual(16838 - 2098 - 1984);
  });

  test('body: 3号仿宋_GB2312 on exact 28.95 pt lines, condensed so 28 characters fit', () => {
    const normal = style(xml['word/styles.xml'], 'Normal');
    expect(normal).toContain('w:eastAsia="仿宋_GB2312"');
    expect(normal).toContain('<w:sz w:val="32"/>');
    expect(normal).toMatch(/<w:spacing [^>]*w:line="579" w:lineRule="exact"/);
    // every body run carries −5 twips: 28 × (320 − 5) = 8820 ≤ 8845 twips of line
    expect(xml['word/document.xml']).toContain('<w:spacing w:val="-5"/>');
    expect(28 * (320 - 5)).toBeLessThanOrEqual(11906 - 1587 - 1474);
  });

  test.each([
    ['Title', '方正小标宋简体', 44, null],
    ['Heading1', '黑体', 32, 0],
    ['Heading2', '楷体_GB2312', 32, 1],
    ['Heading3', '仿宋_GB2312', 32, 2],
    ['Heading4', '仿宋_GB2312', 32, 3],
  ])('style %s: %s, %i half-points, outline level %s', (id, fontName, size, outline) => {
    const s = style(xml['word/styles.xml'], id);
    expect(s).toContain(`w:eastAsia="${fontName}"`);
    expect(s).toContain(`<w:sz w:val="${size}"/>`);
    if (outline !== null) expect(s).toContain(`<w:outlineLvl w:val="${outline}"/>`);
    expect(s).not.toMatch(/<w:b\/>|<w:b w:val="true"\/>/);
  });

  test('title centred; headings use their styles in order', () => {
    const doc = xml['word/document.xml'];
    expect(style(xml['word/styles.xml'], 'Title')).toContain('<w:jc w:val="center"/>');
    const used = [...doc.matchAll(/<w:pStyle w:val="(\w+)"\/>/g)].map((m) => m[1]);
    expect(used[0]).toBe('Title');
    expect(used.filter((s) => s === 'Heading1')).toHaveLength(3);
    expect(used.filter((s) => s === 'Heading2')).toHaveLength(2);
    expect(used.filter((s) => s === 'Heading3')).toHaveLength(3);
    expect(used.filter((s) => s === 'Heading4')).toHaveLength(4);
    expect(doc).toContain('一、整改工作组织情况');
    expect(doc).toContain('（一）政治建设方面问题的整改情况');
    // a long title breaks before 关于
    expect(doc).toMatch(/中共清丰县紧密型县域医共体委员会<\/w:t><\/w:r><w:r>.*?<w:br\/><w:t[^>]*>关于巡察整改情况的通报/);
  });

  test('page numbers "— n —" in 4号宋体, outer side on odd and even pages', () => {
    expect(xml['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const rels = xml['word/_rels/document.xml.rels'];
    expect(rels).toMatch(/footer1\.xml/);
    for (const name of ['word/footer1.xml', 'word/footer2.xml']) {
      const footer = xml[name];
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
      expect(footer).toMatch(/<w:t xml:space="preserve">— <\/w:t>.*<w:instrText xml:space="preserve">PAGE<\/w:instrText>.*<w:t xml:space="preserve"> —<\/w:t>/s);
    }
    const sides = ['word/footer1.xml', 'word/footer2.xml'].map((n) => /<w:jc w:val="(\w+)"\/>/.exec(xml[n])?.[1]).sort();
    expect(sides).toEqual(['left', 'right']);
  });

  test('the font table names a fallback for each GB font', () => {
    const fonts = xml['word/fontTable.xml'];
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
  });

  test('署名 右空二字 and the date two cells further right', () => {
    const doc = xml['word/document.xml'];
    expect(doc).toMatch(/<w:ind w:right="632"\/><w:jc w:val="right"\/><\/w:pPr><w:r><w:rPr><w:spacing w:val="-5"\/><\/w:rPr><w:t[^>]*>中共清丰县紧密型县域医共体委员会</);
    // 28 − 2 − 16 + 2 = 12 cells from the left margin
    expect(doc).toMatch(/<w:ind w:left="3791"\/><w:jc w:val="left"\/><\/w:pPr><w:r><w:rPr><w:spacing w:val="-5"\/><\/w:rPr><w:t[^>]*>2022年10月18日</);
  });
});

describe('GB/T 9704 helpers', () => {
  test('textCells counts ASCII as half a cell', () => {
    expect(textCells('2022年10月18日')).toBe(7);
    expect(textCells('中共某某党组')).toBe(6);
  });

  test.each([
    ['中共清丰县紧密型县域医共体委员会', '2022年10月18日', { signature: { align: 'right', right: 2 }, date: { align: 'left', left: 12 } }],
    // date longer than the signature: the date keeps 右空二字 and the signature starts 2 cells left of
    // it (7 cells + ¼ cell for each of 5 digit/汉字 boundaries = 8.25; 28 − 2 − 8.25 − 2 = 15.75)
    ['某局', '2022年10月18日', { signature: { align: 'left', left: 15.75 }, date: { align: 'right', right: 2 } }],
  ])('closingPlacement(%s, %s)', (signature, date, expected) => {
    expect(closingPlacement(signature, date)).toEqual(expected);
  });

  test('titleLines breaks a long title before 关于 only', () => {
    expect(TITLE_CHARS_PER_LINE).toBe(20);
    expect(titleLines('中共开封市卫生健康委员会党组关于巡察整改情况的通报')).toEqual(['中共开封市卫生健康委员会党组', '关于巡察整改情况的通报']);
    expect(titleLines('某局党组关于巡察整改情况的通报')).toEqual(['某局党组关于巡察整改情况的通报']);
    expect(titleLines('关于巡察整改情况的通报')).toEqual(['关于巡察整改情况的通报']);
  });
});

describe('buildDocx with pasted text XML forbids', () => {
  test('document.xml stays well-formed and the paragraph is named', async () => {
    const draft = buildDraft(smallLedger(), { asOf: '2022-10-18' });
    const at = draft.blocks.findIndex((b) => b.kind === 'paragraph');
    draft.blocks[at] = { ...draft.blocks[at], text: `前\uFFFF中\u0001后` };
    const warnings: string[] = [];
    const zip = await JSZip.loadAsync(await buildDocx(draft, (w) => warnings.push(w.message)));
    const doc = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(doc).toContain('前中后');
     
    expect(doc).not.toMatch(/[\uFFFF\u0001]/);
    expect(warnings).toEqual([`第${at + 1}段：去掉了2个 XML 不允许的字符（如 U+FFFF、控制字符）`]);
  });
});
