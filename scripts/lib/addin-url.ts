// The add-in's base URL: https://localhost:3000/ in the sources, ADDIN_URL in a deployment build.
import { join } from 'node:path';

export const DEV_ADDIN_URL = 'https://localhost:3000/';

/**
 * The ADDIN_URL to build for: absolute, https (plain http only for localhost, which Office on the
 * desktop accepts for development), no query or fragment, always ending in '/'. Throws on misuse:
 * a wrong ADDIN_URL must stop the build, not produce a manifest nobody can load.
 */
export function normalizeAddinUrl(raw: string | undefined): string {
  const value = (raw ?? '').trim();
  if (value === '') return DEV_ADDIN_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ADDIN_URL "${value}" is not an absolute URL such as https://intranet.example/zg/`);
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new Error(`ADDIN_URL "${value}" must use https: Office loads add-ins only over https`);
  }
  if (url.search || url.hash) throw new Error(`ADDIN_URL "${value}" must not have a query or a fragment`);
  if (url.username || url.password) throw new Error(`ADDIN_URL "${value}" must not carry credentials`);
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return `${url.origin}${path}`;
}

const DEV_URL_OR_ORIGIN = /https:\/\/localhost:3000(?![0-9])(\/?)/g;

/**
 * Replaces every occurrence of the development URL with the deployment one; a bare origin
 * (https://localhost:3000 without a path, as in an AppDomain) becomes the deployment origin.
 */
export function rewriteAddinUrl(text: string, addinUrl: string): string {
  return text.replace(DEV_URL_OR_ORIGIN, (_match, slash: string) => (slash ? addinUrl : originOf(addinUrl)));
}

/** The same, through a JSON value (e.g. functions.json help URLs), leaving every other string alone. */
export function rewriteAddinUrlInJson<T>(value: T, addinUrl: string): T {
  if (typeof value === 'string') return rewriteAddinUrl(value, addinUrl) as T;
  if (Array.isArray(value)) return value.map((item) => rewriteAddinUrlInJson(item, addinUrl)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteAddinUrlInJson(v, addinUrl)])) as T;
  }
  return value;
}

/** The origin part of an add-in URL (https://host:port). */
export function originOf(addinUrl: string): string {
  return new URL(addinUrl).origin;
}

/** Maps an add-in URL to the file that serves it, or null when it is not under the add-in URL. */
export function fileForUrl(url: string, addinUrl: string, root: string): string | null {
  if (!url.startsWith(addinUrl)) return null;
  const relative = decodeURIComponent(url.slice(addinUrl.length).replace(/[?#].*$/, ''));
  if (relative.split('/').includes('..')) return null;
  return join(root, relative || 'index.html');
}
