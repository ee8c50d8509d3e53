// The page's webpack entry (dist/app.html): no Office.js, no host detection — the language from
// ?lang=en, then the first screen. Everything heavy (the file store, the template writer, the tabs)
// loads on demand through webpack's script-tag chunks, which work from file:// as over http.
import { createRoot } from 'react-dom/client';
import { setMessageLocale } from '../ledger/errors';
import { pickLocale } from '../taskpane/boot';
import { PageApp } from './PageApp';

const locale = pickLocale(new URLSearchParams(window.location.search).get('lang'));
setMessageLocale(locale);
document.documentElement.lang = locale;
const container = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));
createRoot(container).render(<PageApp locale={locale} />);
