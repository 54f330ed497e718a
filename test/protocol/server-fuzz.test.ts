import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { fuzzServer } from './fuzz/serverFuzz';
import { ensureBundle } from './harness';

// A short seeded run of the server fuzz (`npm run fuzz:server` is the long one; docs/testing.md has its figures):
// random edits, closes, versions out of order and files coming and going on disk, over stdio to the bundled server.
// Seeded, so a failure here is the same sequence on every machine: replay it with the seed and sequence it names.

before(() => ensureBundle());

describe('the server fuzz, a short seeded run', () => {
  it('stays alive, answers every request, keeps every range inside its document and ends with the findings of sqs check', async () => {
    const seed = 12;
    const result = await fuzzServer({ seed, sequences: 6, steps: 30, perServer: 3 });
    const failures = result.failures.map(
      (f) =>
        `sequence ${f.sequence} (${f.invariant}; replay: npm run fuzz:server -- --seed ${seed} --first ${f.sequence} --sequences 1 --verbose):\n${f.detail}\nsteps:\n  ${f.steps.join('\n  ')}`,
    );
    assert.deepEqual(failures, []);
    // Not a vacuous run: the sequences did things, asked things and were compared file by file.
    assert.equal(result.sequences, 6);
    assert.ok(result.steps >= 6 * 7 && result.requests > result.sequences && result.filesCompared >= 6 * 30, JSON.stringify(result));
  });
});
