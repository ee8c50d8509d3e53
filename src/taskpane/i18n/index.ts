// Strings per locale, handed down by context so every component speaks the pane's language.
import { createContext, useContext } from 'react';
import type { Locale } from '../../ledger/errors';
import { fillTemplate } from '../../ledger/template';
import { en } from './en';
import { zhCN, type Strings } from './zh-CN';

export type { Strings };

export const STRINGS: Record<Locale, Strings> = { 'zh-CN': zhCN, en };

/** Fills `{0}`, `{1}` … (and English counts, `{0|measure|measures}`) in a string from the tables. */
export function fill(template: string, ...params: (string | number)[]): string {
  return fillTemplate(template, params);
}

export type I18n = { locale: Locale; t: Strings };

const I18nContext = createContext<I18n>({ locale: 'zh-CN', t: zhCN });

export const I18nProvider = I18nContext.Provider;

export function useI18n(): I18n {
  return useContext(I18nContext);
}
