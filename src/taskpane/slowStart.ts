// What the pane shows inside Office while Office.onReady has not answered yet (a slow network, a
// busy Excel): that it is still connecting, and a retry that reloads the page. Plain DOM, before
// React and the store exist; never the sample ledger (boot.ts, detectHost).
import type { Locale } from '../ledger/errors';

const TEXT = {
  'zh-CN': { message: '正在连接 Excel，Office 加载较慢，请稍候…', retry: '重试' },
  en: { message: 'Connecting to Excel; Office is slow to load, please wait…', retry: 'Retry' },
} as const;

/** Shows the waiting message with a retry button in `container`; returns a function that removes it. */
export function showSlowStart(container: HTMLElement, locale: Locale, reload: () => void = () => window.location.reload()): () => void {
  const box = document.createElement('div');
  box.setAttribute('role', 'status');
  box.style.cssText = 'font-family:"Microsoft YaHei","PingFang SC",sans-serif;padding:16px;color:#242424;line-height:1.6';
  const message = document.createElement('p');
  message.textContent = TEXT[locale].message;
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.textContent = TEXT[locale].retry;
  retry.style.cssText = 'padding:4px 16px;border:1px solid #616161;border-radius:4px;background:#fff;color:#242424;font:inherit;cursor:pointer';
  retry.addEventListener('click', () => reload());
  box.append(message, retry);
  container.append(box);
  return () => box.remove();
}
