import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { goldenDir, goldenExamples, renderedForms } from '../helpers/golden';

// The published letter must not change by accident: both examples' reports, as `sqs render` writes them, against
// the golden copies in test/fixtures/golden/. A change meant to reword the report updates them with `npm run golden`
// (and says so in its commit); any other change that moves a byte of them fails here, naming the first line.

describe('the examples render word for word as the golden copies', () => {
  for (const example of goldenExamples) {
    it(`${example}: Markdown, HTML and the Word document's text`, async () => {
      for (const [name, text] of await renderedForms(example)) {
        const golden = readFileSync(path.join(goldenDir, name), 'utf8');
        if (text === golden) continue;
        const a = golden.split('\n');
        const b = text.split('\n');
        const line = a.findIndex((l, i) => l !== b[i]);
        assert.fail(
          `${name} differs from its golden copy at line ${line + 1}:\n  golden: ${a[line]}\n  now:    ${b[line]}\n(npm run golden rewrites the copies when the change is meant)`,
        );
      }
    });
  }
});
