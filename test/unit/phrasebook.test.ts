import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PhrasebookError, PhrasebookRegistry, type Style } from '../../server/src/core/api';
import { NumberWords } from '../../server/src/core/commentary/numberWords';
import sqsData from '../../server/src/core/commentary/phrasebooks/sqs.json';
import { at, minimalInspection, workspace } from '../helpers/index';

const books = PhrasebookRegistry.builtIn();
const sqs = books.get('sqs')!;
const scotland = books.get('education-scotland')!;

const banded = (count: number, total: number) => sqs.quantity(count, total, 'banded')!;

describe('phrasebook: SQS bands at every edge', () => {
  it('0 of N is none and N of N is all, for small and large N', () => {
    for (const n of [2, 3, 4, 5, 9, 22, 34, 60, 300]) {
      assert.equal(banded(0, n).phrase, 'none', `0/${n}`);
      assert.equal(banded(n, n).phrase, 'all', `${n}/${n}`);
      assert.equal(sqs.quantity(0, n, 'exact')!.kind, 'none');
      assert.equal(sqs.quantity(n, n, 'exact')!.kind, 'all');
    }
  });

  it('exact thirds, halves and quarters name the fraction; one case either side says over or almost', () => {
    const cases: [number, number, string][] = [
      [1, 3, 'one-third'],
      [2, 3, 'two-thirds'],
      [1, 2, 'half'],
      [1, 4, 'one-quarter'],
      [3, 4, 'three-quarters'],
      [8, 24, 'one-third'],
      [16, 24, 'two-thirds'],
      [12, 24, 'half'],
      [6, 24, 'one-quarter'],
      [18, 24, 'three-quarters'],
      [100, 300, 'one-third'],
      [101, 300, 'over one-third'],
      [99, 300, 'almost one-third'],
      [200, 300, 'two-thirds'],
      [201, 300, 'over two-thirds'],
      [199, 300, 'almost two-thirds'],
      [150, 300, 'half'],
      [151, 300, 'a majority'],
      [149, 300, 'less than half'],
      [75, 300, 'one-quarter'],
      [76, 300, 'over one-quarter'],
      [74, 300, 'almost one-quarter'],
      [225, 300, 'three-quarters'],
      [226, 300, 'over three-quarters'],
      [224, 300, 'almost three-quarters'],
    ];
    for (const [c, n, phrase] of cases) assert.equal(banded(c, n).phrase, phrase, `${c}/${n}`);
  });

  it('band edges fall where the data puts them (closed and open ends)', () => {
    const cases: [number, number, string][] = [
      [19, 100, 'a few'],
      [20, 100, 'a minority'],
      [21, 100, 'a minority'],
      [22, 100, 'almost one-quarter'],
      [29, 100, 'over one-quarter'],
      [30, 100, 'almost one-third'],
      [40, 100, 'over one-third'],
      [41, 100, 'less than half'],
      [59, 100, 'a majority'],
      [60, 100, 'less than two-thirds'],
      [63, 100, 'less than two-thirds'],
      [64, 100, 'almost two-thirds'],
      [71, 100, 'over two-thirds'],
      [72, 100, 'almost three-quarters'],
      [79, 100, 'over three-quarters'],
      [80, 100, 'most'],
      [84, 100, 'most'],
      [85, 100, 'the great majority'],
      [89, 100, 'the great majority'],
      [90, 100, 'almost all'],
      [98, 100, 'almost all'],
    ];
    for (const [c, n, phrase] of cases) assert.equal(banded(c, n).phrase, phrase, `${c}/${n}`);
  });

  it('N−1 of N: "all but one" in banded style from five cases up, a band below', () => {
    for (const n of [5, 9, 22, 34, 300]) assert.equal(banded(n - 1, n).form('the'), 'all but one of the', `${n - 1}/${n}`);
    assert.equal(banded(3, 4).phrase, 'three-quarters');
    assert.equal(banded(2, 3).phrase, 'two-thirds');
    assert.equal(banded(1, 2).phrase, 'half');
  });

  it('N−3 and N−4 of N: a band in banded style (never "all but" beyond one), "all but" in all-but style while at least three-quarters', () => {
    assert.equal(banded(31, 34).phrase, 'almost all');
    assert.equal(banded(30, 34).phrase, 'the great majority');
    assert.equal(banded(30, 32).phrase, 'almost all', 'Liverpool 4.4 is almost all, not all but two');
    assert.equal(banded(297, 300).phrase, 'almost all');
    assert.equal(banded(5, 8).phrase, 'less than two-thirds');
    assert.equal(banded(4, 8).phrase, 'half');
    const allBut = (c: number, n: number) => sqs.quantity(c, n, 'all-but')!;
    assert.equal(allBut(19, 22).form('relevant'), 'all but 3 out of the 22 relevant');
    assert.equal(allBut(18, 22).form('the'), 'all but four of the');
    assert.equal(allBut(17, 22).form('the'), 'all but five of the');
    assert.equal(allBut(16, 22).form('the'), '16 out of the 22', 'six missing is too many for "all but"');
    assert.equal(allBut(9, 12).form('the'), 'all but three of the', 'exactly three-quarters still reads "all but"');
    assert.equal(allBut(8, 12).form('bare'), '8 out of 12', 'below three-quarters: exact');
    assert.equal(allBut(1, 4).form('bare'), 'one out of four');
  });

  it('one case of many is "one of the", not "a few"', () => {
    assert.equal(banded(1, 34).form('bare'), 'one of the');
    assert.equal(banded(1, 4).phrase, 'one-quarter');
    assert.equal(banded(2, 34).phrase, 'a few');
  });

  it('never writes a proportion of nothing: 0 of 0 has no quantity; impossible counts throw', () => {
    for (const style of ['exact', 'all-but', 'banded'] as Style[]) assert.equal(sqs.quantity(0, 0, style), undefined);
    assert.throws(() => sqs.quantity(5, 4, 'exact'), RangeError);
    assert.throws(() => sqs.quantity(-1, 4, 'banded'), RangeError);
    assert.throws(() => sqs.quantity(1.5, 4, 'banded'), RangeError);
  });
});

