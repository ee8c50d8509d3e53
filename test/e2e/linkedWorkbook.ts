// `tsx test/e2e/linkedWorkbook.ts <out.xlsx>`: writes the hostile workbook with DDE, OLE and
// workbook links (test/support/hostile.ts) for stats.mjs, which makes a 发送副本 of it in the pane
// and looks at the warnings. Generated on each run, never committed.
import { writeFileSync } from 'node:fs';
import { linkedWorkbookEntries, rawZip } from '../support/hostile';

const out = process.argv[2];
if (!out) throw new Error('usage: tsx test/e2e/linkedWorkbook.ts <out.xlsx>');
writeFileSync(out, rawZip(linkedWorkbookEntries()));
