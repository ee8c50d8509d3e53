// Types of harness.mjs for the TypeScript bench (test/bench/pane.ts).
import type { Browser, Page } from 'playwright-core';

export declare const ROOT: string;
export declare const CHROMIUM: string;
export declare const CHROMIUM_ARGS: string[];
export declare function buildPane(options?: { mode?: 'production' | 'development'; log?: (line: string) => void }): Promise<string>;
export declare function serve(dir: string): Promise<{ origin: string; close: () => Promise<void> }>;
export declare function launchChromium(): Promise<Browser>;
export declare function watchForeignRequests(page: Page, origin: string): string[];
export declare function openPanePage(
  browser: Browser,
  origin: string,
  width: number,
  options?: Record<string, unknown>,
): Promise<{ context: import('playwright-core').BrowserContext; page: Page; foreign: string[]; pageErrors: string[] }>;