describe('phrasebook: exact wording and numbers', () => {
  it('numbers below ten in words, unless set against a number of ten or more', () => {
    const q = (c: number, n: number) => sqs.quantity(c, n, 'exact')!;
    assert.equal(q(7, 9).form('relevant'), 'seven out of the nine relevant');
    assert.equal(q(19, 22).form('bare'), '19 out of 22');
    assert.equal(q(3, 22).form('bare'), '3 out of 22');
    assert.equal(q(8, 8).form('relevant'), 'all of the eight relevant');
    assert.equal(q(22, 22).form('bare'), 'all 22');
    assert.equal(q(0, 9).form('the'), 'none of the nine');
  });

  it('a number starting a sentence is spelled out', () => {
    assert.equal(sqs.number(16, { capital: true }), 'Sixteen');
    assert.equal(sqs.number(34, { capital: true }), 'Thirty-four');
    assert.equal(sqs.number(16), '16');
    assert.equal(sqs.number(6), 'six');
    assert.equal(sqs.quantity(19, 22, 'exact')!.form('bare', { capital: true }), 'Nineteen out of 22');
  });

  it('a number of 100 or more opening a sentence is spelled out in full, as British usage has it', () => {
    const cases: [number, string][] = [
      [100, 'One hundred'],
      [106, 'One hundred and six'],
      [150, 'One hundred and fifty'],
      [999, 'Nine hundred and ninety-nine'],
      [1000, 'One thousand'],
      [1050, 'One thousand and fifty'],
      [4706, 'Four thousand seven hundred and six'],
      [250_000, 'Two hundred and fifty thousand'],
      [1_000_000, 'One million'],
      [2_000_301, 'Two million three hundred and one'],
    ];
    for (const [n, words] of cases) assert.equal(sqs.number(n, { capital: true }), words, String(n));
    assert.equal(sqs.quantity(4706, 9999, 'exact')!.form('bare', { capital: true }), 'Four thousand seven hundred and six out of 9,999');
    assert.equal(sqs.number(150), '150', 'in running text, digits');
  });

  it('groups the digits of numbers from 1,000, and reads grouped numbers back', () => {
    assert.deepEqual(
      [999, 1000, 9999, 10000, 1234567].map((n) => sqs.number(n)),
      ['999', '1,000', '9,999', '10,000', '1,234,567'],
    );
    assert.equal(sqs.quantity(9999, 10000, 'exact')!.form('bare'), '9,999 out of 10,000');
    assert.equal(sqs.quantity(1200, 2400, 'all-but')!.form('the'), '1,200 out of the 2,400');
    const [m, ...rest] = sqs.find('In 1,200 out of 2,400 cases, and in 1,234,567 others.');
    assert.deepEqual([m!.kind, m!.count, m!.total, m!.text], ['ratio', 1200, 2400, '1,200 out of 2,400']);
    assert.ok(sqs.accepts(m!, 1200, 2400));
    assert.deepEqual(
      rest.map((x) => [x.kind, x.count]),
      [['count', 1234567]],
    );
    assert.deepEqual(
      sqs.find('cases 3,45 and 12,3456').map((x) => x.count),
      [3, 45, 12, 3456],
      'not groups of three: separate numbers',
    );
  });

  it('framing: not-sufficient describes the cases that fell short', () => {
    assert.equal(sqs.describe({ sufficient: 15, relevant: 26 }, { style: 'exact', framing: 'not-sufficient' })!.form('bare'), '11 out of 26');
    assert.equal(sqs.describe({ sufficient: 17, relevant: 25 }, { style: 'banded', framing: 'not-sufficient' })!.phrase, 'almost one-third');
    assert.equal(sqs.phrase(19, 31, 'banded', 'not-sufficient'), 'over one-third');
    assert.equal(sqs.phrase(19, 31, 'banded'), 'less than two-thirds');
  });

  it('dates as the seed writes them', () => {
    assert.equal(sqs.date('2013-11-20'), '20th November 2013');
    assert.equal(sqs.dateRange('2013-10-28', '2013-10-31'), '28th-31st October 2013');
    assert.equal(sqs.dateRange('2013-09-30', '2013-10-02'), '30th September-2nd October 2013');
    assert.equal(sqs.dateRange('2013-12-30', '2014-01-03'), '30th December 2013-3rd January 2014');
    assert.deepEqual(
      ['2013-11-01', '2013-11-11', '2013-11-12', '2013-11-13', '2013-11-21', '2013-11-23'].map((d) => sqs.date(d).split(' ')[0]),
      ['1st', '11th', '12th', '13th', '21st', '23rd'],
    );
  });

  it('reason breakdowns read as the seed does', () => {
    assert.equal(
      sqs.reasonList([
        { count: 3, phrase: 'the assessment had not been done' },
        { count: 2, phrase: 'previous violent offences had not been taken into account' },
        { count: 2, phrase: 'the classification of risk of harm was too low' },
      ]),
      'in three cases the assessment had not been done, in two, previous violent offences had not been taken into account and in another two the classification of risk of harm was too low',
    );
    assert.equal(sqs.reasonList([{ count: 1, phrase: 'a review had not taken place' }]), 'in one case a review had not taken place');
    assert.equal(
      sqs.reasonList([
        { count: 5, phrase: 'a review had not taken place' },
        { count: 4, phrase: 'the review was not of sufficient quality' },
      ]),
      'in five cases a review had not taken place and in four the review was not of sufficient quality',
      'the seed’s 2.4',
    );
  });

  it('puts a comma after a bare count where the reason would otherwise read as what it counts', () => {
    assert.equal(
      sqs.reasonList([
        { count: 4, phrase: 'a review had not taken place' },
        { count: 4, phrase: 'reviews were copies of earlier assessments' },
      ]),
      'in four cases a review had not taken place and in another four, reviews were copies of earlier assessments',
    );
    assert.equal(
      sqs.reasonList([
        { count: 3, phrase: 'the assessment had not been done' },
        { count: 1, phrase: 'previous violent offences had not been taken into account' },
      ]),
      'in three cases the assessment had not been done and in one, previous violent offences had not been taken into account',
    );
    assert.equal(sqs.alternatives(['X', 'Y']), 'X or Y');
  });
});

