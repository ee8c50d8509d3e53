// help/index.html, written when the help pages bring no index of their own.
import { pageTitle, renderHelpIndex } from '../../scripts/lib/help-index';
import { findForeignUrls } from '../../scripts/lib/origin-scan';

const pages = {
  'help/daysleft.html': '<!doctype html><html><head><title>ZG.剩余天数 / ZG.DAYSLEFT</title></head><body></body></html>',
  'help/completionrate.html': '<html><head><title>\n  ZG.完成率 &amp; COMPLETIONRATE\n</title></head></html>',
  'help/untitled.html': '<html><body>no title</body></html>',
  'help/notes.txt': 'not a page',
  'other/page.html': '<title>elsewhere</title>',
};

describe('renderHelpIndex', () => {
  const html = renderHelpIndex(pages);
  const links = [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);

  it('links every help page by its title, sorted by file, relative to help/', () => {
    expect(links).toEqual([
      ['completionrate.html', 'ZG.完成率 &amp; COMPLETIONRATE'],
      ['daysleft.html', 'ZG.剩余天数 / ZG.DAYSLEFT'],
      ['untitled.html', 'untitled.html'],
      ['../taskpane.html', '打开任务窗格（浏览器预览） / Open the pane (browser preview)'],
    ]);
  });

  it('refers to no other origin', () => {
    expect(findForeignUrls('help/index.html', html, 'https://zg.example.gov.cn')).toEqual([]);
  });

  it('does not list itself', () => {
    expect(renderHelpIndex({ ...pages, 'help/index.html': '<title>Index</title>' })).not.toContain('href="index.html"');
  });
});

it('pageTitle falls back when the title is missing or blank', () => {
  expect(pageTitle('<title> </title>', 'x.html')).toBe('x.html');
  expect(pageTitle('<TITLE lang="zh">完成率</TITLE>', 'x.html')).toBe('完成率');
});
