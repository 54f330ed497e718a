import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { codes } from '../../server/src/core/api';

const doc = readFileSync(path.resolve(__dirname, '../../docs/checks.md'), 'utf8');

describe('docs/checks.md', () => {
  const rows = new Map(
    [...doc.matchAll(/^\| (SQS\d{3}) \| ([a-z-]+) \| (\w+) \| (.+) \|$/gm)].map((m) => [m[1]!, { name: m[2]!, severity: m[3]!, summary: m[4]! }]),
  );

  it('lists every code of the code table with its name and default severity', () => {
    const missing = [...codes.values()].filter((c) => !rows.has(c.code)).map((c) => c.code);
    assert.deepEqual(missing, [], 'codes missing from the table in docs/checks.md');
    for (const c of codes.values()) {
      const row = rows.get(c.code)!;
      assert.deepEqual([row.name, row.severity], [c.name, c.severity], `${c.code} differs between codes.ts and docs/checks.md`);
    }
  });

  it('lists no code the table does not have', () => {
    assert.deepEqual(
      [...rows.keys()].filter((code) => !codes.has(code)),
      [],
    );
  });

  it('gives an example of every code', () => {
    const missing = [...codes.values()].filter((c) => !new RegExp(`^#### ${c.code} ${c.name}$`, 'm').test(doc)).map((c) => c.code);
    assert.deepEqual(missing, [], 'codes without an example section ("#### SQSxxx name")');
  });
});