/** Every quantified statement of the seed's commentary, with the Liverpool counts it describes. */
const seed: { text: string; count: number; total: number; style: Style; band?: string }[] = [
  {
    text: 'In all but 3 out of the 22 relevant cases, we found that good quality pre-sentence reports (PSRs) had been provided to the court.',
    count: 19,
    total: 22,
    style: 'all-but',
  },
  {
    text: 'Over three-quarters of the initial assessments of what was likely to make a child or young person offend were on time',
    count: 26,
    total: 34,
    style: 'banded',
    band: 'over-three-quarters',
  },
  { text: 'A majority of the reviewed assessments we looked at had been completed well enough.', count: 13, total: 24, style: 'banded', band: 'a-majority' },
  { text: 'Over three-quarters of the initial plans were of a sufficient standard', count: 27, total: 34, style: 'banded', band: 'over-three-quarters' },
  { text: 'but less than two-thirds had been reviewed well enough.', count: 15, total: 24, style: 'banded', band: 'less-than-two-thirds' },
  {
    text: 'we found sufficient planning during the custodial phase of the sentence to reduce the likelihood of that individual reoffending in seven out of the nine relevant cases.',
    count: 7,
    total: 9,
    style: 'exact',
  },
  {
    text: 'There was a clear and thorough assessment of risk of harm to others outlined in 19 out of 22 cases where there had been a PSR.',
    count: 19,
    total: 22,
    style: 'exact',
  },
  { text: 'A good quality assessment of risk of harm to others was seen in 27 out of 34 cases.', count: 27, total: 34, style: 'exact' },
  { text: 'These assessments had not been adequately reviewed in almost one-third of cases.', count: 8, total: 25, style: 'banded', band: 'almost-one-third' },
  { text: 'In 23 out of 29 cases, planning was done well enough to manage the risk of harm', count: 23, total: 29, style: 'exact' },
  { text: 'and planning was satisfactory for all of the custodial cases.', count: 9, total: 9, style: 'banded', band: 'all' },
  {
    text: 'In 11 out of 26 cases, plans to address the risk of harm to others had not been reviewed to a satisfactory standard.',
    count: 11,
    total: 26,
    style: 'exact',
  },
  {
    text: 'we were pleased to see that the risk of harm they faced had been effectively managed in the great majority of cases.',
    count: 17,
    total: 20,
    style: 'banded',
    band: 'great-majority',
  },
  {
    text: 'Management oversight of risk of harm work had not been effective in over one-third of the relevant cases.',
    count: 12,
    total: 31,
    style: 'banded',
    band: 'over-one-third',
  },
  {
    text: 'In over three-quarters of cases, vulnerability and safeguarding needs were sufficiently assessed.',
    count: 26,
    total: 34,
    style: 'banded',
    band: 'over-three-quarters',
  },
  { text: 'These issues were fully addressed in all but five of the PSRs.', count: 17, total: 22, style: 'all-but' },
  {
    text: 'The majority of reviews of safeguarding and vulnerability throughout the sentence were of an acceptable standard.',
    count: 13,
    total: 23,
    style: 'banded',
    band: 'a-majority',
  },
  { text: 'In 22 out of 31 cases planning for work to manage and reduce vulnerability was adequate.', count: 22, total: 31, style: 'exact' },
  { text: 'Planning was satisfactory in all of the eight relevant custody cases.', count: 8, total: 8, style: 'exact' },
  { text: 'Only half of the cases we examined could show that there were adequate reviews', count: 9, total: 18, style: 'banded', band: 'half' },
  { text: 'In 20 out of 29 cases management oversight was effective', count: 20, total: 29, style: 'exact' },
  {
    text: 'The great majority of assessments of diversity factors and barriers to engagement were sufficient.',
    count: 29,
    total: 34,
    style: 'banded',
    band: 'great-majority',
  },
  { text: 'Appropriate attention had been given to these issues in all but two of the PSRs.', count: 20, total: 22, style: 'all-but' },
  { text: 'The child or young person or parent/carer was involved in the preparation of all but one of the PSRs.', count: 21, total: 22, style: 'all-but' },
  { text: 'In all but two of the cases there was good engagement with the child or young person', count: 32, total: 34, style: 'all-but' },
  { text: 'Whilst we found attention was being paid in most plans to diversity factors', count: 28, total: 34, style: 'banded', band: 'most' },
  {
    text: 'In almost all cases we reviewed, where relevant, sufficient attention had been given to the health',
    count: 30,
    total: 32,
    style: 'banded',
    band: 'almost-all',
  },
  { text: 'Sixteen children or young people had complied with the requirements of their sentence.', count: 16, total: 34, style: 'exact' },
  {
    text: 'In all cases where the child or young person had not complied, the response of the YOS was appropriate.',
    count: 18,
    total: 18,
    style: 'banded',
    band: 'all',
  },
  {
    text: 'We judged that staff supervision and quality assurance arrangements had made a positive impact in over two-thirds of the cases inspected.',
    count: 24,
    total: 34,
    style: 'banded',
    band: 'over-two-thirds',
  },
];

