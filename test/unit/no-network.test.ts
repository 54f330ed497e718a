import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';

// Nothing leaves the machine, read off what ships: no bundle loads a module of Node's that reaches another machine,
// nor calls the browser's. `net` is in the extension and the server once, as vscode-jsonrpc's pipe and socket
// transports, which this extension never picks (the server runs over IPC or stdio); the server and CLI are also run
// with every network API trapped (test/protocol/no-network.test.ts).

const root = path.resolve(__dirname, '../..');
const bundles = ['client/out/extension.js', 'server/out/server.js', 'server/out/cli.js', 'media/out/preview.js'];
const networkModules = ['http', 'https', 'http2', 'tls', 'dgram', 'dns', 'dns/promises', 'undici', 'ws'];

describe('no bundle reaches the network', () => {
  before(() => {
    // The bundles are what users run; build them when a test run starts from sources only.
    if (!bundles.every((b) => existsSync(path.join(root, b)))) spawnSync(process.execPath, [path.join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
  });

  for (const bundle of bundles) {
    it(`${bundle} loads no network module and calls no fetch, XMLHttpRequest, WebSocket or sendBeacon`, () => {
      const code = readFileSync(path.join(root, bundle), 'utf8');
      const required = [...code.matchAll(/require\(["'](?:node:)?([a-z0-9_/]+)["']\)/g)].map((m) => m[1]!);
      assert.deepEqual(
        required.filter((m) => networkModules.includes(m)),
        [],
      );
      assert.ok(
        required.filter((m) => m === 'net').length <= (bundle.startsWith('media/') || bundle.endsWith('cli.js') ? 0 : 1),
        'net: the pipe transport only',
      );
      assert.deepEqual(code.match(/\bfetch\(|\bXMLHttpRequest\b|\bnew WebSocket\b|\bsendBeacon\b|\bEventSource\b/g) ?? [], []);
    });
  }
});
