// The task pane's start-up JavaScript budget: what taskpane.html itself loads, gzip-compressed.
// Office.js (office-js/) is not counted: every add-in loads it, it is Microsoft's, and the host file
// it pulls in depends on the Office build; only the add-in's own webpack output is budgeted.
import { gzipSync } from 'node:zlib';

export const TASKPANE_BUDGET_BYTES = 165 * 1024;

/** The `src` of every <script> in the page, in document order, query strings removed. */
export function scriptSources(html: string): string[] {
  const sources: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi)) {
    const src = match[1] ?? match[2] ?? match[3] ?? '';
    sources.push(src.replace(/[?#].*$/, ''));
  }
  return sources;
}

/** True for the Office.js copy, which the budget leaves out. */
export function isOfficeJs(src: string): boolean {
  return /(^|\/)office-js\//.test(src);
}

export function gzipSize(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).length;
}

export type SizedFile = { file: string; bytes: number; gzip: number };
export type BudgetVerdict = { total: number; budget: number; over: boolean; files: SizedFile[] };

export function judgeBudget(files: SizedFile[], budget = TASKPANE_BUDGET_BYTES): BudgetVerdict {
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  return { total, budget, over: total > budget, files };
}

export function formatKiB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