describe('phrasebook: consistent with every statement of the Liverpool report', () => {
  for (const s of seed) {
    it(`${s.count}/${s.total}: ${s.text.slice(0, 70)}…`, () => {
      const [first, ...rest] = sqs.find(s.text).filter((m) => m.kind !== 'count' || /^sixteen$/i.test(m.text));
      assert.ok(first, 'a quantity is found');
      assert.equal(rest.length, 0, `one quantity only, found also ${rest.map((m) => m.text).join(', ')}`);
      assert.ok(sqs.accepts(first, s.count, s.total), `"${first.text}" accepts ${s.count}/${s.total}`);
      const q = sqs.quantity(s.count, s.total, s.style)!;
      if (s.band) {
        assert.equal(first.band?.id, s.band);
        assert.equal(q.band?.id, s.band, `the phrasebook writes ${s.band} for ${s.count}/${s.total}, not ${q.phrase}`);
      } else if (first.kind !== 'count') {
        const written = (['bare', 'the', 'relevant'] as const).map((f) => q.form(f).toLowerCase());
        assert.ok(
          written.some((w) => s.text.toLowerCase().includes(w)),
          `one of ${written.join(' | ')} is in the sentence`,
        );
      }
    });
  }

  it('a quantifier moved to a wrong band is rejected, and the replacement is the right band', () => {
    const [moved] = sqs.find('These assessments had not been adequately reviewed in over one-third of cases.');
    assert.equal(sqs.accepts(moved!, 8, 25), false);
    assert.equal(sqs.replacement(moved!, 8, 25), 'almost one-third of');
    const [most] = sqs.find('Over three-quarters of the initial assessments');
    assert.equal(sqs.accepts(most!, 21, 34), false);
    assert.equal(sqs.replacement(most!, 21, 34), 'Less than two-thirds of the');
    const [ratio] = sqs.find('in seven out of the nine relevant cases');
    assert.equal(sqs.accepts(ratio!, 6, 9), false);
    assert.equal(sqs.replacement(ratio!, 6, 9), 'six out of the nine');
    const [allBut] = sqs.find('in all but five of the PSRs');
    assert.equal(sqs.accepts(allBut!, 18, 22), false);
    assert.equal(sqs.replacement(allBut!, 18, 22), 'all but four of the');
    const [count] = sqs.find('Sixteen children or young people had complied');
    assert.equal(sqs.accepts(count!, 15, 34), false);
    assert.equal(sqs.replacement(count!, 15, 34), 'Fifteen');
  });
});

