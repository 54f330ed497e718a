import { describe, it } from 'node:test';
import fc from 'fast-check';
import { diskLayout, diskStep } from '../fuzz/disk';
import { fuzzDocument } from '../fuzz/documents';
import { deterministicStep } from '../fuzz/pipeline';

// A short seeded run of the fuzzing (`npm run fuzz` is the long one; docs/testing.md has its figures): mutated
// Liverpool files and YAML test suite documents through parse, checks, report, every renderer and the CLI's outputs,
// and odd disks through `sqs check`. Seeded, so a failure here is the same failure on every machine.

describe('fuzzing, a short seeded run', () => {
  it('mutated documents: nothing thrown, no SQS009, every range inside its document, the same output twice, quotes of at most 40 characters', async () => {
    await fc.assert(
      // Every file's findings and every renderer for one document in five; its own file's and the inspection file's for the rest.
      fc.asyncProperty(fuzzDocument, (doc) => deterministicStep(doc, doc.mutations.length % 5 === 1 ? {} : { files: 'own', renderers: false })),
      { seed: 11, numRuns: 50 },
    );
  });

  it('odd disks: sqs check ends with 0, 1 or 2 and prints nothing a link outside the folder leads to', () => {
    fc.assert(
      fc.property(diskLayout, (entries) => diskStep(entries)),
      { seed: 11, numRuns: 10 },
    );
  });
});
