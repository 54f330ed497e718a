#!/usr/bin/env node
// `npm start`: the extension, packaged, in a real VS Code on the Liverpool example.
//   1. packages the .vsix (npm run package: production build + vsce, offline),
//   2. sets up code-server if needed (test/e2e/setup.sh, idempotent),
//   3. installs the .vsix into a private code-server (its own user data, extensions and config; nothing in ~),
//   4. serves it on 127.0.0.1 with examples/liverpool-2013 as the workspace and prints the URL.
// Ctrl-C stops code-server (the process this script started) and removes the private state.
//
//   node scripts/start.mjs [--port 8765] [--folder <dir>] [--no-setup]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, installExtension, privateState, startCodeServer, stopCodeServer } from '../test/e2e/harness/code-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const say = (msg) => console.log(`[start] ${msg}`);
const fail = (msg) => {
  console.error(`[start] ${msg}`);
  process.exit(1);
};

const folder = path.resolve(opt('folder') ?? path.join(root, 'examples/liverpool-2013'));
if (!existsSync(folder)) fail(`no workspace at ${folder} (give another with --folder <dir>)`);

const { name, version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = path.join(root, `${name}-${version}.vsix`);
say('packaging the extension');
const pack = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], { cwd: root, stdio: 'inherit' });
if (pack.status !== 0 || !existsSync(vsix)) fail('packaging failed (see above)');

if (!args.includes('--no-setup')) {
  const setup = spawnSync('bash', [path.join(root, 'test/e2e/setup.sh')], { cwd: root, stdio: 'inherit' });
  if (setup.status !== 0) fail('setup failed (see above)');
}

const state = privateState('sqs-start-');
let cs;
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await stopCodeServer(cs);
  rmSync(state.dir, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => {
  say('stopping code-server');
  void stop(0);
});
process.on('SIGTERM', () => void stop(0));

try {
  installExtension(state, vsix);
  say(`installed ${path.basename(vsix)}`);
  const port = await freePort(Number(opt('port') ?? 8765));
  const started = await startCodeServer(state, port);
  cs = started.child;
  cs.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[start] code-server stopped by itself (${signal ?? `exit ${code}`}); its log:\n${readFileSync(state.log, 'utf8').slice(-4000)}`);
    void stop(1);
  });
  say(`code-server pid ${cs.pid}; VS Code with SQS Findings on ${path.relative(process.cwd(), folder) || folder}:`);
  console.log(`\n    ${started.base}/?folder=${encodeURIComponent(folder)}\n`);
  say('Ctrl-C stops it');
} catch (e) {
  console.error(`[start] ${e?.message ?? e}`);
  await stop(1);
}