describe('phrasebook: reading quantities back out of prose', () => {
  it('gives offsets, the band and how the phrase meets the sentence', () => {
    const text = 'In most plans, less than two-thirds had been reviewed, and over half of cases.';
    const found = sqs.find(text);
    assert.deepEqual(
      found.map((m) => [text.slice(m.start, m.end), m.kind, m.band?.id, m.form]),
      [
        ['most', 'band', 'most', 'bare'],
        ['less than two-thirds', 'band', 'less-than-two-thirds', 'alone'],
        ['over half of', 'band', 'over-half', 'bare'],
      ],
    );
    assert.equal(sqs.replacement(found[0]!, 26, 34), 'over three-quarters of', 'fits before a plain noun: "in over three-quarters of plans"');
    assert.equal(sqs.replacement(found[1]!, 13, 24), 'a majority', 'stands alone before a verb');
  });

  it('tolerates spacing and hyphen variants and number words with either joiner', () => {
    const found = sqs.find('over three quarters;  twenty two out of the thirty-four; All But 3 out of 22');
    assert.deepEqual(
      found.map((m) => [m.kind, m.band?.id, m.count, m.total, m.missing]),
      [
        ['band', 'over-three-quarters', undefined, undefined, undefined],
        ['ratio', undefined, 22, 34, undefined],
        ['all-but', undefined, undefined, 22, 3],
      ],
    );
  });

  it('reads every number in words, either joiner, any case, exactly as a flat list of the hundred spellings would', () => {
    const numbers = new NumberWords(sqsData.numbers);
    // The flat list the pattern is composed to replace: every spelling, longest first.
    const spellings = Array.from({ length: 100 }, (_, n) => numbers.words(n)!).flatMap((w) => (w.includes('-') ? [w, w.replace('-', ' ')] : [w]));
    const flat = new RegExp(
      `^(?:${[...spellings]
        .sort((a, b) => b.length - a.length)
        .map((w) => w.replace(/ /g, '\\s+'))
        .join('|')})`,
      'iu',
    );
    const composed = new RegExp(`^${numbers.pattern}`, 'iu');
    const probes = [
      ...spellings,
      ...spellings.map((w) => w.toUpperCase()),
      'seventeenth',
      'eighty  eight',
      'sixty-',
      'ninety-ten',
      'twenty-twenty',
      'fortyfive',
      'eleventy',
    ];
    for (const probe of probes) assert.equal(composed.exec(probe)?.[0], flat.exec(probe)?.[0], probe);
    spellings.forEach((w) => assert.equal(numbers.parse(composed.exec(w)![0]), numbers.parse(w), w));
    // The point of composing it: the finder's regex stays small enough to compile at once (it was 37 kB, 300 ms).
    assert.ok(numbers.pattern.length < 400, `${numbers.pattern.length} characters`);
  });

  it('does not find quantifiers inside other words', () => {
    assert.deepEqual(
      sqs.find('Overall, almost everyone behaved; the mostly positive picture; behalf').map((m) => m.text),
      [],
    );
  });

  it('every phrase the phrasebook writes is read back and accepted (N ≤ 40, every style and form)', () => {
    for (const book of [sqs, scotland]) {
      for (let n = 1; n <= 40; n++) {
        for (let c = 0; c <= n; c++) {
          for (const style of ['exact', 'all-but', 'banded'] as Style[]) {
            const q = book.quantity(c, n, style)!;
            // A whole of one case ("the one case", "no case") is worded without a quantifier for the check to read.
            const ofOne = n === 1;
            for (const form of ['bare', 'the', 'relevant'] as const) {
              const sentence = `In ${q.form(form)} cases, the work was good.`;
              const found = book.find(sentence).filter((m) => m.kind !== 'count' || q.kind === 'single' || ofOne);
              assert.ok(found.length > 0 || ofOne, `${book.id}: nothing found in "${sentence}"`);
              for (const m of found) assert.ok(book.accepts(m, c, n), `${book.id}: "${m.text}" in "${sentence}" rejects ${c}/${n}`);
            }
          }
        }
      }
    }
  });
});

