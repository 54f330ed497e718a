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
    const walkers = sources(core).filter((f) => /\bisMap\b|\bisSeq\b|\bisScalar\b|\.items\b/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(walkers.map((f) => path.relative(core, f)), ['yaml/nodes.ts']);
  });
});
