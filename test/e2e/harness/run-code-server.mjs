#!/usr/bin/env node
// Runs the extension's mocha suite inside a real VS Code: code-server (the VS Code workbench plus a remote
// Node extension host) on 127.0.0.1 with private state, shown in headless Debian Chromium driven by playwright-core.
//
//   node test/e2e/harness/run-code-server.mjs --ext <extension folder> --tests <suite index.js>
//        (--folder <dir> | --workspace <file.code-workspace>) [--results test-results] [--port 0] [--timeout 300000]
//        [--settings <json>]   (more user settings for the run)
//        [--install <vsix>]    (an extension installed for the run, besides the one under development)
//
// The suite talks back through E2E_SYNC_DIR (see test/e2e/suite/page.ts): it asks this driver for screenshots
// and for the text of the page's frames (webviews), which the extension host itself cannot see.
// Exit status 0 only when the suite ran and every test passed. The last line is always "N passed, N failed".
// Env: KEEP_STATE=1 keeps the private state (logs, profile); CONSOLE_DUMP=<file> writes the whole browser console;
//      CS_NODE, CS_ENTRY, CHROMIUM override the binaries. Everything else in the environment reaches the extension host.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { ROOT, assertInstalled, freePort, installExtension, privateState, startCodeServer, stopCodeServer } from './code-server.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf('--' + name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const ext = path.resolve(opt('ext', ROOT));
const tests = path.resolve(opt('tests', path.join(ROOT, 'out/e2e/suite/index.js')));
const folder = opt('folder', '');
const workspace = opt('workspace', '');
const results = path.resolve(opt('results', path.join(ROOT, 'test-results')));
const timeoutMs = Number(opt('timeout', '300000'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const t0 = Date.now();
const log = (...a) => console.log(`[code-server ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const delay = (ms) => new Promise((r) => setTimeout(r, ms));

try {
  assertInstalled();
  for (const [what, file] of [
    ['Chromium', CHROMIUM],
    ['the suite', tests],
  ]) {
    if (!fs.existsSync(file)) throw new Error(`${what} is missing: ${file}`);
  }
} catch (e) {
  console.error(`[code-server] ${e.message}\n[code-server] set up with: bash test/e2e/setup.sh (npm run test:vscode runs it)`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
if (!folder === !workspace) {
  console.error('[code-server] give exactly one of --folder <dir> or --workspace <file.code-workspace>');
  process.exit(2);
}

// Fresh private state for every run; the browser profile and the suite's sync dir live in it too.
// Auto-save off (privateState's settings): the tests edit without saving and revert. A run's own settings (the web
// build's extension kind) are added to it.
const state = privateState('sqs-code-server-', JSON.parse(opt('settings', '{}')));
const syncDir = path.join(state.dir, 'sync');
fs.mkdirSync(syncDir);
fs.mkdirSync(results, { recursive: true });

let cs;
let context;
async function cleanup() {
  try {
    if (context) await context.close();
  } catch {
    // the browser is gone already: nothing to close
  }
  await stopCodeServer(cs);
  if (process.env.KEEP_STATE === '1' || process.exitCode) log('private state kept in', state.dir);
  else fs.rmSync(state.dir, { recursive: true, force: true });
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, async () => {
    log(`${sig}: stopping`);
    await cleanup();
    process.exit(130);
  });
}

let exitCode = 1;
let summary;
try {
  if (opt('install')) installExtension(state, path.resolve(opt('install')));
  const port = await freePort(Number(opt('port', '0')));
  const started = await startCodeServer(state, port, {
    // Without it the built workbench silently ignores extensionDevelopmentPath/extensionTestsPath in the URL payload.
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    env: { E2E_SYNC_DIR: syncDir, E2E_RESULTS_DIR: results, E2E_RUNNER: 'code-server' },
  });
  cs = started.child;
  const base = started.base;
  log(`code-server ${base} (pid ${cs.pid})`);

  // Playwright rejects --user-data-dir in args; a persistent context gives the browser a private profile instead.
  context = await chromium.launchPersistentContext(path.join(state.dir, 'chromium'), {
    executablePath: CHROMIUM,
    headless: true,
    // Debian's Chromium writes ~/.config/chromium (crash reports) even with a private profile: redirect it.
    env: { ...process.env, XDG_CONFIG_HOME: state.xdg, XDG_CACHE_HOME: state.xdg },
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
    timeout: 60000,
  });
  const page = context.pages()[0] ?? (await context.newPage());

  const offHost = new Set();
  page.on('request', (r) => {
    try {
      const u = new URL(r.url());
      if (u.protocol.startsWith('http') && u.hostname !== '127.0.0.1') offHost.add(u.host);
    } catch {
      // not a URL (data:, blob:): not a host
    }
  });

  // The extension host's console.* (mocha's reporter among it) reaches the page console as
  // console.log('%c INFO', 'color: …', format, ...args): re-apply the format string.
  const dump = process.env.CONSOLE_DUMP ? fs.createWriteStream(process.env.CONSOLE_DUMP) : null;
  const noise =
    /Ignoring fetching additional builtin|Creating a socket|connection token|AccountPolicyGate|Service Worker|grace time|AgentHost|Updating additional builtin|allow-same-origin|same-origin iframe|authentication provider 'github'|Failed to load resource|took \d+ms/;
  page.on('console', async (m) => {
    let text;
    try {
      let args = await Promise.all(m.args().map((a) => a.jsonValue().catch(() => String(a))));
      if (typeof args[0] === 'string' && args[0].startsWith('%c')) args = args.slice(2);
      text = args.length ? util.format(...args) : m.text();
    } catch {
      text = m.text();
    }
    dump?.write(`[${m.type()}] ${text}\n`);
    if (m.type() !== 'debug' && !noise.test(text) && text.trim()) console.log('  | ' + text.split('\n').join('\n  | '));
  });

  // VS Code web calls window.codeAutomationExit(code) when the suite's run() settles. Exposed before navigating.
  let settle;
  const settled = new Promise((r) => (settle = r));
  await page.exposeFunction('codeAutomationExit', (code) => settle(code));

  const authority = `127.0.0.1:${port}`;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${ext}`],
    ['extensionTestsPath', `vscode-remote://${authority}${tests}`],
  ];
  const target = folder ? `folder=${encodeURIComponent(path.resolve(folder))}` : `workspace=${encodeURIComponent(path.resolve(workspace))}`;
  await page.goto(`${base}/?${target}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  log('workbench opened; the suite runs in the extension host');

  let finished = false;
  settled.then(() => (finished = true));
  const serving = servePageRequests(page, () => finished);

  const timer = setTimeout(() => settle('timeout'), timeoutMs);
  const code = await settled;
  clearTimeout(timer);
  await serving;
  if (code === 'timeout') {
    log(`the suite did not finish within ${timeoutMs / 1000} s`);
    await page.screenshot({ path: path.join(results, 'timeout.png') }).catch(() => {});
  } else log('extension host exit code:', code);
  if (offHost.size) log('WARNING the browser requested non-local hosts:', [...offHost].join(', '));

  const resultFile = path.join(syncDir, 'result.json');
  summary = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) : undefined;
  if (!summary) log('the suite reported no result (it did not load, or the extension host died); see', state.log);
  exitCode = code === 0 && summary && summary.failed === 0 && summary.passed > 0 ? 0 : 1;
} catch (e) {
  console.error('[code-server] ERROR', e?.stack ?? e);
  exitCode = 1;
} finally {
  process.exitCode = exitCode;
  await cleanup();
}
console.log(summary ? `${summary.passed} passed, ${summary.failed} failed` : '0 passed, 1 failed');
process.exit(exitCode);

/**
 * Answers the suite's requests (files `req-<id>.json` in the sync dir, answered by `res-<id>.json`):
 *   { kind: 'screenshot', name, waitFor?: css, timeoutMs? }  PNG of the page into the results folder
 *   { kind: 'frameText', contains, timeoutMs? }               text of the first frame whose body contains `contains`
 *   { kind: 'press', keys, waitFor?, untilHidden? }            press keys in the workbench (e.g. Enter in a dialog),
 *                                                               once `waitFor` (a CSS selector) is visible; with
 *                                                               `untilHidden` (a selector), again until it is hidden
 *   { kind: 'frameAct', contains, action, selector?, y? }       in that frame: click, dblclick or focus `selector`, count its
 *                                                               matches, read its top in the view, scrollTo y, or read
 *                                                               scrollY ({ ok, value }); read the text of `selector`
 *                                                               (action 'text'), press `keys` on it (action 'press'),
 *                                                               choose `value` in it (a <select>: action 'select') or
 *                                                               tick it (a checkbox: 'check', value 'true' or 'false'),
 *                                                               or put the pointer over it and read its title ('hover')
 *   { kind: 'click', selector, hover? }                         a click on `selector` in the workbench, the pointer first
 *                                                               over `hover` (where actions show only then)
 *   { kind: 'texts', selector, waitFor?, attribute? }           the text (or `attribute`) of every element of the workbench
 *                                                               matching `selector` (the cases view's rows, the status
 *                                                               bar), once one matches; with `waitFor`, once one has it
 */
async function servePageRequests(page, isFinished) {
  const seen = new Set();
  while (!isFinished()) {
    for (const name of fs.readdirSync(syncDir)) {
      const m = /^req-(\w+)\.json$/.exec(name);
      if (!m || seen.has(name)) continue;
      seen.add(name);
      let answer;
      try {
        const req = JSON.parse(fs.readFileSync(path.join(syncDir, name), 'utf8'));
        answer = await handle(page, req);
      } catch (e) {
        answer = { ok: false, error: String(e?.message ?? e) };
      }
      const tmp = path.join(syncDir, `.res-${m[1]}.json`);
      fs.writeFileSync(tmp, JSON.stringify(answer));
      fs.renameSync(tmp, path.join(syncDir, `res-${m[1]}.json`));
    }
    await delay(100);
  }
}

async function handle(page, req) {
  const deadline = Date.now() + (req.timeoutMs ?? 20000);
  if (req.kind === 'screenshot') {
    let found = true;
    if (req.waitFor)
      found = await page
        .locator(req.waitFor)
        .first()
        .waitFor({ timeout: req.timeoutMs ?? 20000 })
        .then(
          () => true,
          () => false,
        );
    const file = path.join(results, `${req.name.replace(/[^\w.-]/g, '_')}.png`);
    await page.screenshot({ path: file });
    log('screenshot', path.relative(process.cwd(), file));
    return found ? { ok: true, path: file } : { ok: false, path: file, error: `nothing matched ${req.waitFor}` };
  }
  if (req.kind === 'frameText') {
    // Webview content lives in nested iframes (the host iframe, then #active-frame): look in every frame.
    for (;;) {
      const texts = [];
      for (const f of page.frames()) {
        if (f === page.mainFrame()) continue; // the workbench itself shows the YAML being edited
        const text = await f.evaluate(() => document.body?.innerText ?? '').catch(() => '');
        if (text.includes(req.contains)) return { ok: true, text, url: f.url() };
        texts.push(text.slice(0, 200));
      }
      if (Date.now() > deadline) {
        const shot = path.join(results, 'frame-text-not-found.png');
        await page.screenshot({ path: shot }).catch(() => {});
        return {
          ok: false,
          error: `no frame contains ${JSON.stringify(req.contains)} (page: ${shot}; ${page.frames().length} frames)`,
          frames: texts.filter(Boolean),
        };
      }
      await delay(200);
    }
  }
  if (req.kind === 'press') {
    if (req.waitFor)
      await page
        .locator(req.waitFor)
        .first()
        .waitFor({ state: 'visible', timeout: req.timeoutMs ?? 20000 });
    if (!req.untilHidden) {
      for (const key of req.keys) await page.keyboard.press(key);
      return { ok: true };
    }
    // A widget may drop a key while it is busy (the save dialog does while it reads the folder): press again
    // until it goes, each time only once it is seen still there.
    const widget = page.locator(req.untilHidden).first();
    for (let tries = 1; ; tries++) {
      for (const key of req.keys) await page.keyboard.press(key);
      if (
        await widget.waitFor({ state: 'hidden', timeout: 2000 }).then(
          () => true,
          () => false,
        )
      )
        return { ok: true, tries };
      if (Date.now() > deadline) {
        const shot = path.join(results, 'press-widget-stayed.png');
        await page.screenshot({ path: shot }).catch(() => {});
        return { ok: false, error: `${req.untilHidden} still visible after ${tries} presses (page: ${shot})` };
      }
    }
  }
  if (req.kind === 'click') {
    // A click in the workbench itself (a view's row, an action on it shown when the pointer is over the row).
    if (req.hover)
      await page
        .locator(req.hover)
        .first()
        .hover({ timeout: req.timeoutMs ?? 20000 });
    await page
      .locator(req.selector)
      .first()
      .click({ timeout: req.timeoutMs ?? 20000 });
    return { ok: true };
  }
  if (req.kind === 'texts') {
    // The workbench's own DOM (views, the status bar), outside any webview: what the inspector sees there.
    const found = page.locator(req.selector);
    for (;;) {
      const texts = req.attribute
        ? await found.evaluateAll((els, name) => els.map((e) => e.getAttribute(name) ?? ''), req.attribute).catch(() => [])
        : await found.allInnerTexts().catch(() => []);
      if (texts.length > 0 && (!req.waitFor || texts.some((t) => t.includes(req.waitFor)))) return { ok: true, texts };
      if (Date.now() > deadline) {
        const shot = path.join(results, 'texts-not-found.png');
        await page.screenshot({ path: shot }).catch(() => {});
        return { ok: false, error: `nothing matching ${req.selector}${req.waitFor ? ` shows ${JSON.stringify(req.waitFor)}` : ''} (page: ${shot})`, texts };
      }
      await delay(200);
    }
  }
  if (req.kind === 'frameAct') {
    // Acts in the first webview frame whose text contains `contains` (the preview tests click and scroll).
    for (;;) {
      for (const f of page.frames()) {
        if (f === page.mainFrame()) continue;
        const text = await f.evaluate(() => document.body?.innerText ?? '').catch(() => '');
        if (!text.includes(req.contains)) continue;
        const timeout = Math.max(1000, deadline - Date.now());
        if (req.action === 'click' || req.action === 'dblclick') {
          const target = f.locator(req.selector).first();
          if (req.action === 'click') await target.click({ timeout });
          else await target.dblclick({ timeout });
          return { ok: true };
        }
        if (req.action === 'hover') {
          // What a pointer over the element is told: its title once the pointer is there (a page may set it then).
          const target = f.locator(req.selector).first();
          await target.hover({ timeout });
          return { ok: true, value: (await target.getAttribute('title', { timeout })) ?? '' };
        }
        if (req.action === 'count') return { ok: true, value: await f.locator(req.selector).count() };
        if (req.action === 'text') return { ok: true, value: await f.locator(req.selector).first().innerText({ timeout }) };
        if (req.action === 'select')
          return (
            await f
              .locator(req.selector)
              .first()
              .selectOption(req.value ?? '', { timeout }),
            { ok: true }
          );
        if (req.action === 'check')
          return (
            await f
              .locator(req.selector)
              .first()
              .setChecked(req.value === 'true', { timeout }),
            { ok: true }
          );
        if (req.action === 'press') {
          const target = f.locator(req.selector).first();
          for (const key of req.keys ?? []) await target.press(key, { timeout });
          return { ok: true };
        }
        if (req.action === 'focus') return (await f.locator(req.selector).first().focus({ timeout }), { ok: true });
        if (req.action === 'scrollTo') return { ok: true, value: await f.evaluate((y) => (window.scrollTo(0, y), window.scrollY), req.y ?? 0) };
        if (req.action === 'scrollY') return { ok: true, value: await f.evaluate(() => window.scrollY) };
        if (req.action === 'top')
          return {
            ok: true,
            value: await f
              .locator(req.selector)
              .first()
              .evaluate((e) => e.getBoundingClientRect().top, undefined, { timeout }),
          };
        return { ok: false, error: `unknown frame action ${req.action}` };
      }
      if (Date.now() > deadline) return { ok: false, error: `no frame contains ${JSON.stringify(req.contains)}` };
      await delay(200);
    }
  }
  return { ok: false, error: `unknown request kind ${req.kind}` };
}
