// The "no other origin" scanner: what it reports, what it lets through and why, and the Office.js
// completeness check against the real @microsoft/office-js package.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findForeignUrls, isScannable, missingOfficeJsFiles } from '../../scripts/lib/origin-scan';

const ORIGIN = 'https://zg.example.gov.cn';
const urls = (file: string, text: string) => findForeignUrls(file, text, ORIGIN).map((f) => f.url);

describe('findForeignUrls reports requests to other origins', () => {
  it.each([
    ['a CDN script', 'taskpane.html', '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>', ['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']],
    ['a protocol-relative stylesheet', 'help/index.html', '<link rel="stylesheet" href="//fonts.example.com/a.css">', ['//fonts.example.com/a.css']],
    ['a web font in CSS', 'a.css', '@font-face{src:url(https://fonts.gstatic.com/s/x.woff2)}', ['https://fonts.gstatic.com/s/x.woff2']],
    ['a CSS @import', 'a.css', '@import "//cdn.example.com/x.css";', ['//cdn.example.com/x.css']],
    ['a fetch in a bundle', 'taskpane.js', 'fetch("https://telemetry.example.com/collect?id=1")', ['https://telemetry.example.com/collect?id=1']],
    ['a help URL left on localhost', 'functions.json', '{"helpUrl":"https://localhost:3000/help/completionrate.html"}', ['https://localhost:3000/help/completionrate.html']],
    ['the same origin on another port', 'functions.json', '{"helpUrl":"https://zg.example.gov.cn:8443/help/a.html"}', ['https://zg.example.gov.cn:8443/help/a.html']],
    ['plain http to our own host', 'taskpane.html', '<img src="http://zg.example.gov.cn/assets/icon-16.png">', ['http://zg.example.gov.cn/assets/icon-16.png']],
    ['a source map elsewhere', 'taskpane.js', '//# sourceMappingURL=https://maps.example.com/taskpane.js.map', ['https://maps.example.com/taskpane.js.map']],
  ])('%s', (_what, file, text, expected) => {
    expect(urls(file, text)).toEqual(expected);
  });

  it('gives the line of each finding and reports a URL once per file', () => {
    const text = 'a\nb\nfetch("https://x.example.com/a")\nfetch("https://x.example.com/a")\n';
    expect(findForeignUrls('f.js', text, ORIGIN)).toEqual([{ file: 'f.js', url: 'https://x.example.com/a', line: 3 }]);
  });
});

describe('findForeignUrls lets through what is never requested', () => {
  it.each([
    ['our own origin', 'taskpane.html', '<link href="https://zg.example.gov.cn/addin/assets/icon-32.png">'],
    ['relative URLs', 'taskpane.html', '<script src="office-js/office.js"></script><script defer src="taskpane.js?abc"></script>'],
    ['SVG and XHTML namespaces in React', 'vendor.js', 'createElementNS("http://www.w3.org/2000/svg","svg");"http://www.w3.org/1999/xhtml"'],
    ['OOXML namespaces in the .docx writer', 'docx.js', '"xmlns:w":"http://schemas.openxmlformats.org/wordprocessingml/2006/main","xmlns:w14":"http://schemas.microsoft.com/office/word/2010/wordml"'],
    ['Dublin Core in document properties', 'docx.js', '"xmlns:dc":"http://purl.org/dc/elements/1.1/"'],
    ["React's error message text", 'vendor.js', '"Minified React error #"+e+"; visit https://react.dev/errors/"+e'],
    ['a scheme with no host written', 'a.js', 'var u="https://"+host+"/x"'],
    ['a JavaScript // comment', 'a.js', 'a=1;// not a URL\nb=2'],
  ])('%s', (_what, file, text) => {
    expect(urls(file, text)).toEqual([]);
  });
});

it('scans text files, not images', () => {
  expect(['taskpane.html', 'functions.json', 'manifest.xml', 'a.css', '1.js', 'x.svg'].every(isScannable)).toBe(true);
  expect(['assets/icon-16.png', 'font.woff2'].some(isScannable)).toBe(false);
});

describe('missingOfficeJsFiles', () => {
  const dist = join(dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
  const officeJs = readFileSync(join(dist, 'office.js'), 'utf8');

  it('finds every Excel host file, the zh-CN and en-US strings and the telemetry sink in the package', () => {
    expect(missingOfficeJsFiles(officeJs, (p) => existsSync(join(dist, p)), ['zh-CN', 'en-US'])).toEqual([]);
  });

  it('names the Excel host files office.js would request', () => {
    const requested: string[] = [];
    missingOfficeJsFiles(officeJs, (p) => (requested.push(p), true), []);
    expect(requested).toEqual(expect.arrayContaining(['excel-web-16.00.js', 'excel-win32-16.01.js', 'excel-mac-16.00.js']));
  });

  it('reports what a copy left out', () => {
    const present = (p: string) => p !== 'zh-cn/office_strings.js' && p !== 'excel-win32-16.01.js';
    expect(missingOfficeJsFiles(officeJs, present, ['zh-CN'])).toEqual(['zh-cn/office_strings.js', 'excel-win32-16.01.js']);
  });

  it('refuses a file that is not office.js', () => {
    expect(missingOfficeJsFiles('console.log(1)', () => true, [])).toHaveLength(1);
  });
});
