// Cell style ids for the cells of a generated sheet (整改统计, 汇总统计, a 通报 sheet) written into a
// package: a CellLook plus a number format. The workbook's own cellXfs are searched first, by what
// they look like (bold, size, colours, border, alignment, format), so a sheet the template came with
// is refreshed with the template's own ids and styles.xml keeps its bytes. Only a look the workbook
// lacks is appended — fonts, fills, borders, numFmts and xfs at the end of their lists, so every
// existing index stays valid — and then styles.xml is the one more part the edit touches.
import { ledgerError } from '../../ledger/errors';
import { LedgerStoreError } from '../../ledger/store';
import { BORDER_COLOUR, type CellLook } from '../sheetLooks';
import { addOverride, addRelationship } from '../xlsx/charts';
import { attributes, partText, relationshipsOf, setPartText, type XlsxParts } from '../xlsx/package';
import { scanXml } from '../xlsx/xmlScan';

const WORKBOOK = 'xl/workbook.xml';
const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** CT_Stylesheet's children in the order the schema requires, each with the smallest content a package needs. */
const SECTIONS: readonly [name: string, minimal: ((p: string) => string) | null][] = [
  ['numFmts', null],
  ['fonts', (p) => `<${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font></${p}fonts>`],
  ['fills', (p) => `<${p}fills count="2"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill></${p}fills>`],
  ['borders', (p) => `<${p}borders count="1"><${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border></${p}borders>`],
  ['cellStyleXfs', (p) => `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>`],
  ['cellXfs', (p) => `<${p}cellXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></${p}cellXfs>`],
  ['cellStyles', (p) => `<${p}cellStyles count="1"><${p}cellStyle name="Normal" xfId="0" builtinId="0"/></${p}cellStyles>`],
  ['dxfs', null], ['tableStyles', null], ['colors', null], ['extLst', null],
];

/** Where the workbook keeps its styles: the part its relationship names (as the readers find it), else the usual path. */
function stylesPathOf(parts: XlsxParts): string {
  return relationshipsOf(parts, WORKBOOK).find((r) => r.type.endsWith('/styles'))?.target ?? 'xl/styles.xml';
}

const damaged = () => new LedgerStoreError(ledgerError('damagedStyles'));

/**
 * The package's styles.xml with every list a new style is appended to: a workbook written without
 * one (some generators leave it out; Excel then uses its defaults) gets the smallest stylesheet, and
 * one without fonts, fills, borders or cell formats gets those lists, each where the schema puts it —
 * existing style ids keep their meaning. A part that is not XML is refused with the catalogue's message.
 */
