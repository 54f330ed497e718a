// Rewrites the golden copies of the examples' reports (test/fixtures/golden/) from what `sqs render` writes now.
// Run it only for a change meant to reword the report, and say so in the commit: test/unit/golden.test.ts holds
// every other change to them.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { goldenDir, goldenExamples, renderedForms } from '../test/helpers/golden';

void (async () => {
  for (const example of goldenExamples) {
    for (const [name, text] of await renderedForms(example)) {
      writeFileSync(path.join(goldenDir, name), text);
      console.log(`wrote ${path.join('test/fixtures/golden', name)}`);
    }
  }
})();