describe('phrasebook: Education Scotland', () => {
  it('follows the published table (almost all > 90%, most 75–90%, majority 50–74%, less than half 15–49%, few ≤ 15%)', () => {
    const cases: [number, number, string][] = [
      [0, 20, 'none'],
      [1, 20, 'few'],
      [3, 20, 'few'],
      [4, 20, 'less than half'],
      [9, 20, 'less than half'],
      [10, 20, 'the majority'],
      [14, 20, 'the majority'],
      [15, 20, 'most'],
      [18, 20, 'most'],
      [19, 20, 'almost all'],
      [20, 20, 'all'],
      [15, 100, 'few'],
      [16, 100, 'less than half'],
      [49, 100, 'less than half'],
      [50, 100, 'the majority'],
      [74, 100, 'the majority'],
      [75, 100, 'most'],
      [90, 100, 'most'],
      [91, 100, 'almost all'],
      [33, 34, 'almost all'],
    ];
    for (const [c, n, phrase] of cases) assert.equal(scotland.phrase(c, n, 'banded'), phrase, `${c}/${n}`);
  });

  it('inherits numbers, dates and exact wording from the SQS phrasebook it extends', () => {
    assert.equal(scotland.quantity(7, 9, 'exact')!.form('relevant'), 'seven out of the nine relevant');
    assert.equal(scotland.date('2013-11-20'), '20th November 2013');
  });
});

