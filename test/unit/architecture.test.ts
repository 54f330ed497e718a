import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(__dirname, '../..');
const serverSrc = path.join(root, 'server/src');
const clientSrc = path.join(root, 'client/src');
const core = path.join(serverSrc, 'core');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The project files a source file imports (relative imports, resolved to the .ts file they name). */
function relativeImports(file: string): string[] {
  return modulesLoaded(readFileSync(file, 'utf8'))
    .filter((m) => m.startsWith('.'))
    .map((m) => {
      const target = path.resolve(path.dirname(file), m);
      return existsSync(`${target}.ts`) || !existsSync(target) ? `${target.replace(/\.ts$/, '')}.ts` : path.join(target, 'index.ts');
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

  it('inside the core, imports point down the layers: text → yaml → commentary → criteria → model → index → checks | report → service', () => {
    // A folder may import its own files and folders ranked below it; checks and report are peers that know
    // nothing of each other. The core's root files (types, codes, findings, severity) are the ground floor;
    // api.ts, the surface for adapters, sits on top, and nothing inside the core imports it.
    const rank: Record<string, number> = {
      '.': 0,
      text: 1,
      yaml: 2,
      commentary: 3,
      criteria: 4,
      model: 5,
      index: 6,
      checks: 7,
      report: 7,
      service: 8,
      'api.ts': 9,
    };
    const layerOf = (file: string) => {
      const rel = path.relative(core, file).split(path.sep);
      return rel.length === 1 ? (rel[0] === 'api.ts' ? 'api.ts' : '.') : rel[0]!;
    };
    const offenders = sources(core).flatMap((file) =>
      relativeImports(file).flatMap((target) => {
        const from = layerOf(file);
        const to = layerOf(target);
        const ok = from === to || rank[to]! < rank[from]!;
        return ok ? [] : [`${path.relative(core, file)} → ${path.relative(core, target)}`];
      }),
    );
    assert.deepEqual(offenders, []);
    assert.deepEqual(Object.keys(rank).sort(), [...new Set(sources(core).map(layerOf))].sort(), 'every folder of the core has its place');
  });

  it('between the parts, imports point inward: client → protocol; lsp, cli → render → core/api; node → core/api', () => {
    // Who may import whom, by top-level part; an adapter sees the core through core/api.ts only.
    const allowed: Record<string, string[]> = {
      core: ['core'],
      protocol: [],
      fileSystemHost: [],
      render: ['render', 'core/api', 'protocol'],
      node: ['node', 'core/api', 'fileSystemHost'],
      lsp: ['lsp', 'core/api', 'render', 'protocol', 'fileSystemHost'],
      cli: ['cli', 'core/api', 'render', 'node', 'protocol'],
      editor: ['editor', 'core/api', 'fileSystemHost', 'protocol'],
      server: ['lsp', 'node', 'editor'],
      web: ['lsp', 'editor'],
      client: ['client', 'protocol'],
    };
    const partOf = (file: string): string => {
      if (file.startsWith(clientSrc)) return 'client';
      const rel = path.relative(serverSrc, file).split(path.sep);
      if (rel[0] === 'core' && rel[1] === 'api.ts') return 'core/api';
      return rel.length === 1 ? rel[0]!.replace(/\.ts$/, '') : rel[0]!;
    };
    const offenders = [...sources(serverSrc), ...sources(clientSrc)].flatMap((file) => {
      const from = partOf(file) === 'core/api' ? 'core' : partOf(file);
      return relativeImports(file)
        .map(partOf)
        .filter((to) => !(allowed[from] ?? []).includes(to) && !(from === 'core' && to === 'core/api'))
        .map((to) => `${path.relative(root, file)} → ${to}`);
    });
    assert.deepEqual([...new Set(offenders)], []);
  });

  it('no module imports itself back, types included (a cycle makes the order of loading matter and the layers a fiction)', () => {
    const files = [...sources(serverSrc), ...sources(clientSrc)];
    const edges = new Map(files.map((f) => [f, relativeImports(f).filter((t) => existsSync(t))]));
    const cycles: string[][] = [];
    // Tarjan's strongly connected components: any with two or more files is a cycle.
    let next = 0;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const visit = (v: string) => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      for (const w of edges.get(v) ?? []) {
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          component.push(path.relative(root, w));
        } while (w !== v);
        if (component.length > 1) cycles.push(component.sort());
      }
    };
    for (const f of files) if (!index.has(f)) visit(f);
    assert.deepEqual(cycles, []);
  });

  it('the checks above see an import wherever it is written', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sqs-arch-'));
    const file = path.join(dir, 'a.ts');
    writeFileSync(file, "import { x } from './b';\nimport type { Y } from '../c/d';\nexport { z } from './e';\nconst f = await import('./f');\n");
    assert.deepEqual(
      relativeImports(file).map((t) => path.relative(dir, t)),
      ['b.ts', path.join('..', 'c', 'd.ts'), 'e.ts', 'f.ts'],
    );
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
