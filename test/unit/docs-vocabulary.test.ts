import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PhrasebookRegistry } from '../../server/src/core/api';
import sqsData from '../../server/src/core/commentary/phrasebooks/sqs.json';
import { begin, end, vocabularyTables, withVocabularyTables } from '../../scripts/vocabularyTables';

// docs/commentary.md lists every word of quantity the built-in phrasebooks write or read, with its band; the
// tables are generated from the phrasebooks' data (npm run docs:vocabulary) and must say what the data says.

const doc = readFileSync(path.resolve(__dirname, '../../docs/commentary.md'), 'utf8');

describe('docs/commentary.md: the vocabulary tables', () => {
  it('are what the phrasebooks say (run npm run docs:vocabulary after changing one)', () => {
    const written = doc.slice(doc.indexOf(begin) + begin.length, doc.indexOf(end)).trim();
    assert.ok(doc.includes(begin) && doc.includes(end), 'the markers are in the docs');
    assert.equal(written, vocabularyTables().trim());
  });

  it('list every word the issue names, with a band, for both phrasebooks', () => {
    const tables = vocabularyTables();
    const words = [
      'less than',
      'fewer than',
      'at least',
      'more than',
      'over',
      'under',
      'nearly',
      'almost',
      'about',
      'around',
      'roughly',
      'a handful',
      'very few',
      'a small number',
      'several',
      'many',
      'the vast majority',
      'nearly all',
      ...[
        'always',
        'almost always',
        'usually',
        'mostly',
        'generally',
        'often',
        'sometimes',
        'occasionally',
        'rarely',
        'seldom',
        'never',
        'consistently',
        'invariably',
      ],
    ];
    for (const w of words) assert.match(tables, new RegExp(`"${w}"[^\\n]*\\|[^\\n]*\\d[^\\n]*\\|`), `"${w}" has a row with a band`);
    for (const id of PhrasebookRegistry.builtIn().ids) assert.match(tables, new RegExp(`##### \`${id}\``));
  });

  it('follow a change to the data, and the docs then differ', () => {
    const data = structuredClone(sqsData);
    data.vocabulary.margins.nearly = 4;
    const changed = vocabularyTables(PhrasebookRegistry.fromFiles([data]));
    assert.match(changed, /\| "almost one-quarter" \| {2}\| \[13\/60, 1\/4\) \(21\.7%–25%\) \| \[21\/100, 1\/4\) \(21%–25%\) \|/);
    assert.notEqual(withVocabularyTables(doc, changed), doc);
    assert.equal(withVocabularyTables(doc), doc);
  });
});