describe('phrasebook: adverbs', () => {
  it('the SQS phrasebook words a share as an adverb at its edges, and has none between', () => {
    const cases: [number, number, string | undefined][] = [
      [0, 22, 'never'],
      [1, 22, undefined],
      [16, 22, undefined],
      [74, 100, undefined],
      [75, 100, 'generally'],
      [18, 22, 'generally'],
      [89, 100, 'generally'],
      [9, 10, 'almost always'],
      [21, 22, 'almost always'],
      [22, 22, 'always'],
      [5, 5, 'always'],
      [0, 5, 'never'],
      [1, 1, undefined],
      [0, 1, undefined],
      [4, 4, undefined],
      [3, 4, undefined],
    ];
    for (const [c, n, adverb] of cases) assert.equal(sqs.adverbFor(c, n), adverb, `${c}/${n}`);
    assert.equal(scotland.adverbFor(18, 22), undefined, 'Education Scotland’s table has none, and says so rather than inherit the SQS ones');
    assert.throws(() => sqs.adverbFor(3, 2), RangeError);
  });

  it('rejects adverbs that overlap, but not gaps between them', () => {
    const data = structuredClone(sqsData);
    data.adverbs = [
      { adverb: 'usually', when: '[1/2, 4/5]', accepts: '(1/2, 1)' },
      { adverb: 'mostly', when: '[4/5, 1)', accepts: '(1/2, 1)' },
    ];
    assert.throws(() => PhrasebookRegistry.fromFiles([data]), /adverbs: "usually" \[1\/2, 4\/5\] overlaps "mostly" \[4\/5, 1\)/);
    data.adverbs = [
      { adverb: 'usually', when: '[1/2, 4/5)', accepts: '[1/2, 1)' },
      { adverb: 'always', when: '[1, 1]', accepts: '[1, 1]' },
    ];
    assert.equal(PhrasebookRegistry.fromFiles([data]).get('sqs')!.adverbFor(9, 10), undefined);
  });
});

describe('phrasebook: data integrity', () => {
  const withBands = (edit: (bands: (typeof sqsData)['bands']) => void) => {
    const data = structuredClone(sqsData);
    edit(data.bands);
    return data;
  };

  it('rejects bands that leave a gap or overlap', () => {
    const gap = withBands((b) => (b.find((x) => x.id === 'most')!.when = '[4/5, 0.84)'));
    assert.throws(
      () => PhrasebookRegistry.fromFiles([gap]),
      (e: unknown) => e instanceof PhrasebookError && /gap between most \[4\/5, 0\.84\) and great-majority/.test(e.message),
    );
    const overlap = withBands((b) => (b.find((x) => x.id === 'most')!.when = '[4/5, 0.86)'));
    assert.throws(
      () => PhrasebookRegistry.fromFiles([overlap]),
      (e: unknown) => e instanceof PhrasebookError && /most \[4\/5, 0\.86\) overlaps great-majority/.test(e.message),
    );
  });

  it('rejects a band written where its own acceptance would object', () => {
    const data = withBands((b) => (b.find((x) => x.id === 'almost-all')!.accepts = '[0.95, 1)'));
    assert.throws(() => PhrasebookRegistry.fromFiles([data]), /almost-all: it is written for \[9\/10, 1\) but accepts only \[0\.95, 1\)/);
  });

  it('rejects malformed intervals, unknown placeholders, and bad extends', () => {
    assert.throws(() => PhrasebookRegistry.fromFiles([withBands((b) => (b[0]!.accepts = '0 to 1'))]), /bands\.0\.accepts: write an interval/);
    const placeholder = structuredClone(sqsData);
    placeholder.forms.exact.bare = '{count} out of {whole}';
    assert.throws(() => PhrasebookRegistry.fromFiles([placeholder]), /forms\.exact\.bare: unknown placeholder \{whole\}/);
    assert.throws(() => PhrasebookRegistry.fromFiles([{ id: 'x', title: 'x', source: 'x', extends: 'nope' }]), /extends unknown phrasebook "nope"/);
    assert.throws(
      () =>
        PhrasebookRegistry.fromFiles([
          { id: 'a', title: 'a', source: 'a', extends: 'b' },
          { id: 'b', title: 'b', source: 'b', extends: 'a' },
        ]),
      /extends itself/,
    );
  });
});