function completeStyles(parts: XlsxParts, path: string): string {
  let xml = partText(parts, path);
  if (xml === null) {
    const body = SECTIONS.flatMap(([, minimal]) => (minimal ? [minimal('')] : [])).join('');
    xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">${body}</styleSheet>`;
    setPartText(parts, path, xml);
    // The content type may still name the part (a generator that declared it but left it out).
    if (!new RegExp(`PartName\\s*=\\s*["']/${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`).test(partText(parts, '[Content_Types].xml') ?? '')) addOverride(parts, path, STYLES_TYPE);
    if (!relationshipsOf(parts, WORKBOOK).some((r) => r.type.endsWith('/styles'))) addRelationship(parts, WORKBOOK, 'styles', path.replace(/^xl\//, ''));
    return xml;
  }
  // Children of the root, by local name: where each section is, so missing ones go in schema order.
  const present = new Map<string, number>();
  let rootName = '';
  let rootStart = -1;
  let rootEnd = -1;
  let rootTagEnd = -1;
  let depth = 0;
  try {
    scanXml(xml, {
      open(name, _a, start, end) {
        if (++depth === 1) [rootName, rootStart, rootTagEnd] = [name, start, end];
        else if (depth === 2 && !present.has(name)) present.set(name, start);
      },
      close(_name, start) {
        if (depth-- === 1) rootEnd = start;
      },
      wantsText: () => false,
      text: () => undefined,
    });
  } catch {
    throw damaged();
  }
  if (rootName !== 'styleSheet') throw damaged();
  const missing = SECTIONS.filter(([name, minimal]) => minimal && !present.has(name));
  if (missing.length === 0) return xml;
  const prefix = /^<((?:[^\s/>:]+:)?)/.exec(xml.slice(rootStart))![1];
  if (rootEnd === rootStart) {
    // <styleSheet …/>: opened, so the sections can go in.
    const open = `${xml.slice(rootStart, rootTagEnd - 2).trimEnd()}>`;
    xml = `${xml.slice(0, rootStart)}${open}</${prefix}styleSheet>${xml.slice(rootTagEnd)}`;
    rootEnd = rootStart + open.length;
  }
  const inserts = missing.map(([name, minimal]): [number, string] => {
    const later = SECTIONS.slice(SECTIONS.findIndex(([n]) => n === name) + 1).map(([n]) => present.get(n)).find((at) => at !== undefined);
    return [later ?? rootEnd, minimal!(prefix)];
  });
  // From the end backwards, so the offsets found stay right; sections for one place stay in schema order.
  for (const [at, text] of inserts.reverse()) xml = xml.slice(0, at) + text + xml.slice(at);
  setPartText(parts, path, xml);
  return xml;
}

/** Excel's built-in number formats that a layout uses (ECMA-376 Part 1, §18.8.30). */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = { 0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 14: 'mm-dd-yy', 49: '@' };

type Section = { open: string; start: number; end: number; prefix: string; items: string[] };

/** A list element of styles.xml (`<fonts count="5">…</fonts>`) and its children, or null. */
function section(xml: string, name: string, child: string): Section | null {
  const m = new RegExp(`<((?:[\\w.-]+:)?)${name}(?=[\\s>/])[^>]*?(/?)>`).exec(xml);
  if (!m) return null;
  const prefix = m[1];
  if (m[2] === '/') return { open: m[0], start: m.index, end: m.index + m[0].length, prefix, items: [] };
  const close = xml.indexOf(`</${prefix}${name}>`, m.index);
  if (close < 0) return null;
  const inner = xml.slice(m.index + m[0].length, close);
  const items = Array.from(inner.matchAll(new RegExp(`<${prefix}${child}(?=[\\s>/])(?:[^>]*?/>|[\\s\\S]*?</${prefix}${child}>)`, 'g')), (x) => x[0]);
  return { open: m[0], start: m.index, end: close + `</${prefix}${name}>`.length, prefix, items };
}

const rgb = (hex: string | undefined) => (hex ? hex.replace(/^#|^FF(?=[0-9A-Fa-f]{6}$)/g, '').toUpperCase().slice(-6) : '');
const colourOf = (xml: string, tag: string) => rgb(attributes(new RegExp(`<(?:[\\w.-]+:)?${tag}(\\s[^>]*?)/?>`).exec(xml)?.[1] ?? '').rgb);

type FontKey = { bold: boolean; size: number; color: string; name: string };

function fontKey(xml: string, base: { size: number; name: string }): FontKey {
  const b = /<(?:[\w.-]+:)?b(\s[^>]*?)?\/?>/.exec(xml);
  const bold = b !== null && !/val\s*=\s*["'](0|false)["']/.test(b[1] ?? '');
  const size = Number(attributes(/<(?:[\w.-]+:)?sz(\s[^>]*?)\/?>/.exec(xml)?.[1] ?? '').val ?? base.size);
  const name = attributes(/<(?:[\w.-]+:)?name(\s[^>]*?)\/?>/.exec(xml)?.[1] ?? '').val ?? base.name;
  return { bold, size, color: colourOf(xml, 'color'), name };
}

const fillKey = (xml: string) => (/patternType\s*=\s*["']solid["']/.test(xml) ? colourOf(xml, 'fgColor') : '');

function borderKey(xml: string): string {
  const sides = ['left', 'right', 'top', 'bottom'].map((side) => {
    const m = new RegExp(`<(?:[\\w.-]+:)?${side}(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${side}>)`).exec(xml);
    const style = attributes(m?.[1] ?? '').style ?? '';
    return style ? `${style}:${colourOf(m?.[2] ?? '', 'color')}` : '';
  });
  return sides.every((s) => s === sides[0]) ? sides[0] : 'mixed';
}

type XfKey = string;

const keyOf = (font: FontKey, fill: string, border: string, format: string, look: Pick<CellLook, 'horizontal' | 'vertical' | 'wrap'>): XfKey =>
  JSON.stringify([font.bold, font.size, font.color, font.name, fill, border, format, look.horizontal ?? '', look.vertical ?? '', look.wrap === true]);

export type StyleResolver = {
  /** The cellXfs index of a look with a number format ('General' when absent). */
  id(look: CellLook, format?: string): number;
  /** Writes the appended styles into styles.xml; returns whether the part changed. */
  commit(): boolean;
};

/**
 * A resolver over the package's styles.xml, completed first where it lacks what new styles need
 * (completeStyles); a LedgerStoreError with the catalogue's message when the part is not XML.
 */
export function styleResolver(parts: XlsxParts): StyleResolver {
  const STYLES_PATH = stylesPathOf(parts);
  const xml = completeStyles(parts, STYLES_PATH);
  const fonts = section(xml, 'fonts', 'font');
  const fills = section(xml, 'fills', 'fill');
  const borders = section(xml, 'borders', 'border');
  const xfs = section(xml, 'cellXfs', 'xf');
  const numFmts = section(xml, 'numFmts', 'numFmt');
  if (!fonts || !fills || !borders || !xfs) throw damaged();
  const p = fonts.prefix;
  const base = { size: 11, name: 'Calibri' };
  const first = fonts.items[0] ? fontKey(fonts.items[0], base) : null;
  if (first) Object.assign(base, { size: first.size, name: first.name });
  const formats = new Map<number, string>(Object.entries(BUILTIN_FORMATS).map(([id, code]) => [Number(id), code]));
  for (const item of numFmts?.items ?? []) {
    const a = attributes(item.slice(0, item.indexOf('>')));
    formats.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const fontKeys = fonts.items.map((f) => fontKey(f, base));
  const fillKeys = fills.items.map(fillKey);
  const borderKeys = borders.items.map(borderKey);
  const known = new Map<XfKey, number>();
  xfs.items.forEach((xf, i) => {
    const head = /^<[^>]*?\/?>/.exec(xf)![0];
    const a = attributes(head);
    const align = attributes(/<(?:[\w.-]+:)?alignment(\s[^>]*?)\/?>/.exec(xf)?.[1] ?? '');
    const font = fontKeys[Number(a.fontId ?? 0)];
    const format = formats.get(Number(a.numFmtId ?? 0));
    if (!font || format === undefined) return;
    const look: CellLook = {
      horizontal: align.horizontal as CellLook['horizontal'], vertical: (align.vertical === 'bottom' ? undefined : align.vertical) as CellLook['vertical'],
      wrap: align.wrapText === '1' || align.wrapText === 'true',
    };
    const key = keyOf(font, fillKeys[Number(a.fillId ?? 0)] ?? '', borderKeys[Number(a.borderId ?? 0)] ?? '', format, look);
    if (!known.has(key)) known.set(key, i);
  });

  const added = { fonts: [] as string[], fills: [] as string[], borders: [] as string[], numFmts: [] as string[], xfs: [] as string[] };
  const indexIn = <T>(keys: T[], key: T, make: () => string, list: string[]): number => {
    const at = keys.findIndex((k) => JSON.stringify(k) === JSON.stringify(key));
    if (at >= 0) return at;
    keys.push(key);
    list.push(make());
    return keys.length - 1;
  };
  const formatId = (code: string): number => {
    for (const [id, c] of formats) if (c === code) return id;
    const id = Math.max(163, ...formats.keys()) + 1;
    formats.set(id, code);
    added.numFmts.push(`<${p}numFmt numFmtId="${id}" formatCode="${code.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"/>`);
    return id;
  };

  return {
    id(look, format = 'General') {
      const font: FontKey = { bold: look.bold === true, size: look.size ?? base.size, color: rgb(look.color), name: look.font ?? base.name };
      const fill = rgb(look.fill);
      const border = look.border ? `thin:${rgb(BORDER_COLOUR)}` : '';
      const key = keyOf(font, fill, border, format, look);
      const found = known.get(key);
      if (found !== undefined) return found;
      const fontId = indexIn(fontKeys, font, () =>
        `<${p}font>${font.bold ? `<${p}b/>` : ''}<${p}sz val="${font.size}"/>${font.color ? `<${p}color rgb="FF${font.color}"/>` : ''}<${p}name val="${font.name.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/></${p}font>`, added.fonts);
      const fillId = indexIn(fillKeys, fill, () =>
        fill ? `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${fill}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>` : `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`, added.fills);
      const side = (s: string) => (border ? `<${p}${s} style="thin"><${p}color rgb="FF${rgb(BORDER_COLOUR)}"/></${p}${s}>` : `<${p}${s}/>`);
      const borderId = indexIn(borderKeys, border, () => `<${p}border>${['left', 'right', 'top', 'bottom'].map(side).join('')}<${p}diagonal/></${p}border>`, added.borders);
      const numFmtId = formatId(format);
      const align = [look.horizontal ? ` horizontal="${look.horizontal}"` : '', look.vertical ? ` vertical="${look.vertical}"` : '', look.wrap ? ' wrapText="1"' : ''].join('');
      const applies = `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}`;
      const head = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
      added.xfs.push(align ? `${head} applyAlignment="1"><${p}alignment${align}/></${p}xf>` : `${head}/>`);
      const id = xfs.items.length + added.xfs.length - 1;
      known.set(key, id);
      return id;
    },
    commit() {
      const lists: [Section | null, string[], string][] = [
        [numFmts, added.numFmts, 'numFmts'], [fonts, added.fonts, 'fonts'], [fills, added.fills, 'fills'], [borders, added.borders, 'borders'], [xfs, added.xfs, 'cellXfs'],
      ];
      if (lists.every(([, items]) => items.length === 0)) return false;
      let out = xml;
      // From the end of the part backwards, so the offsets found above stay right.
      for (const [sec, items, name] of lists.filter(([, items]) => items.length > 0).sort((a, b) => (b[0]?.start ?? 0) - (a[0]?.start ?? 0))) {
        if (!sec) {
          // No <numFmts> yet: it is the first child of styleSheet.
          const at = out.indexOf('>', out.search(/<(?:[\w.-]+:)?styleSheet[\s>]/)) + 1;
          out = `${out.slice(0, at)}<${p}numFmts count="${items.length}">${items.join('')}</${p}numFmts>${out.slice(at)}`;
          continue;
        }
        const count = sec.items.length + items.length;
        const open = /\scount\s*=\s*["']\d*["']/.test(sec.open) ? sec.open.replace(/\scount\s*=\s*["']\d*["']/, ` count="${count}"`) : sec.open.replace(new RegExp(`^<${sec.prefix}${name}`), `$& count="${count}"`);
        const body = sec.open.endsWith('/>') ? `${open.replace(/\s*\/>$/, '>')}${items.join('')}</${sec.prefix}${name}>` : `${open}${out.slice(sec.start + sec.open.length, sec.end - `</${sec.prefix}${name}>`.length)}${items.join('')}</${sec.prefix}${name}>`;
        out = out.slice(0, sec.start) + body + out.slice(sec.end);
      }
      setPartText(parts, STYLES_PATH, out);
      return true;
    },
  };
}
