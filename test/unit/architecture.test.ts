import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const core = path.resolve(__dirname, '../../server/src/core');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Modules the core must not use: the editor, the protocol, the disk, other processes. */
const forbiddenModule = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|(node:)?fs(\/promises)?|(node:)?child_process)$/;

/** The modules a source file loads, however it spells it: import … from, a bare import, import(), require(). */
function modulesLoaded(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s*|^\s*import\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

describe('architecture', () => {
  it('the core imports nothing of VS Code, LSP or the file system', () => {
    const offenders = sources(core).flatMap((f) =>
      modulesLoaded(readFileSync(f, 'utf8'))
        .filter((m) => forbiddenModule.test(m))
        .map((m) => `${path.relative(core, f)} → ${m}`),
    );
    assert.deepEqual(offenders, []);
  });

  it('the check above sees every way of loading a module', () => {
    const spellings = [
      "import { readFileSync } from 'node:fs';",
      'import * as fs from "fs";',
      "import { readFile } from 'node:fs/promises';",
      "import { readFile } from 'fs/promises';",
      "import 'node:child_process';",
      "const fs = require('fs');",
      "const cp = require ( 'child_process' );",
      "const { readFile } = await import('node:fs/promises');",
      "export { readFile } from 'fs/promises';",
      "import type { Connection } from 'vscode-languageserver/node';",
      "import * as vscode from 'vscode';",
    ];
    for (const line of spellings)
      assert.ok(
        modulesLoaded(line).some((m) => forbiddenModule.test(m)),
        line,
      );
    assert.deepEqual(
      modulesLoaded("import { Utils } from 'vscode-uri';\nconst s = 'from fs';").filter((m) => forbiddenModule.test(m)),
      [],
      'vscode-uri is allowed',
    );
  });

  it('imports point down the layers: checks, report and service build on the rest, never the other way', () => {
    // Each top-level folder of the core, and what it must not import: the layers above it, and its peers.
    const upper = ['checks', 'report', 'service'];
    const forbidden: Record<string, string[]> = {
      text: upper,
      yaml: upper,
      criteria: upper,
      commentary: upper,
      model: upper,
      index: upper,
      checks: ['report', 'service'],
      report: ['checks', 'service'],
    };
    const offenders = sources(core).flatMap((file) => {
      const layer = path.relative(core, file).split(path.sep)[0]!;
      const banned = forbidden[layer] ?? [];
      return [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']*)'/g)]
        .map((m) => path.relative(core, path.resolve(path.dirname(file), m[1]!)).split(path.sep)[0]!)
        .filter((target) => banned.includes(target))
        .map((target) => `${path.relative(core, file)} → ${target}/`);
    });
    assert.deepEqual(offenders, []);
  });

  it('only yaml/nodes.ts walks yaml nodes (yaml 3 changes that API)', () => {
    // The node API: type guards, the visitor and the node classes, imported from 'yaml' anywhere but nodes.ts.
    const nodeApi = /\b(isMap|isSeq|isScalar|isPair|isAlias|isNode|isCollection|visit|visitAsync|YAMLMap|YAMLSeq|Scalar|Pair|Alias)\b/;
    const walkers = sources(core).filter((f) =>
      [...readFileSync(f, 'utf8').matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'yaml'/g)].some((m) => nodeApi.test(m[1]!.replace(/type\s+\w+/g, ''))),
    );
    assert.deepEqual(
      walkers.map((f) => path.relative(core, f)),
      ['yaml/nodes.ts'],
    );
  });
});