describe('phrasebook: chosen by the inspection file', () => {
  it('accepts a built-in phrasebook id and reports an unknown one on its value', () => {
    const ok = workspace({ 'i/inspection.sqs.yaml': `${minimalInspection}phrasebook: education-scotland\n` });
    assert.deepEqual(
      ok.findings('i/inspection.sqs.yaml').filter((f) => f.code !== 'SQS040'),
      [],
    );
    const file = ok.index.get(ok.uri('i/inspection.sqs.yaml'));
    assert.equal(file?.kind === 'inspection' ? file.model.phrasebook?.value : undefined, 'education-scotland');
    const bad = workspace({ 'i/inspection.sqs.yaml': `${minimalInspection}phrasebook: scottish\n` });
    const [f] = bad.findings('i/inspection.sqs.yaml').filter((x) => x.code !== 'SQS040');
    assert.equal(at(f!), '9:13 SQS011');
    assert.match(f!.message, /"scottish" is not a phrasebook: use sqs or education-scotland/);
  });
});

describe('phrasebook: a whole of one case', () => {
  it('is "the one case" or "no case" in every style, never "all of the one" or "none of the one"', () => {
    for (const book of [sqs, scotland]) {
      for (const style of ['exact', 'all-but', 'banded'] as Style[]) {
        const all = book.quantity(1, 1, style)!;
        assert.deepEqual(
          [all.kind, all.form('bare'), all.form('the'), all.form('relevant'), all.form('the', { capital: true })],
          ['all', 'the one', 'the only', 'the one relevant', 'The only'],
          `${book.id} ${style}`,
        );
        const none = book.quantity(0, 1, style)!;
        assert.deepEqual([none.kind, none.form('bare'), none.form('the'), none.form('relevant')], ['none', 'no', 'no', 'no relevant'], `${book.id} ${style}`);
      }
    }
    assert.equal(sqs.quantity(2, 2, 'exact')!.form('bare'), 'all two');
    assert.equal(sqs.quantity(0, 2, 'exact')!.form('the'), 'none of the two');
  });

  it('says what the words after it agree with: the noun straight after, and a verb', () => {
    const singular = (c: number, n: number, style: Style) => sqs.quantity(c, n, style)!.singular;
    assert.deepEqual(singular(1, 1, 'exact'), { subject: true, noun: true }, 'the one case was');
    assert.deepEqual(singular(0, 1, 'banded'), { subject: true, noun: true }, 'no case was');
    assert.deepEqual(singular(1, 22, 'exact'), { subject: true, noun: false }, 'one out of 22 cases was');
    assert.deepEqual(singular(1, 22, 'banded'), { subject: true, noun: false }, 'one of the cases was');
    assert.deepEqual(singular(22, 22, 'exact'), { subject: false, noun: false }, 'all 22 cases were');
    assert.deepEqual(singular(21, 22, 'banded'), { subject: false, noun: false }, 'all but one of the cases were');
  });

  it('the prose check suggests "the one", not "all one"', () => {
    const [m] = sqs.find('in all 3 cases');
    assert.equal(sqs.accepts(m!, 1, 1), false);
    assert.equal(sqs.replacement(m!, 1, 1), 'the one');
  });

  it('a phrasebook without forms for one keeps its all and none forms', () => {
    const data = structuredClone(sqsData) as Record<string, unknown> & typeof sqsData;
    delete (data.forms as Partial<typeof data.forms>).allOfOne;
    delete (data.forms as Partial<typeof data.forms>).noneOfOne;
    const plain = PhrasebookRegistry.fromFiles([data]).get('sqs')!;
    assert.equal(plain.quantity(1, 1, 'exact')!.form('the'), 'all of the one');
    const bad = structuredClone(sqsData);
    bad.forms.allOfOne.bare = 'the {whole}';
    assert.throws(() => PhrasebookRegistry.fromFiles([bad]), /forms\.allOfOne\.bare: unknown placeholder \{whole\}/);
  });
});

describe('template agreement', () => {
  it('a choice straight after the quantity is its noun; any other choice agrees with the quantity as a subject', async () => {
    const { fill } = await import('../../server/src/core/commentary/template');
    const resolve = (name: string) => (name === 'quantity' ? 'one out of 22' : undefined);
    const agreement = { subject: 1, noun: 2, nounAfter: 'quantity' };
    assert.equal(fill('In {quantity} {case|cases} the plan {was|were} good.', resolve, agreement), 'In one out of 22 cases the plan was good.');
    assert.equal(fill('{quantity}{case|cases} {was|were}', resolve, agreement), 'one out of 22cases was');
    assert.equal(fill('{case|cases}', resolve, 1), 'case', 'one number for every choice');
  });
});
