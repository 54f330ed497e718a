import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadWorkspace } from '../../server/src/cli/files';
import { caseColumns, tallyColumns } from '../../server/src/core/api';
import { dataFormats } from '../../server/src/protocol';
import { repoRoot } from '../helpers/example';

// docs/data.md is where an analyst learns what a column means: it must name every column the exports write, and
// no column they do not.

const doc = readFileSync(path.join(repoRoot, 'docs/data.md'), 'utf8');

/** The column names in the first cell of each row of the table under a heading. */
function documented(heading: string): string[] {
  const section = doc.slice(doc.indexOf(heading));
  const table = section.slice(section.indexOf('| Column |')).split('\n\n')[0]!;
  return table
    .split('\n')
    .slice(2)
    .flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!));
}

describe('docs/data.md', () => {
  const { index } = loadWorkspace([path.join(repoRoot, 'examples')]);
  it('describes every column of the judgements, and no other', () => {
    assert.deepEqual(
      documented('### Judgements').sort(),
      caseColumns(index.inspections(), { includeNotes: true })
        .map((c) => c.key)
        .sort(),
    );
  });

  it('describes every column of the tallies, and no other', () => {
    assert.deepEqual(documented('### Tallies').sort(), tallyColumns.map((c) => c.key).sort());
  });

  it('names every data format', () => {
    for (const f of dataFormats) assert.ok(doc.includes(`--format ${f.id}`) || f.id === 'csv', f.id);
  });
});
