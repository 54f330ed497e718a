import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Catalogue, CatalogueError, CatalogueRegistry } from '../../server/src/core/api';
import sqs2013 from '../../server/src/core/criteria/catalogues/sqs-2013.json';

describe('criteria catalogue', () => {
  it('the built-in sqs-2013 catalogue validates and has themes 1-4, criteria 1.1-4.5 and OM', () => {
    const c = CatalogueRegistry.builtIn().get('sqs-2013');
    assert.ok(c);
    assert.deepEqual(
      c.themes.filter((t) => t.number).map((t) => t.number),
      [1, 2, 3, 4],
    );
    const ids = [...c.criteria.keys()];
    for (const id of ['1.1', '1.5', '2.1', '2.6', '3.1', '3.5', '4.1', '4.5', 'OM']) assert.ok(ids.includes(id), id);
    assert.equal(c.question('2.2/assessment')?.reasons?.mode, 'partition');
    assert.equal(c.sentence('DTO')?.custodial, true);
    assert.equal(c.sentence('Referral Order')?.custodial, false);
  });

  it('rejects a catalogue whose relevance rule names an unknown fact', () => {
    const broken = structuredClone<typeof sqs2013>(sqs2013);
    (broken.themes[0]!.criteria[0]!.questions[0] as { relevance: unknown }).relevance = { fact: 'no_such_fact' };
    assert.throws(
      () => Catalogue.from(broken),
      (e: unknown) => e instanceof CatalogueError && /unknown fact no_such_fact/.test(e.message),
    );
  });
});
