// Writes the vocabulary tables of docs/commentary.md from the built-in phrasebooks (scripts/vocabularyTables.ts).
// Run after changing a phrasebook: test/unit/docs-vocabulary.test.ts fails while the docs say otherwise.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withVocabularyTables } from './vocabularyTables';

const file = path.resolve(__dirname, '../docs/commentary.md');
const before = readFileSync(file, 'utf8');
const after = withVocabularyTables(before);
if (after !== before) writeFileSync(file, after);
console.log(after === before ? 'docs/commentary.md: the vocabulary tables were up to date' : 'docs/commentary.md: wrote the vocabulary tables');
