import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

// A setting named in a comment or a doc is how a reader finds it: it must be one the extension contributes
// (a comment once sent readers to `sqs.severity`, which does not exist; the setting is sqs.diagnostics.severity).

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, unknown> }; commands: { command: string }[] };
};
const known = new Set([...Object.keys(manifest.contributes.configuration.properties), ...manifest.contributes.commands.map((c) => c.command)]);

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(name) ? [p] : [];
  });
}

describe('setting names in comments and docs', () => {
  it('every `sqs.…` they name is a setting or command of package.json', () => {
    const sources = [
      ...files(path.join(root, 'server/src'), /\.ts$/),
      ...files(path.join(root, 'client/src'), /\.ts$/),
      ...files(path.join(root, 'docs'), /\.md$/),
      path.join(root, 'README.md'),
    ];
    const unknown: string[] = [];
    let named = 0;
    for (const file of sources) {
      for (const m of readFileSync(file, 'utf8').matchAll(/`(sqs\.[A-Za-z][A-Za-z.]*[A-Za-z])`/g)) {
        const name = m[1]!;
        if (/\.(json|ya?ml|md|ts)$/.test(name)) continue; // a file name (phrasebooks/sqs.json)
        named++;
        if (!known.has(name)) unknown.push(`${path.relative(root, file)}: ${name}`);
      }
    }
    assert.ok(named >= 5, `${named} names found: the scan reads the files`);
    assert.deepEqual(unknown, []);
  });
});
