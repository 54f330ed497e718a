import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CatalogueRegistry } from '../../server/src/core/api';
import { QuestionMap } from '../../server/src/core/criteria/questionMap';

// A case's judgements and contributions are held in a QuestionMap (an array by the question's place in the catalogue)
// rather than a Map, for memory; every reader still sees a Map: the same entries, in the order they were first set
// (a case file's judgements in the order it has them), whatever that order.

const catalogue = CatalogueRegistry.builtIn().latest;
const ids = [...catalogue.questions.keys()];

function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((s / 2 ** 31) * n);
  };
}

describe('QuestionMap', () => {
  it('reads as a Map set the same way would, for sets in the catalogue’s order, out of it, and over again', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const map = new Map<string, number>();
      const questions = new QuestionMap<number>(catalogue);
      const sets = next(ids.length * 2);
      const inOrder = seed % 3 === 0;
      for (let i = 0; i < sets; i++) {
        const id = inOrder ? ids[Math.min(i, ids.length - 1)]! : ids[next(ids.length)]!;
        map.set(id, i);
        questions.set(id, i);
      }
      assert.deepEqual([...questions], [...map], `seed ${seed}`);
      assert.deepEqual([...questions.keys()], [...map.keys()]);
      assert.deepEqual([...questions.values()], [...map.values()]);
      assert.equal(questions.size, map.size);
      for (const id of ids) {
        assert.equal(questions.get(id), map.get(id));
        assert.equal(questions.has(id), map.has(id));
      }
      const seen: [string, number][] = [];
      questions.forEach((v, k) => seen.push([k, v]));
      assert.deepEqual(seen, [...map]);
    }
  });

  it('knows no question outside its catalogue', () => {
    const questions = new QuestionMap<number>(catalogue);
    assert.equal(questions.get('9.9'), undefined);
    assert.throws(() => questions.set('9.9', 1), /No question 9\.9/);
  });
});
