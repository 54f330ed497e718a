// What the extension host cannot see for itself: the rendered page. The code-server runner serves these
// requests through files in E2E_SYNC_DIR (see test/e2e/harness/run-code-server.mjs).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { poll } from './wait';

/** Put in the title of a test that needs the page; runners without a page driver leave such tests out. */
export const PAGE_TAG = '[page]';

export function hasPageDriver(): boolean {
  return process.env.E2E_RUNNER === 'code-server' && !!process.env.E2E_SYNC_DIR;
}

async function ask<T>(request: Record<string, unknown>, timeoutMs: number): Promise<T> {
  const dir = process.env.E2E_SYNC_DIR;
  if (!dir || !hasPageDriver()) throw new Error('no page driver: run this test with the code-server runner');
  // Unique across the test bundles, each of which has its own copy of this module.
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  const tmp = path.join(dir, `.req-${id}.json`);
  writeFileSync(tmp, JSON.stringify({ ...request, timeoutMs }));
  renameSync(tmp, path.join(dir, `req-${id}.json`)); // the driver never sees a half-written request
  const answer = path.join(dir, `res-${id}.json`);
  await poll(() => existsSync(answer), { timeoutMs: timeoutMs + 15_000, what: `the page driver to answer ${request.kind}` });
  const parsed = JSON.parse(readFileSync(answer, 'utf8')) as T;
  rmSync(answer);
  return parsed;
}

export interface FrameText {
  ok: boolean;
  text?: string;
  error?: string;
  frames?: string[];
}

/**
 * The text of the first frame (webview) of the page whose body contains `contains`, waiting for it up to
 * `timeoutMs`. Rejects with the texts the frames did show when none matched.
 */
export async function frameText(contains: string, timeoutMs = 20_000): Promise<string> {
  const a = await ask<FrameText>({ kind: 'frameText', contains }, timeoutMs);
  if (!a.ok || a.text === undefined) {
    throw new Error(`${a.error ?? 'frame not found'}; frames showed: ${JSON.stringify(a.frames ?? [])}`);
  }
  return a.text;
}

export type FrameAction =
  | { action: 'click' | 'dblclick' | 'focus' | 'count' | 'top' | 'text'; selector: string }
  | { action: 'press'; selector: string; keys: string[] }
  | { action: 'select' | 'check'; selector: string; value: string }
  | { action: 'scrollTo'; y: number }
  | { action: 'scrollY' };

/**
 * Acts in the first frame (webview) whose text contains `contains`, as a user would: a real click,
 * double-click or focus on `selector` (the browser's own events, through the webview's iframes), or scrolling. Returns
 * the count of matches, the top of the first match in the view, or the scroll position, for those actions.
 */
export async function inFrame(contains: string, act: FrameAction, timeoutMs = 20_000): Promise<number | undefined> {
  const a = await ask<{ ok: boolean; value?: number; error?: string }>({ kind: 'frameAct', contains, ...act }, timeoutMs);
  if (!a.ok) throw new Error(`${act.action} in the frame showing ${JSON.stringify(contains)}: ${a.error}`);
  return a.value;
}

/** The text of the first element matching `selector` in the first frame (webview) whose text contains `contains`. */
export async function frameElementText(contains: string, selector: string, timeoutMs = 20_000): Promise<string> {
  const a = await ask<{ ok: boolean; value?: string; error?: string }>({ kind: 'frameAct', contains, action: 'text', selector }, timeoutMs);
  if (!a.ok || a.value === undefined) throw new Error(`the text of ${selector} in the frame showing ${JSON.stringify(contains)}: ${a.error}`);
  return a.value;
}

/** The title (tooltip) of the first element matching `selector` in that frame, the pointer put over it first. */
export async function frameHoverTitle(contains: string, selector: string, timeoutMs = 20_000): Promise<string> {
  const a = await ask<{ ok: boolean; value?: string; error?: string }>({ kind: 'frameAct', contains, action: 'hover', selector }, timeoutMs);
  if (!a.ok || a.value === undefined) throw new Error(`the title of ${selector} in the frame showing ${JSON.stringify(contains)}: ${a.error}`);
  return a.value;
}

/** Clicks `selector` in the workbench (outside webviews), with the pointer over `hover` first when given. */
export async function clickInWorkbench(selector: string, hover?: string, timeoutMs = 20_000): Promise<void> {
  const a = await ask<{ ok: boolean; error?: string }>({ kind: 'click', selector, hover }, timeoutMs);
  if (!a.ok) throw new Error(`clicking ${selector}: ${a.error}`);
}

/**
 * The text of every element of the workbench (outside webviews) matching `selector`, once one matches, and with
 * `waitFor` once one of them shows that text: the rows of a view, an item of the status bar. With `attribute`, that
 * attribute's values instead of the texts.
 */
export async function workbenchTexts(selector: string, waitFor?: string, timeoutMs = 20_000, attribute?: string): Promise<string[]> {
  const a = await ask<{ ok: boolean; texts?: string[]; error?: string }>({ kind: 'texts', selector, waitFor, attribute }, timeoutMs);
  if (!a.ok || !a.texts) throw new Error(`${a.error}; texts: ${JSON.stringify(a.texts ?? [])}`);
  return a.texts;
}

/**
 * Presses keys in the workbench as a user would (playwright key names: 'Enter', 'Escape', 'Control+S'), once
 * `waitFor` (a CSS selector, e.g. '.quick-input-widget') is visible: how a test answers VS Code's own dialogs.
 * With `untilHidden` (a selector), the keys are pressed again while it is still shown, for a widget that drops
 * keys while it is busy.
 */
export async function press(keys: string[], waitFor?: string, timeoutMs = 20_000, untilHidden?: string): Promise<void> {
  const a = await ask<{ ok: boolean; error?: string }>({ kind: 'press', keys, waitFor, untilHidden }, timeoutMs);
  if (!a.ok) throw new Error(`pressing ${keys.join(', ')}: ${a.error}`);
}

/**
 * Saves a PNG of the whole workbench into the results folder (test-results/<name>.png). With `waitFor` (a CSS
 * selector in the workbench, e.g. '.squiggly-error') the shot waits until it matches and fails when it never does.
 * Without a page driver there is nothing to photograph: returns undefined.
 */
export async function screenshot(name: string, waitFor?: string, timeoutMs = 20_000): Promise<string | undefined> {
  if (!hasPageDriver()) return undefined;
  const a = await ask<{ ok: boolean; path?: string; error?: string }>({ kind: 'screenshot', name, waitFor }, timeoutMs);
  if (!a.ok) throw new Error(`screenshot ${name}: ${a.error} (saved anyway: ${a.path})`);
  return a.path;
}

export function resultsDir(): string {
  const dir = process.env.E2E_RESULTS_DIR ?? path.resolve('test-results');
  mkdirSync(dir, { recursive: true });
  return dir;
}
