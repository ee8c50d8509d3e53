// WCAG 2.x contrast of every visible text in the page (1.4.3): 4.5:1 for body text, 3:1 for large
// text (≥ 24 px, or ≥ 18.66 px bold). The foreground is the text's computed colour (with its alpha
// and the opacity of its ancestors); the background is found by walking up from the text's element
// and compositing every background colour met until an opaque one (the page is white under all).
// Disabled controls are exempt, as WCAG says; so is text a screen reader is told to skip and that
// is not painted (clip-path/1 px "visually hidden" helpers). Background images are not read: the
// pane has none behind text.

/** Runs in the page: returns one line per offending text node. */
function scan() {
  const parse = (css) => {
    const m = /rgba?\(([^)]+)\)/.exec(css);
    if (!m) return null;
    const parts = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
  };
  const over = (top, bottom) => {
    const a = top.a + bottom.a * (1 - top.a);
    if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
    const mix = (c) => (top[c] * top.a + bottom[c] * bottom.a * (1 - top.a)) / a;
    return { r: mix('r'), g: mix('g'), b: mix('b'), a };
  };
  const luminance = ({ r, g, b }) => {
    const lin = (v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const ratio = (x, y) => {
    const [l1, l2] = [luminance(x), luminance(y)].sort((p, q) => q - p);
    return (l1 + 0.05) / (l2 + 0.05);
  };
  const background = (el) => {
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c && c.a > 0) {
        layers.push(c);
        if (c.a >= 1) break;
      }
    }
    let bg = { r: 255, g: 255, b: 255, a: 1 };
    for (const layer of layers.reverse()) bg = over(layer, bg);
    return bg;
  };
  const opacity = (el) => {
    let o = 1;
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) o *= Number(getComputedStyle(node).opacity);
    return o;
  };
  const exempt = (el) =>
    Boolean(el.closest('[disabled], [aria-disabled="true"], [aria-hidden="true"]')) ||
    Boolean(el.closest('fieldset[disabled]'));
  const offenders = [];
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const el = node.parentElement;
    if (!el || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'OPTION', 'TEMPLATE'].includes(el.tagName) || exempt(el)) continue;
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || style.display === 'none') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rect = range.getBoundingClientRect();
    if (rect.width < 2 || rect.height < 2) continue; // visually hidden helpers (1 px clip)
    const fg0 = parse(style.color);
    if (!fg0) continue;
    const bg = background(el);
    const fg = over({ ...fg0, a: fg0.a * opacity(el) }, bg);
    const value = ratio(fg, bg);
    const size = parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    const need = large ? 3 : 4.5;
    if (value + 1e-9 < need) {
      const key = `${text.slice(0, 40)}|${style.color}|${value.toFixed(2)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const hex = (c) => `#${[c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
      offenders.push(`“${text.slice(0, 40)}” ${value.toFixed(2)}:1 (need ${need}; ${hex(fg)} on ${hex(bg)}, ${size}px, <${el.tagName.toLowerCase()} class="${String(el.className).split(' ')[0]}">)`);
    }
  }
  return offenders;
}

/** Every text on the page below WCAG contrast, as lines; [] when all pass. */
export function contrastOffenders(page) {
  return page.evaluate(scan);
}
