import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../helpers/example';

// docs/testing.md maps each part of the cases view, the judgement grid and the first run to the tests that hold it.
// A renamed or removed test would leave the map pointing at nothing: every test it names must exist, by file and by
// title (a title quoted with "…" is matched piece by piece).

const doc = readFileSync(path.join(repoRoot, 'docs/testing.md'), 'utf8');
const section = doc.slice(doc.indexOf('## What holds the cases view'));
const rows = section
  .split('\n\n')
  .find((block) => block.startsWith('| Part | Tests |'))!
  .split('\n')
  .slice(2)
  .filter((row) => row.startsWith('|'));

const suiteFolders: Record<string, string> = { e2e: 'test/e2e/suite', unit: 'test/unit', protocol: 'test/protocol' };

/** Typographic and plain apostrophes alike: the docs and the titles do not always agree on which. */
const plain = (s: string) => s.replace(/[‘’]/g, "'");

interface Named {
  file: string;
  titles: string[];
}

/** The tests a row names: `kind` `file.ts` "title", "title"; a file named again without its kind keeps the last kind. */
function named(cell: string): Named[] {
  const out: Named[] = [];
  let kind = 'unit';
  for (const m of cell.matchAll(/(?:\b(e2e|unit|protocol)\s+)?`([\w.-]+\.test\.ts|[\w.-]+\.e2e\.ts)`((?:\s*"[^"]*",?)*)/g)) {
    kind = m[1] ?? kind;
    out.push({ file: path.join(suiteFolders[kind]!, m[2]!), titles: [...m[3]!.matchAll(/"([^"]*)"/g)].map((t) => t[1]!) });
  }
  return out;
}

describe('docs/testing.md: what holds the cases view, the grid and the first run', () => {
  it('has a row for each of issue 14’s six Deliver items', () => {
    assert.deepEqual([...new Set(rows.map((r) => /^\| (\d)\./.exec(r)?.[1]))], ['1', '2', '3', '4', '5', '6']);
  });

  it('names only tests that exist, in the files it says', () => {
    let titles = 0;
    for (const row of rows) {
      const tests = named(row.split('|')[2]!);
      assert.ok(tests.length > 0, `no test named in: ${row}`);
      for (const { file, titles: wanted } of tests) {
        assert.ok(existsSync(path.join(repoRoot, file)), `${file} (named in: ${row.slice(0, 60)}…)`);
        const source = plain(readFileSync(path.join(repoRoot, file), 'utf8'));
        for (const title of wanted) {
          titles++;
          for (const piece of plain(title)
            .split('…')
            .map((p) => p.trim())
            .filter(Boolean))
            assert.ok(source.includes(piece), `${file} has no test titled like "${title}"`);
        }
      }
    }
    assert.ok(titles > 20, `only ${titles} titles found: the table's format changed under this test`);
  });
});
