// What the built add-in does when its scripts run, checked without a browser: which ids the
// functions register with CustomFunctions.associate (in a node:vm sandbox that stands in for the
// shared runtime), and whether every script parses as the ECMAScript version the build declares.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { parse } from 'acorn';
import { isOfficeJs, scriptSources } from './bundle-size';

/** The add-in's own scripts taskpane.html loads, in document order (Office.js left out). */
export function startupScripts(dist: string): string[] {
  return scriptSources(readFileSync(join(dist, 'taskpane.html'), 'utf8')).filter((src) => !isOfficeJs(src));
}

export type AssociateRun = { calls: string[]; thrown: string[] };

/**
 * Runs the start-up scripts up to and including functions.js (the pane's own entry needs React and a
 * DOM) with `CustomFunctions` present or absent, and reports the ids associated and what threw.
 */
export function runFunctionScripts(dist: string, withRuntime: boolean): AssociateRun {
  const scripts = startupScripts(dist).filter((src) => !/(^|\/)taskpane\.js$/.test(src));
  const calls: string[] = [];
  const thrown: string[] = [];
  const sandbox: Record<string, unknown> = { console: { log() {}, warn() {}, error() {}, info() {} }, setTimeout, clearTimeout, Promise };
  sandbox.self = sandbox;
  sandbox.window = sandbox;
  sandbox.globalThis = sandbox;
  sandbox.location = { href: 'https://localhost:3000/taskpane.html', search: '' };
  sandbox.document = {
    currentScript: { src: 'https://localhost:3000/functions.js', tagName: 'SCRIPT' },
    baseURI: 'https://localhost:3000/',
    getElementsByTagName: () => [],
    createElement: () => ({ setAttribute() {} }),
    head: { appendChild() {} },
  };
  if (withRuntime) {
    sandbox.CustomFunctions = {
      associate: (id: string) => calls.push(id),
      Error: class {},
      ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!' },
    };
  }
  createContext(sandbox);
  for (const src of scripts) {
    try {
      runInContext(readFileSync(join(dist, src), 'utf8'), sandbox, { filename: src });
    } catch (error) {
      thrown.push(`${src}: ${(error as Error).message}`);
    }
  }
  return { calls, thrown };
}

/** The first syntax error of `code` read as a classic script of `ecmaVersion`, or null. */
export function syntaxProblem(code: string, ecmaVersion: 2017 | 2018 | 2019 | 2020 | 2021 | 2022): string | null {
  try {
    parse(code, { ecmaVersion, sourceType: 'script' });
    return null;
  } catch (error) {
    const at = (error as { pos?: number }).pos ?? 0;
    return `${(error as Error).message} near ${JSON.stringify(code.slice(Math.max(0, at - 40), at + 40))}`;
  }
}

/** The ECMAScript year webpack.config.js declares as its target (`ES_TARGET = 'es2020'`). */
export function declaredEsTarget(webpackConfig: string): number {
  const m = /const ES_TARGET = 'es(\d{4})'/.exec(webpackConfig);
  if (!m) throw new Error('webpack.config.js declares no ES_TARGET');
  return Number(m[1]);
}
