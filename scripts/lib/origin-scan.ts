// "Nothing in dist/ refers to another origin" made checkable.
//
// What counts: a URL the add-in's own files could make the browser request — any absolute http(s)
// URL (or protocol-relative //host URL in HTML and CSS) in our HTML, CSS, JavaScript, JSON and XML
// whose origin is not the add-in's. What does not count, because no request is ever made for it:
//   - XML namespace names (www.w3.org, schemas.microsoft.com, schemas.openxmlformats.org, purl.org):
//     identifiers written into SVG, the manifest and generated .docx/.xlsx files;
//   - documentation links that libraries put into error message text (listed below with the reason).
// Office.js itself (dist/office-js/) is Microsoft's loader and is checked differently: its URL
// literals belong to code paths this add-in never takes (Office 2013's telemetry proxy, the MSAL CDN
// for SSO, Microsoft Ajax for old Outlook); what matters is that every file it loads relative to
// itself is present, so it never falls back to a CDN — see missingOfficeJsFiles.

export type OriginFinding = { file: string; url: string; line: number };

export type NonRequestUrl = { prefix: string; reason: string };

export const NON_REQUEST_URLS: NonRequestUrl[] = [
  { prefix: 'http://www.w3.org/', reason: 'XML namespace (SVG, XHTML, XLink, XMLSchema-instance)' },
  { prefix: 'https://www.w3.org/', reason: 'XML namespace' },
  { prefix: 'http://schemas.microsoft.com/', reason: 'Office XML namespace (manifest, OOXML extensions)' },
  { prefix: 'http://schemas.openxmlformats.org/', reason: 'OOXML namespace written into .docx/.xlsx' },
  { prefix: 'https://schemas.openxmlformats.org/', reason: 'OOXML namespace written into .docx/.xlsx' },
  { prefix: 'http://purl.org/', reason: 'Dublin Core namespace in OOXML document properties' },
  { prefix: 'http://purl.oclc.org/ooxml/', reason: 'Strict OOXML namespace (the .docx writer recognises it)' },
  { prefix: 'https://react.dev/errors/', reason: "text of React's production error messages" },
  { prefix: 'https://reactjs.org/docs/error-decoder.html', reason: "text of React's production error messages" },
  { prefix: 'https://aka.ms/fluentui', reason: 'text of Fluent UI console warnings' },
  {
    prefix: 'https://answers.microsoft.com/en-us/msoffice/forum/all/does-word-support-more-than-9-list-levels/',
    reason: "text of the docx library's error for list levels above 9",
  },
  // exceljs's browser bundle, loaded only for 新建台账 (app.html's template writer) and 分发 (the
  // pane's units' files): text of
  // its error messages and the package metadata its bundled dependencies carry, never requested.
  { prefix: 'https://github.com/exceljs/exceljs/blob/master/UPGRADE-4.0.md', reason: "text of exceljs's deprecation warning" },
  { prefix: 'https://github.com/zloirock/core-js', reason: "core-js's copyright record (license and source fields)" },
  { prefix: 'https://github.com/crypto-browserify/crypto-browserify', reason: "text of crypto-browserify's not-implemented error" },
  { prefix: 'https://github.com/indutny/elliptic', reason: "elliptic's bundled package.json (bugs and homepage fields)" },
  { prefix: 'https://stuk.github.io/jszip/documentation/', reason: "text of JSZip's not-a-zip error" },
  { prefix: 'https://github.com/uuidjs/uuid#getrandomvalues-not-supported', reason: "text of uuid's error when crypto is missing" },
];

const ABSOLUTE = /\bhttps?:\/\/[^\s"'`<>()\\{}|^]+/g;
const PROTOCOL_RELATIVE = /(?:\b(?:src|href|action|poster|data)\s*=\s*["']?|url\(\s*["']?|@import\s+["'])(\/\/[^\s"'`<>()\\]+)/gi;

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function isAllowed(url: string, allowedOrigin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url.startsWith('//') ? `https:${url}` : url);
  } catch {
    return false; // an unreadable URL is reported: better a false alarm than a hidden request
  }
  if (parsed.origin === allowedOrigin) return true;
  return NON_REQUEST_URLS.some((entry) => url.startsWith(entry.prefix));
}

/** URLs in one text file that point at an origin other than the add-in's. */
export function findForeignUrls(file: string, text: string, allowedOrigin: string): OriginFinding[] {
  const findings: OriginFinding[] = [];
  const seen = new Set<string>();
  const add = (url: string, index: number) => {
    const clean = url.replace(/[.,;:]+$/, '');
    if (isAllowed(clean, allowedOrigin) || seen.has(clean)) return;
    seen.add(clean);
    findings.push({ file, url: clean, line: lineAt(text, index) });
  };
  for (const match of text.matchAll(ABSOLUTE)) add(match[0], match.index ?? 0);
  if (/\.(html?|css|svg|xml)$/i.test(file)) {
    for (const match of text.matchAll(PROTOCOL_RELATIVE)) add(match[1], match.index ?? 0);
  }
  return findings;
}

/** Text files worth scanning; images and fonts are opaque bytes. */
export function isScannable(file: string): boolean {
  return /\.(html?|js|mjs|cjs|css|json|xml|svg|txt|map)$/i.test(file);
}

/**
 * The files office.js would request relative to its own URL for Excel and the given UI locales,
 * given office.js's text (its host-file version map) — returns those absent from `present`.
 */
export function missingOfficeJsFiles(officeJs: string, present: (path: string) => boolean, locales: string[]): string[] {
  const map = /excel:\{([^}]*)\}/.exec(officeJs);
  if (!map) return ['office.js (no Excel host file map found: is this office.js?)'];
  const needed = ['telemetry/oteljs_agave.js', ...locales.map((l) => `${l.toLowerCase()}/office_strings.js`)];
  for (const pair of map[1].split(',')) {
    const [platform, version] = pair.split(':').map((s) => s.replace(/["']/g, '').trim());
    if (platform && version) needed.push(`excel-${platform}-${version}.js`);
  }
  return needed.filter((path) => !present(path));
}
