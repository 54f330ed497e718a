// Bundles the real-editor suite with the project's esbuild: one CommonJS file per *.e2e.ts plus the mocha entry
// point, into out/e2e/suite/. `vscode` is provided by the extension host; mocha is bundled so the suite runs in
// any extension host, whatever Node it embeds.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const suiteOut = path.join(root, 'out/e2e/suite');

/**
 * Bundles the mocha entry point with every *.e2e.ts of `dir` into `out`: the suite, or (scripts/screenshots.mjs)
 * the scenes of the documentation's screenshots, which run the same way.
 */
export async function buildSuite(dir = path.join(root, 'test/e2e/suite'), out = suiteOut) {
  const tests = readdirSync(dir).filter((f) => f.endsWith('.e2e.ts'));
  rmSync(out, { recursive: true, force: true }); // index.js runs every *.e2e.js it finds: no stale ones
  await esbuild.build({
    absWorkingDir: root,
    // Named entries: the files land side by side in `out` wherever their sources are.
    entryPoints: [
      { in: path.join(root, 'test/e2e/suite/index.ts'), out: 'index' },
      ...tests.map((f) => ({ in: path.join(dir, f), out: f.replace(/\.ts$/, '') })),
    ],
    outdir: out,
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
  return path.join(out, 'index.js');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await buildSuite());
