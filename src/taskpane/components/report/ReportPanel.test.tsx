/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TextDecoder, TextEncoder } from 'node:util';
import type { Locale } from '../../../ledger/errors';
import { ledgerError } from '../../../ledger/errors';
import { LedgerStoreError } from '../../../ledger/store';
import type { LedgerStore } from '../../../ledger/store';
import { smallLedger } from '../../../ledger/report/testLedger';
import { createMemoryStore } from '../../../workbook/memoryStore';
import '../../testUtils'; // jsdom shims (ResizeObserver) the pane's tests share
import { ReportPanel } from './ReportPanel';

jest.setTimeout(30_000);

// jest's jsdom lacks TextEncoder, which every browser the pane runs in has (the docx zip needs it).
if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder, TextDecoder });

type SheetWriter = NonNullable<LedgerStore['writeReportSheet']>;

function setup(options: { locale?: Locale; writeReportSheet?: SheetWriter | null } = {}) {
  const ledger = smallLedger();
  const base = createMemoryStore(ledger);
  const store: LedgerStore = { ...base, writeReportSheet: options.writeReportSheet === null ? undefined : options.writeReportSheet };
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <ReportPanel store={store} ledger={ledger} locale={options.locale ?? 'zh-CN'} onLedgerChanged={async () => {}} />
    </FluentProvider>,
  );
  return { user, store };
}

const PlatformType = { Mac: 'Mac', PC: 'PC', OfficeOnline: 'OfficeOnline' };

const preview = () => screen.getByRole('article', { name: '整改情况通报预览' });

