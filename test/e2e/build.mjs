// Bundles the real-editor suite with the project's esbuild: one CommonJS file per *.e2e.ts plus the mocha entry
// point, into out/e2e/suite/. `vscode` is provided by the extension host; mocha is bundled so the suite runs in
// any extension host, whatever Node it embeds.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const suiteOut = path.join(root, 'out/e2e/suite');

export async function buildSuite() {
  const dir = path.join(root, 'test/e2e/suite');
  const tests = readdirSync(dir).filter((f) => f.endsWith('.e2e.ts'));
  rmSync(suiteOut, { recursive: true, force: true }); // index.js runs every *.e2e.js it finds: no stale ones
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [path.join(dir, 'index.ts'), ...tests.map((f) => path.join(dir, f))],
    outdir: suiteOut,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    // mocha's parallel mode (unused here) resolves its worker files at run time
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return path.join(suiteOut, 'index.js');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await buildSuite());
