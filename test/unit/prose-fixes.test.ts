import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PhrasebookRegistry, type Finding } from '../../server/src/core/api';
import { minimalInspection, workspace } from '../helpers/index';

// Quick fixes of SQS060/SQS061 over many sentences and counts: every fix makes the sentence pass the check,
// leaves the sentence's own words around the replaced phrase alone (but for the noun and verb that must agree
// with it), never leaves two quantifiers side by side, and reads as English: a capital where the sentence
// starts, no doubled words, and the noun and verb agreeing with the new quantity.

const book = PhrasebookRegistry.builtIn().default;

/** Every way the vocabulary names a share, as it stands before "of the" (a sample of the comparisons). */
function sharePhrases(): string[] {
  const v = book.data.vocabulary;
  const named = [...book.bands, ...book.vocabulary.quantities].flatMap((b) => [b.phrase, ...b.aliases]).filter((p) => !['majority', 'few'].includes(p));
  const composed = v.comparisons.flatMap((c, i) =>
    v.fractions.filter((_, j) => (i + j) % 3 === 0).map((f) => `${c.words[(i + 1) % c.words.length]} ${f.words[0]}`),
  );
  const hedged = ['well over half', 'only half', 'just over two-thirds', 'exactly one-third'];
  return [...named, ...composed, ...hedged];
}

/** The words a fix may change besides the phrase, each to its other form. */
const agreeing = [
  ['was', 'were'],
  ['is', 'are'],
  ['has', 'have'],
  ['review', 'reviews'],
  ['case', 'cases'],
];

const adverbs = book.vocabulary.adverbs.flatMap((a) => [a.adverb, ...a.aliases]);

interface Frame {
  /** The criterion and the stated tally line it is held to. */
  criterion: string;
  tally: (n: number, s: number) => string;
  /** The sentence, given a phrase (and whether it opens the sentence). */
  sentence: (phrase: string) => string;
  phrases: () => string[];
  /** The verb that must agree with the quantity, when it is the subject. */
  verb?: [singular: string, plural: string];
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const oversight = (n: number, s: number) => `"2.6": { relevant: ${n}, sufficient: ${s} }`;
const reviews = (n: number, s: number) => `"3.2": { due: ${n}, sufficient: ${s} }`;

const frames: Frame[] = [
  {
    criterion: '2.6',
    tally: oversight,
    sentence: (p) => `Management oversight of risk of harm work had been effective in ${p} of the relevant cases.`,
    phrases: sharePhrases,
  },
  {
    criterion: '2.6',
    tally: oversight,
    sentence: (p) => `Management oversight of risk of harm work had not been effective in ${p} of the relevant cases.`,
    phrases: sharePhrases,
  },
  {
    criterion: '2.6',
    tally: oversight,
    sentence: (p) => `Management oversight of risk of harm work was ${p} effective.`,
    phrases: () => adverbs,
  },
  {
    criterion: '2.6',
    tally: oversight,
    sentence: (p) => `Management oversight of risk of harm work was not ${p} effective.`,
    phrases: () => adverbs.filter((a) => a !== 'never'),
  },
  {
    criterion: '3.2',
    tally: reviews,
    sentence: (p) => `${cap(p)} of the reviews of safeguarding and vulnerability throughout the sentence were of an acceptable standard.`,
    phrases: sharePhrases,
    verb: ['was', 'were'],
  },
  {
    criterion: '3.2',
    tally: reviews,
    sentence: (p) => `Reviews of safeguarding were due in every case, but ${p} were of an acceptable standard.`,
    phrases: () => sharePhrases().filter((p) => !/^(a|the)\b/.test(p) || /^a (quarter|third|half|fifth|tenth)/.test(p)),
    verb: ['was', 'were'],
  },
  {
    criterion: '3.2',
    tally: reviews,
    sentence: (p) => `${cap(p)} reviews of safeguarding and vulnerability throughout the sentence were of an acceptable standard.`,
    phrases: () => ['three', 'seven', 'at least three', 'fewer than five', 'about 20', '12', 'almost 30'],
    verb: ['was', 'were'],
  },
  {
    criterion: '3.2',
    tally: reviews,
    sentence: (p) => `In ${p} cases, reviews of safeguarding and vulnerability throughout the sentence were of an acceptable standard.`,
    phrases: () => ['19 out of 22', 'seven out of the nine', 'all but three of the', 'all 22', 'at least 19 out of 22', 'none of the 22'],
  },
];

/** A small deterministic generator, so a failure names a case that can be run again. */
function random(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 48271) % 2147483647;
    return x % n;
  };
}

