import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { freeReferences } from '../helpers/freeGlobals';

// The web build runs where there is no Node: the extension in the browser's extension host, the language server in a
// Web Worker. A Node built-in or global reached there is a ReferenceError at run time, on whatever path first needs
// it, so the bundles are read here for every use of Node, as they ship.

const root = path.resolve(__dirname, '../..');
const bundles = { client: 'client/out/web/extension.js', server: 'server/out/web/server.js' };

/** Node's globals: what a browser or a Worker does not have. */
const nodeGlobals = new Set(['Buffer', 'process', 'setImmediate', 'clearImmediate', 'require', 'global', '__dirname', '__filename', 'module', 'exports']);

/**
 * Unguarded uses known to be unreachable, each with why. vscode-uri carries a copy of Node's posix path module, whose
 * resolve() asks process.cwd() only when no absolute path is given; every URI the server resolves is absolute.
 */
const unreachable = [{ name: 'process', excerpt: /process\.cwd\(\)/, why: "vscode-uri's path.resolve, given only absolute paths" }];

function ensureBuilt(): void {
  const newest = (dir: string): number =>
    readdirSync(dir).reduce((max, name) => {
      const p = path.join(dir, name);
      const s = statSync(p);
      return Math.max(max, s.isDirectory() ? newest(p) : s.mtimeMs);
    }, 0);
  const sources = Math.max(newest(path.join(root, 'client/src')), newest(path.join(root, 'server/src')), statSync(path.join(root, 'esbuild.mjs')).mtimeMs);
  const built = Math.min(...Object.values(bundles).map((b) => (existsSync(path.join(root, b)) ? statSync(path.join(root, b)).mtimeMs : 0)));
  if (built < sources) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'ignore' });
}

describe('the web bundles use nothing of Node', () => {
  ensureBuilt();
  const code = Object.fromEntries(Object.entries(bundles).map(([k, f]) => [k, readFileSync(path.join(root, f), 'utf8')])) as Record<
    keyof typeof bundles,
    string
  >;

  for (const [part, file] of Object.entries(bundles) as [keyof typeof bundles, string][]) {
    it(`${file}: no Node global (Buffer, process, setImmediate, require, …) unless a library looks before it uses it`, () => {
      const offenders = freeReferences(code[part], nodeGlobals)
        .filter((r) => !r.guarded)
        // The extension is a CommonJS module of the browser's extension host, whose require gives `vscode` and nothing else.
        .filter((r) => !(part === 'client' && ((r.name === 'require' && /require\("vscode"\)/.test(r.excerpt)) || r.name === 'module')))
        .filter((r) => !unreachable.some((u) => u.name === r.name && u.excerpt.test(r.excerpt)))
        .map((r) => `${file}:${r.line} ${r.name}: …${r.excerpt}…`);
      assert.deepEqual(offenders, []);
    });
  }

  it('the extension requires only vscode; the Worker script requires nothing', () => {
    const required = (text: string) => [...new Set([...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]))];
    assert.deepEqual(required(code.client), ['vscode']);
    assert.deepEqual(required(code.server), []);
    // Node's built-ins by their own names, however a library spells the import.
    for (const [part, text] of Object.entries(code)) assert.doesNotMatch(text, /["']node:[a-z_/]+["']/, `${part} names a node: module`);
  });

  it('the check above sees what it looks for: free uses, not properties, keys or guarded ones', () => {
    const found = freeReferences(
      [
        'var a = Buffer.from("x");',
        'setImmediate(() => 0);',
        'var fs = require("fs");',
        'var b = ral.timer.setImmediate(f); var o = { setImmediate(cb) {} }; // process.exit()',
        'function f() { return typeof process !== "undefined" && process.platform; }',
        'function g(Buffer) { return Buffer.alloc(1); }',
      ].join('\n'),
      nodeGlobals,
    );
    assert.deepEqual(
      found.map((r) => `${r.line} ${r.name}${r.guarded ? ' guarded' : ''}`),
      ['1 Buffer', '2 setImmediate', '3 require', '5 process guarded', '5 process guarded'],
    );
  });
});
