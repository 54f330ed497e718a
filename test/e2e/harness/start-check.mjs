#!/usr/bin/env node
// Checks `npm start` end to end, as a user meets it: runs scripts/start.mjs, opens the URL it prints in headless
// Chromium, opens the example's inspection file, and reads the extension's status ("34/34 cases judged": the
// packaged client and server at work). Saves test-results/npm-start.png. Then Ctrl-C (SIGINT) must stop
// code-server. Prints "1 passed, 0 failed" or "0 passed, 1 failed".
//
//   node test/e2e/harness/start-check.mjs [--results test-results]
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './code-server.mjs';

const argv = process.argv.slice(2);
const i = argv.indexOf('--results');
const results = path.resolve(i >= 0 ? argv[i + 1] : path.join(ROOT, 'test-results'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const t0 = Date.now();
const log = (...a) => console.log(`[npm start ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

fs.mkdirSync(results, { recursive: true });
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sqs-start-check-'));
// Port 0: any free port, so the check never meets a user's `npm start` on the default one.
const start = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs'), '--no-setup', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
start.stdout.on('data', (c) => (output += c));
start.stderr.on('data', (c) => (output += c));
const exited = new Promise((r) => start.once('exit', (code, signal) => r({ code, signal })));

let context;
let ok = false;
try {
  let url;
  let csPid;
  for (const deadline = Date.now() + 240_000; !url;) {
    url = /^\s+(http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)$/m.exec(output)?.[1];
    csPid = Number(/code-server pid (\d+)/.exec(output)?.[1]);
    if (start.exitCode !== null) throw new Error('npm start exited before it printed the URL');
    if (Date.now() > deadline) throw new Error('npm start printed no URL within 240 s');
    if (!url) await delay(100);
  }
  log('serving', url);
  if (decodeURIComponent(url).replace(/.*folder=/, '') !== path.join(ROOT, 'examples/liverpool-2013'))
    throw new Error(`the workspace is not the example: ${url}`);

  context = await chromium.launchPersistentContext(path.join(profile, 'chromium'), {
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(profile, 'xdg'), XDG_CACHE_HOME: path.join(profile, 'xdg') },
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
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'inspection.sqs.yaml' }).click({ timeout: 60_000 });
  await page.locator('#status\\.editor\\.mode', { hasText: 'SQS Inspection' }).waitFor({ timeout: 30_000 });
  log('the inspection file is open as SQS Inspection');
  // The language status item: its hover carries the text the server computed.
  await page.locator('#status\\.languageStatus').click({ timeout: 30_000 });
  await page.getByText('34/34 cases judged').first().waitFor({ timeout: 60_000 });
  log('the status says 34/34 cases judged');
  await page.screenshot({ path: path.join(results, 'npm-start.png') });
  // The browser editor saves nothing by itself (code-server's default saves a second after each keystroke, into the
  // bundled example): its user settings, as the running editor shows them, say so.
  await page.keyboard.press('Control+Shift+P');
  await page.locator('.quick-input-widget input').fill('>Preferences: Open User Settings (JSON)');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Open User Settings (JSON)' }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines', { hasText: /"files\.autoSave":\s*"off"/ }).waitFor({ timeout: 30_000 });
  log('auto-save is off');
  await context.close();
  context = undefined;

  start.kill('SIGINT'); // what Ctrl-C sends
  const { code, signal } = await Promise.race([exited, delay(20_000).then(() => ({ code: 'still running' }))]);
  if (code !== 0) throw new Error(`npm start did not stop cleanly on Ctrl-C: ${signal ?? code}`);
  if (csPid && alive(csPid)) throw new Error(`code-server (pid ${csPid}) still runs after Ctrl-C`);
  log('Ctrl-C stopped it');
  ok = true;
} catch (e) {
  console.error(`[npm start] FAILED: ${e?.message ?? e}\n${output.split('\n').slice(-40).join('\n')}`);
} finally {
  if (context) await context.close().catch(() => {});
  if (start.exitCode === null) {
    start.kill('SIGINT');
    await Promise.race([exited, delay(15_000)]);
    if (start.exitCode === null) start.kill('SIGKILL');
  }
  fs.rmSync(profile, { recursive: true, force: true });
}
console.log(ok ? '1 passed, 0 failed' : '0 passed, 1 failed');
process.exit(ok ? 0 : 1);