function applyEdits(text: string, f: Finding): string {
  const lines = text.split('\n');
  const starts = lines.reduce<number[]>((acc, l, i) => (i === 0 ? [0] : [...acc, acc[i - 1]! + lines[i - 1]!.length + 1]), []);
  const offset = (p: { line: number; character: number }) => starts[p.line]! + p.character;
  let out = text;
  for (const e of [...f.fixes![0]!.edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)))
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

const commentaryOf = (yaml: string) => JSON.parse(/\n {2}"[^"]+": (".*")\n/.exec(yaml)![1]!) as string;

describe('quick fixes of prose against numbers, over many sentences and counts', () => {
  const ws = workspace({ 'i/inspection.sqs.yaml': minimalInspection });
  const uri = ws.uri('i/inspection.sqs.yaml');
  const fileFor = (frame: Frame, n: number, s: number, sentence: string) =>
    `${minimalInspection.replace('sample: 2', 'sample: 60')}tallies:\n  ${frame.tally(n, s)}\ncommentary:\n  "${frame.criterion}": ${JSON.stringify(sentence)}\n`;
  const prose = (f: Finding) => f.code === 'SQS060' || f.code === 'SQS061';

  it('each fix passes the check, keeps the words around it, and reads as English', () => {
    const pick = random(16);
    let flagged = 0;
    let agreed = 0;
    const trials = 2500;
    for (let t = 0; t < trials; t++) {
      const frame = frames[pick(frames.length)]!;
      const phrases = frame.phrases();
      const phrase = phrases[pick(phrases.length)]!;
      const n = 1 + pick(40);
      const s = pick(n + 1);
      const sentence = frame.sentence(phrase);
      const yaml = fileFor(frame, n, s, sentence);
      ws.index.set(uri, yaml);
      const found = ws.checker.findingsFor(uri).filter(prose);
      const where = `${JSON.stringify(sentence)} with ${s} of ${n} (trial ${t})`;
      assert.ok(found.length <= 1, `${where}: ${found.map((f) => f.message).join(' | ')}`);
      if (found.length === 0) continue;
      flagged++;
      const f = found[0]!;
      assert.equal(f.fixes?.length, 1, `${where}: a fix for ${f.message}`);
      const fixedYaml = applyEdits(yaml, f);
      const fixed = commentaryOf(fixedYaml);
      ws.index.set(uri, fixedYaml);
      assert.deepEqual(
        ws.checker
          .findingsFor(uri)
          .filter(prose)
          .map((x) => x.message),
        [],
        `${where} → ${JSON.stringify(fixed)}`,
      );
      // The words around the fix are the sentence's own: the first edit replaces the quantity the finding
      // is on, any other one a noun or verb by another form of itself.
      const [phraseEdit, ...agreement] = f.fixes[0]!.edits;
      assert.deepEqual(phraseEdit!.range, f.range, `${where}: the fix replaces the phrase it underlines`);
      const line = yaml.split('\n')[f.range.start.line]!;
      for (const e of agreement) {
        assert.equal(e.range.start.line, f.range.start.line);
        const word = line.slice(e.range.start.character, e.range.end.character);
        const pair = agreeing.find((p) => p.includes(word.toLowerCase()));
        assert.ok(pair && pair.includes(e.newText.toLowerCase()), `${where}: "${word}" → "${e.newText}" is the same word agreeing`);
      }
      const quantities = book.find(fixed);
      // A whole of one case is named without a quantity the check reads ("in no case", "the one case").
      if (n > 1 || adverbs.includes(phraseEdit!.newText.toLowerCase()))
        assert.equal(quantities.length, book.find(sentence).length, `${where} → ${JSON.stringify(fixed)}: one quantity where there was one`);
      else assert.match(phraseEdit!.newText, /\b(no|none|one|only|zero)\b/i, `${where} → ${JSON.stringify(fixed)}`);
      // Never two quantifiers side by side ("Less than over three-quarters").
      for (const [i, m] of quantities.entries()) {
        const next = quantities[i + 1];
        if (next) assert.ok(/[\p{L}\p{N}]/u.test(fixed.slice(m.end, next.start)), `${JSON.stringify(fixed)}: "${m.text}" runs into "${next.text}"`);
      }
      assert.doesNotMatch(fixed, /\b(\w+)\s+\1\b/i, `${JSON.stringify(fixed)}: a doubled word`);
      assert.doesNotMatch(fixed, /\bof (the )?of\b/i, JSON.stringify(fixed));
      assert.match(fixed, /^\p{Lu}/u, `${JSON.stringify(fixed)}: starts with a capital`);
      if (frame.verb) {
        const written = phraseEdit!.newText;
        const one = /^(?:one|1)(?![\w-])(?! in)|^the (?:one|only)\b|^no\b/i.test(written) || (n === 1 && written === 'none');
        const from = fixed.indexOf(written);
        const verb = new RegExp(`\\b(${frame.verb.join('|')})\\b`).exec(fixed.slice(from))?.[1];
        assert.equal(verb, frame.verb[one ? 0 : 1], `${where} → ${JSON.stringify(fixed)}: the verb agrees with "${written}"`);
        if (one) agreed++;
        if (/^\S+ reviews? of/i.test(sentence))
          assert.match(fixed, one && !/ of the$/.test(written) ? /^\S+ review of/ : /^\S+ reviews of/, `${JSON.stringify(fixed)}: the noun agrees`);
      }
    }
    assert.ok(flagged > trials / 3, `${flagged} of ${trials} sentences flagged: the test must exercise fixes`);
    assert.ok(agreed > 10, `${agreed} fixes made a verb singular`);
  });

  it('a sentence the fix was made for reads as the issue wanted: "Less than one-third of …" never "Less than over three-quarters of …"', () => {
    ws.index.set(
      uri,
      fileFor(
        frames[4]!,
        34,
        26,
        'Less than one-third of the reviews of safeguarding and vulnerability throughout the sentence were of an acceptable standard.',
      ),
    );
    const [f] = ws.checker.findingsFor(uri).filter(prose);
    assert.equal(f?.fixes?.[0]?.edits[0]?.newText, 'Over three-quarters of the');
    assert.equal(f?.fixes?.[0]?.edits.length, 1);
    const fixed = commentaryOf(
      applyEdits(
        fileFor(
          frames[4]!,
          34,
          26,
          'Less than one-third of the reviews of safeguarding and vulnerability throughout the sentence were of an acceptable standard.',
        ),
        f,
      ),
    );
    assert.equal(fixed, 'Over three-quarters of the reviews of safeguarding and vulnerability throughout the sentence were of an acceptable standard.');
  });

  it('makes the noun and the verb agree when the number changes: "Three reviews … were" → "One review … was"', () => {
    const sentence = 'Three reviews of safeguarding and vulnerability throughout the sentence were of an acceptable standard.';
    const yaml = fileFor(frames[6]!, 9, 1, sentence);
    ws.index.set(uri, yaml);
    const [f] = ws.checker.findingsFor(uri).filter(prose);
    assert.equal(commentaryOf(applyEdits(yaml, f!)), 'One review of safeguarding and vulnerability throughout the sentence was of an acceptable standard.');
  });
});
