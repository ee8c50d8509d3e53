// ADDIN_URL handling: what the build accepts, and how the development URL is replaced.
import { join } from 'node:path';
import fc from 'fast-check';
import {
  DEV_ADDIN_URL, fileForUrl, normalizeAddinUrl, originOf, rewriteAddinUrl, rewriteAddinUrlInJson,
} from '../../scripts/lib/addin-url';

describe('normalizeAddinUrl', () => {
  it.each([
    [undefined, DEV_ADDIN_URL],
    ['', DEV_ADDIN_URL],
    ['  https://zg.example.gov.cn/addin  ', 'https://zg.example.gov.cn/addin/'],
    ['https://zg.example.gov.cn/addin/', 'https://zg.example.gov.cn/addin/'],
    ['https://ZG.Example.gov.cn', 'https://zg.example.gov.cn/'],
    ['https://10.1.2.3:8443/zg', 'https://10.1.2.3:8443/zg/'],
    ['https://intranet/zg/', 'https://intranet/zg/'],
    ['http://localhost:3000', 'http://localhost:3000/'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeAddinUrl(raw)).toBe(expected);
  });

  it.each([
    ['zg.example.gov.cn/addin', /absolute URL/],
    ['http://zg.example.gov.cn/', /https/],
    ['ftp://zg.example.gov.cn/', /https/],
    ['https://zg.example.gov.cn/?v=1', /query/],
    ['https://zg.example.gov.cn/#top', /fragment/],
    ['https://user:secret@zg.example.gov.cn/', /credentials/],
  ])('refuses %s', (raw, message) => {
    expect(() => normalizeAddinUrl(raw)).toThrow(message);
  });
});

describe('rewriteAddinUrl', () => {
  const target = 'https://zg.example.gov.cn/addin/';

  it('replaces every URL and keeps the path after the base', () => {
    const text = '<a DefaultValue="https://localhost:3000/taskpane.html"/><b DefaultValue="https://localhost:3000/assets/icon-16.png"/>';
    expect(rewriteAddinUrl(text, target)).toBe(
      '<a DefaultValue="https://zg.example.gov.cn/addin/taskpane.html"/><b DefaultValue="https://zg.example.gov.cn/addin/assets/icon-16.png"/>',
    );
  });

  it('turns a bare origin into the deployment origin, not the base path', () => {
    expect(rewriteAddinUrl('<AppDomain>https://localhost:3000</AppDomain>', target)).toBe('<AppDomain>https://zg.example.gov.cn</AppDomain>');
  });

  it('leaves other localhost ports and hosts alone', () => {
    const text = 'https://localhost:30000/x https://localhost:3001/ http://localhost:3000/';
    expect(rewriteAddinUrl(text, target)).toBe(text);
  });

  it('is the identity for the development URL', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('https://localhost:3000/', 'a', '/', '"', 'https://localhost:3000', ' '), { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        expect(rewriteAddinUrl(text, DEV_ADDIN_URL)).toBe(text);
      }),
    );
  });

  it('rewrites help URLs deep inside functions metadata, and nothing else', () => {
    const metadata = {
      functions: [
        { id: 'COMPLETIONRATE', helpUrl: 'https://localhost:3000/help/completionrate.html', parameters: [{ name: 'digits', optional: true }] },
        { id: 'DAYSLEFT', options: { volatile: true }, result: { dimensionality: 'matrix' } },
      ],
    };
    expect(rewriteAddinUrlInJson(metadata, target)).toEqual({
      functions: [
        { id: 'COMPLETIONRATE', helpUrl: 'https://zg.example.gov.cn/addin/help/completionrate.html', parameters: [{ name: 'digits', optional: true }] },
        { id: 'DAYSLEFT', options: { volatile: true }, result: { dimensionality: 'matrix' } },
      ],
    });
  });
});

describe('fileForUrl', () => {
  const root = join('/srv', 'dist');
  it.each([
    ['https://zg.example.gov.cn/addin/assets/icon-16.png', join(root, 'assets', 'icon-16.png')],
    ['https://zg.example.gov.cn/addin/taskpane.html?x=1', join(root, 'taskpane.html')],
    ['https://zg.example.gov.cn/addin/', join(root, 'index.html')],
    ['https://zg.example.gov.cn/addin/help/%E5%AE%8C%E6%88%90.html', join(root, 'help', '完成.html')],
  ])('%s → %s', (url, file) => {
    expect(fileForUrl(url, 'https://zg.example.gov.cn/addin/', root)).toBe(file);
  });

  it.each(['https://other.example/addin/x.png', 'https://zg.example.gov.cn/addin/../secret', 'https://zg.example.gov.cn/addin/a/%2E%2E/%2E%2E/etc'])(
    'gives no file for %s',
    (url) => {
      expect(fileForUrl(url, 'https://zg.example.gov.cn/addin/', root)).toBeNull();
    },
  );
});

it('originOf drops the path', () => {
  expect(originOf('https://zg.example.gov.cn:8443/addin/')).toBe('https://zg.example.gov.cn:8443');
});