describe('报告', () => {
  test('shows the summary sentence and a preview of the whole 通报', () => {
    setup();
    expect(screen.getByRole('heading', { name: '整改概况' })).toBeInTheDocument();
    expect(screen.getByText(/^反馈问题3项，已整改完成1项，正在推进整改落实1项/)).toBeInTheDocument();
    const article = preview();
    expect(within(article).getByRole('heading', { name: '中共清丰县紧密型县域医共体委员会关于巡察整改情况的通报' })).toBeInTheDocument();
    expect(within(article).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual([
      '一、整改工作组织情况',
      '二、整改落实情况',
      '三、下一步工作打算',
    ]);
    expect(within(article).getByText('整改情况：已完成并长期坚持，已销号。')).toBeInTheDocument();
    expect(within(article).getByText('2022年10月18日')).toBeInTheDocument();
  });

  test('the issuer, date and template paragraphs are editable and the default text can be restored', async () => {
    const { user } = setup();
    const issuer = screen.getByRole('textbox', { name: /发文机关/ });
    await user.clear(issuer);
    await user.type(issuer, '中共某局党组');
    expect(within(preview()).getByRole('heading', { name: '中共某局党组关于巡察整改情况的通报' })).toBeInTheDocument();

    const organisation = screen.getByRole('textbox', { name: /整改工作组织情况/ });
    await user.clear(organisation);
    await user.type(organisation, '党组召开专题会议部署整改。');
    expect(within(preview()).getByText('党组召开专题会议部署整改。')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '恢复默认文字' }));
    expect(within(preview()).queryByText('党组召开专题会议部署整改。')).not.toBeInTheDocument();
    expect(within(preview()).getByText(/^中共某局党组高度重视巡察反馈意见整改落实工作/)).toBeInTheDocument();
  });

  test('复制文本 puts the plain text on the clipboard', async () => {
    const { user } = setup();
    const writeText = jest.fn<Promise<void>, [string]>().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(screen.getByRole('button', { name: '复制文本' }));
    expect(await screen.findByRole('status')).toHaveTextContent('通报全文已复制');
    const text = writeText.mock.calls[0][0];
    expect(text.split('\n').slice(0, 3)).toEqual(['中共清丰县紧密型县域医共体委员会关于巡察整改情况的通报', '', expect.stringMatching(/^根据县委统一部署/)]);
  });

  test('when the clipboard is refused and the fallback fails, a Chinese error says what to do', async () => {
    const { user } = setup();
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    document.execCommand = jest.fn(() => false);
    await user.click(screen.getByRole('button', { name: '复制文本' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('复制失败：浏览器不允许访问剪贴板');
    expect(document.execCommand).toHaveBeenCalledWith('copy');
  });

  test('写入新工作表 is disabled where the store cannot write a sheet', () => {
    setup({ writeReportSheet: null });
    expect(screen.getByRole('button', { name: '写入新工作表' })).toBeDisabled();
  });

  test('写入新工作表 hands the rows to the store and names the sheet it got', async () => {
    const writeReportSheet = jest.fn<Promise<string>, [string, string[][]]>().mockResolvedValue('整改通报20221018 (2)');
    const { user } = setup({ writeReportSheet });
    await user.click(screen.getByRole('button', { name: '写入新工作表' }));
    expect(await screen.findByRole('status')).toHaveTextContent('已写入新工作表“整改通报20221018 (2)”。');
    const [name, rows] = writeReportSheet.mock.calls[0];
    expect(name).toBe('整改通报20221018');
    expect(rows[0]).toEqual(['类型', '内容']);
    expect(rows[1]).toEqual(['标题', '中共清丰县紧密型县域医共体委员会关于巡察整改情况的通报']);
  });

  test('a store error is shown in Chinese in a MessageBar', async () => {
    const writeReportSheet = jest.fn<Promise<string>, [string, string[][]]>().mockRejectedValue(new LedgerStoreError(ledgerError('required', '工作表名称')));
    const { user } = setup({ writeReportSheet });
    await user.click(screen.getByRole('button', { name: '写入新工作表' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请填写工作表名称');
  });

  test('下载 Word（.docx） builds the file without the network and offers it as a download', async () => {
    const { user } = setup();
    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:report';
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await user.click(screen.getByRole('button', { name: '下载 Word（.docx）' }));
    expect(await screen.findByRole('status', {}, { timeout: 10_000 })).toHaveTextContent(
      '已生成 Word 文件“中共清丰县紧密型县域医共体委员会关于巡察整改情况的通报.docx”。',
    );
    expect(click).toHaveBeenCalledTimes(1);
    expect(blobs[0].type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(blobs[0].size).toBeGreaterThan(5000);
    await waitFor(() => expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:report'));
    click.mockRestore();
  });

  describe.each([
    ['zh-CN', '复制通报文本（粘贴到 Word）', '复制文本', /^Mac 版 Excel 中的加载项不能下载文件，所以这里不生成 \.docx/, '通报全文已复制到剪贴板，请在 Word 中新建文档后粘贴'],
    ['en', 'Copy the report text for Word', 'Copy text', /^Add-ins in Excel for Mac cannot download files, so no \.docx is made here/, 'The full report text is on the clipboard; paste it into a new Word document'],
  ] as const)('in Excel on Mac (%s), where WKWebView downloads nothing', (locale, button, plainCopy, hint, confirmation) => {
    beforeEach(() => {
      (globalThis as Record<string, unknown>).Office = { PlatformType, context: { diagnostics: { platform: 'Mac' } } };
    });
    afterEach(() => {
      delete (globalThis as Record<string, unknown>).Office;
    });

    test('the Word button says it copies the text, its help says why, and it copies without a dead download', async () => {
      const { user } = setup({ locale });
      const writeText = jest.fn<Promise<void>, [string]>().mockResolvedValue(undefined);
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
      const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
      try {
        const word = screen.getByRole('button', { name: button });
        expect(word).toHaveAccessibleDescription(hint);
        // Nothing on the pane promises a download, and no second button does the same copy.
        expect(screen.queryByRole('button', { name: /下载|Download|docx/i })).not.toBeInTheDocument();
        expect(screen.queryByRole('button', { name: plainCopy })).not.toBeInTheDocument();
        await user.click(word);
        expect(await screen.findByRole('status')).toHaveTextContent(confirmation);
        expect(writeText).toHaveBeenCalledTimes(1);
        expect(writeText.mock.calls[0][0]).toMatch(/^中共清丰县紧密型县域医共体委员会关于巡察整改情况的通报\n/);
        expect(click).not.toHaveBeenCalled();
      } finally {
        click.mockRestore();
      }
    });

    test('a refused clipboard is a copy failure, not a Word file failure', async () => {
      const { user } = setup({ locale });
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
      document.execCommand = jest.fn(() => false);
      await user.click(screen.getByRole('button', { name: button }));
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(locale === 'en' ? /^Copying failed: .*⌘C on a Mac/ : /^复制失败：.*Mac 上按 ⌘C/);
      expect(alert).not.toHaveTextContent(/Word/);
    });
  });

  test.each([
    ['zh-CN', '下载 Word（.docx）', '复制文本', '已生成 Word 文件“'],
    ['en', 'Download Word (.docx)', 'Copy text', 'Created the Word file "'],
  ] as const)('in Excel on Windows (%s) the Word button downloads a .docx and promises nothing else', async (locale, button, plainCopy, done) => {
    (globalThis as Record<string, unknown>).Office = { PlatformType, context: { diagnostics: { platform: 'PC' } } };
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    URL.createObjectURL = jest.fn(() => 'blob:report');
    URL.revokeObjectURL = jest.fn();
    try {
      const { user } = setup({ locale });
      const word = screen.getByRole('button', { name: button });
      expect(word).not.toHaveAccessibleDescription();
      expect(screen.getByRole('button', { name: plainCopy })).toBeInTheDocument();
      await user.click(word);
      expect(await screen.findByRole('status', {}, { timeout: 10_000 })).toHaveTextContent(done);
      expect(click).toHaveBeenCalledTimes(1);
    } finally {
      click.mockRestore();
      delete (globalThis as Record<string, unknown>).Office;
    }
  });

  test('speaks English around a Chinese draft', () => {
    setup({ locale: 'en' });
    expect(screen.getByRole('button', { name: 'Download Word (.docx)' })).toBeInTheDocument();
    expect(screen.getByText(/^3 problems fed back, 1 rectified, 1 in progress/)).toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: 'Report preview' })).getByText('三、下一步工作打算')).toBeInTheDocument();
  });
});
