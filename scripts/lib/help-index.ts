// help/index.html: the manifest's SupportUrl and Get Started link. When the function help pages do not
// bring their own index, the build writes this one, listing them by their <title>.

export const HELP_INDEX = 'help/index.html';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The <title> of a page, entities left as written, or the fallback. */
export function pageTitle(html: string, fallback: string): string {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const title = match ? match[1].replace(/\s+/g, ' ').trim() : '';
  return title === '' ? fallback : title;
}

/** An index page linking (relatively) to every help page under help/. */
export function renderHelpIndex(pages: Record<string, string>): string {
  const items = Object.keys(pages)
    .filter((file) => file.startsWith('help/') && file !== HELP_INDEX && file.endsWith('.html'))
    .sort()
    .map((file) => {
      const name = file.slice('help/'.length);
      // Titles come from our own pages: keep their entities, escape only what could open a tag.
      const title = pageTitle(pages[file], name).replace(/</g, '&lt;');
      return `      <li><a href="${escapeHtml(encodeURI(name))}">${title}</a></li>`;
    });
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>整改台账助手 帮助 / Help</title>
    <style>body { font-family: "Microsoft YaHei", "PingFang SC", "Segoe UI", sans-serif; margin: 24px; line-height: 1.6; }</style>
  </head>
  <body>
    <h1>整改台账助手 帮助</h1>
    <p>在“开始”选项卡点击“整改台账助手”打开任务窗格；在单元格中输入 <code>=ZG.</code> 查看自定义函数。
      Open the pane from the Home tab; type <code>=ZG.</code> in a cell for the custom functions.</p>
    <h2>函数 / Functions</h2>
    <ul>
${items.join('\n')}
    </ul>
    <p><a href="../taskpane.html">打开任务窗格（浏览器预览） / Open the pane (browser preview)</a></p>
  </body>
</html>
`;
}
