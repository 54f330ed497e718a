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

describe('architecture', () => {
  it('the core imports nothing of VS Code, LSP or the file system', () => {
    const forbidden = /from ['"](vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*|node:fs|fs|node:child_process)['"]/;
    const offenders = sources(core).filter((f) => forbidden.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders.map((f) => path.relative(core, f)), []);
  });

  it('only yaml/nodes.ts walks yaml nodes (yaml 3 changes that API)', () => {
    const walkers = sources(core).filter((f) => /\bisMap\b|\bisSeq\b|\bisScalar\b|\.items\b/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(walkers.map((f) => path.relative(core, f)), ['yaml/nodes.ts']);
  });
});
