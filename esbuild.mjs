// Builds the extension's bundles, the generated JSON Schemas and the TextMate grammars.
//   node esbuild.mjs               development build (sourcemaps)
//   node esbuild.mjs --production  release build (minified, no sourcemaps)
//   node esbuild.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.dirname(fileURLToPath(import.meta.url));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'info',
  absWorkingDir: root,
};

/** Node bundles: CommonJS so VS Code's extension host and plain `node` both load them. */
const nodeTargets = [
  {
    // The VS Code client: `vscode` is provided by the extension host at run time.
    entryPoints: ['client/src/extension.ts'],
    outfile: 'client/out/extension.js',
    external: ['vscode'],
  },
  {
    // The language server is standalone: any LSP client can run `node server/out/server.js --stdio`.
    entryPoints: ['server/src/server.ts'],
    outfile: 'server/out/server.js',
    define: { SQS_VERSION: JSON.stringify(version) },
  },
  {
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'server/out/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    define: { SQS_VERSION: JSON.stringify(version) },
    // `npx sqs` runs the package's own bin directly, so it must be executable (esbuild writes 0644).
    plugins: [
      {
        name: 'executable',
        setup: (build) => build.onEnd(() => existsSync(path.join(root, 'server/out/cli.js')) && chmodSync(path.join(root, 'server/out/cli.js'), 0o755)),
      },
    ],
  },
];

/**
 * The web build, from the same sources: the extension for a browser's extension host (package.json `browser`) and
 * the language server for the Web Worker it starts. test/unit/web-bundles.test.ts holds them free of Node.
 */
const webTargets = [
  {
    entryPoints: ['client/src/web/extension.ts'],
    outfile: 'client/out/web/extension.js',
    format: 'cjs',
    external: ['vscode'],
  },
  {
    entryPoints: ['server/src/web/server.ts'],
    outfile: 'server/out/web/server.js',
    format: 'iife',
    define: { SQS_VERSION: JSON.stringify(version) },
  },
];

/** Browser bundles for webviews (no Node, no vscode module: they talk to the extension by messages). */
const browserTargets = [
  {
    entryPoints: ['client/src/preview/webview/main.ts'],
    outfile: 'media/out/preview.js',
  },
  {
    entryPoints: ['client/src/grid/webview/main.ts'],
    outfile: 'media/out/grid.js',
  },
];

// A missing entry point is a broken build, not a bundle to leave out: the extension would ship without it.
const missing = [...nodeTargets, ...webTargets, ...browserTargets].map((t) => t.entryPoints[0]).filter((e) => !existsSync(path.join(root, e)));
if (missing.length > 0) {
  console.error(`esbuild.mjs: entry point${missing.length === 1 ? '' : 's'} not found: ${missing.join(', ')}`);
  process.exit(1);
}

const configs = [
  ...nodeTargets.map((t) => ({ ...common, platform: 'node', format: 'cjs', target: 'node20', ...t })),
  ...webTargets.map((t) => ({ ...common, platform: 'browser', target: 'es2022', ...t })),
  ...browserTargets.map((t) => ({ ...common, platform: 'browser', format: 'iife', target: 'es2022', ...t })),
];

/**
 * Files derived from the zod schemas and the criteria catalogues, generated here so they can never drift:
 * the JSON Schemas in schemas/, for other editors' YAML tooling (docs/format.md, "Other editors"), and the
 * TextMate grammars in syntaxes/, so that what is coloured as a judgement or a reason is what the checks accept;
 * and the report's theme stylesheet in media/out/, which the preview links (the client does not import the renderer).
 */
async function generate(script, outDir) {
  const outfile = path.join(root, 'out', `${path.basename(script, '.ts')}.cjs`);
  await esbuild.build({
    ...common,
    logLevel: 'warning',
    sourcemap: false,
    minify: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    entryPoints: [script],
    outfile,
  });
  execFileSync(process.execPath, [outfile, path.join(root, outDir)], { stdio: 'inherit' });
}

if (watch) {
  const contexts = await Promise.all(configs.map((c) => esbuild.context(c)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[watch] watching for changes…');
} else {
  await Promise.all(configs.map((c) => esbuild.build(c)));
  await generate('scripts/export-schemas.ts', 'schemas');
  await generate('scripts/export-grammar.ts', 'syntaxes');
  await generate('scripts/export-report-css.ts', 'media/out');
}
