// The start-up budget helpers: which scripts taskpane.html loads, and the verdict at the boundary.
import { randomBytes } from 'node:crypto';
import {
  formatKiB, gzipSize, isOfficeJs, judgeBudget, scriptSources, TASKPANE_BUDGET_BYTES,
} from '../../scripts/lib/bundle-size';

describe('scriptSources', () => {
  it('lists every script in document order, minified or not, without query strings', () => {
    const html =
      '<head><script src=office-js/office.js></script><script defer src=runtime.js?c1491a72></script>' +
      "<script defer='defer' src='vendor.1a2b.js#x'></script></head><body><script type=\"module\" src=\"taskpane.js?v=2\"></script>" +
      '<script>inline()</script></body>';
    expect(scriptSources(html)).toEqual(['office-js/office.js', 'runtime.js', 'vendor.1a2b.js', 'taskpane.js']);
  });

  it('finds nothing in a page without scripts', () => {
    expect(scriptSources('<html><body><p>src="x.js"</p></body></html>')).toEqual([]);
  });
});

it('recognises the Office.js copy, which the budget leaves out', () => {
  expect(isOfficeJs('office-js/office.js')).toBe(true);
  expect(isOfficeJs('./office-js/office.js')).toBe(true);
  expect(isOfficeJs('office.js')).toBe(false);
  expect(isOfficeJs('my-office-js.js')).toBe(false);
});

describe('judgeBudget', () => {
  const file = (gzip: number) => ({ file: `${gzip}.js`, bytes: gzip * 3, gzip });

  it('is 165 KiB by default', () => {
    expect(TASKPANE_BUDGET_BYTES).toBe(165 * 1024);
  });

  it.each([
    [[100 * 1024, 65 * 1024], false],
    [[100 * 1024, 65 * 1024 + 1], true],
    [[], false],
  ])('totals %j → over budget: %s', (sizes, over) => {
    const verdict = judgeBudget(sizes.map(file));
    expect(verdict.over).toBe(over);
    expect(verdict.total).toBe(sizes.reduce((a, b) => a + b, 0));
  });

  it('takes another budget', () => {
    expect(judgeBudget([file(2048)], 1024).over).toBe(true);
  });
});

describe('gzipSize', () => {
  it('is small for repetitive code and about the size of random bytes', () => {
    const code = Buffer.from('function f(){return 1}'.repeat(2000));
    expect(gzipSize(code)).toBeLessThan(code.length / 20);
    const noise = randomBytes(10000);
    expect(gzipSize(noise)).toBeGreaterThan(10000);
  });
});

it('formats KiB with one decimal', () => {
  expect(formatKiB(165 * 1024)).toBe('165.0 KiB');
  expect(formatKiB(1536)).toBe('1.5 KiB');
});
