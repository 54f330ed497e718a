import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { personalContext, type PersonalContext } from '../../server/src/core/checks/personal/context';
import { personalData, type PersonalMatch } from '../../server/src/core/checks/personal/detect';
import { fixesFor, monthAndYear, type TextFix } from '../../server/src/core/checks/personal/fixes';
import type { InspectionModel } from '../../server/src/core/api';

// Issue 16 B2: the quick fixes for personal data keep the sentence English (a capital where a sentence starts, a
// possessive kept, an article taken into "their school", a removal taking its preposition and commas along) and
// leave nothing the check would report again in its place.

/** An inspection with nobody of its own, so that every name is a finding. */
const nobody: PersonalContext = personalContext(
  { narrative: { keyStrengths: [], areasForImprovement: [] }, copyTo: [], stated: new Map(), commentary: new Map() } satisfies InspectionModel,
  ['WYR-07', 'wyr-07', 'WYR-29', 'wyr-29', 'WYR-16', 'wyr-16'],
);

const apply = (text: string, f: TextFix) => text.slice(0, f.start) + f.newText + text.slice(f.end);

/** The sentence after the fix titled `title` for its first finding of `kind`. */
function fixed(text: string, kind: PersonalMatch['kind'], title: string): string {
  const m = personalData(text, nobody).find((f) => f.kind === kind);
  assert.ok(m, `no ${kind} found in: ${text}`);
  const fix = fixesFor(text, m).find((f) => f.title.startsWith(title));
  assert.ok(
    fix,
    `no fix "${title}" for ${kind} in: ${text} (${fixesFor(text, m)
      .map((f) => f.title)
      .join('; ')})`,
  );
  return apply(text, fix);
}

const titles = (text: string, kind: PersonalMatch['kind']) =>
  fixesFor(
    text,
    personalData(text, nobody).find((f) => f.kind === kind)!,
  ).map((f) => f.title);

describe('quick fixes for personal data: grammar (issue 16 B2)', () => {
  it('a name becomes "the young person", "the child or young person" or a role, capitalised where a sentence starts', () => {
    const text = 'Kieran had been excluded twice before the order began.';
    assert.equal(fixed(text, 'name', 'Write “the young person”'), 'The young person had been excluded twice before the order began.');
    assert.equal(fixed(text, 'name', 'Write “the child or young person”'), 'The child or young person had been excluded twice before the order began.');
    assert.equal(fixed(text, 'name', 'Write a role'), 'Their parent or carer had been excluded twice before the order began.');
    assert.equal(
      fixed('The case manager had arranged for Callum to attend a boxing club.', 'name', 'Write “the young person”'),
      'The case manager had arranged for the young person to attend a boxing club.',
    );
  });

  it('keeps a possessive: "Jayden Walsh\'s mother" → "The young person\'s mother"', () => {
    assert.equal(
      fixed("Jayden Walsh's mother attended the first appointment.", 'name', 'Write “the young person”'),
      "The young person's mother attended the first appointment.",
    );
    assert.equal(fixed('There was no contact with Kai’s father.', 'name', 'Write “the young person”'), 'There was no contact with the young person’s father.');
    assert.equal(fixed("James' mother had asked for help.", 'name', 'Write “the young person”'), "The young person's mother had asked for help.");
  });

  it('a name a word before already describes is only left out, with its commas', () => {
    const appositive = 'The young person, Aaliyah, lived with her aunt.';
    assert.deepEqual(titles(appositive, 'name'), ['Leave the name out']);
    assert.equal(fixed(appositive, 'name', 'Leave the name out'), 'The young person lived with her aunt.');
    assert.equal(fixed('His brother Tomasz was also known to the YOT.', 'name', 'Leave the name out'), 'His brother was also known to the YOT.');
    assert.equal(fixed('She had been assaulted by her boyfriend, Chelsea.', 'name', 'Leave the name out'), 'She had been assaulted by her boyfriend.');
    assert.equal(fixed('Mr Haddad, the stepfather, had refused to engage.', 'name', 'Leave the name out'), 'The stepfather had refused to engage.');
    // The subject of the sentence cannot simply go: there is no removal for it.
    assert.ok(!titles('Kieran had been excluded twice.', 'name').includes('Leave the name out'));
  });

  it('a date becomes its month and year, "on" turning to "in", or goes with its preposition', () => {
    const text = 'He was arrested on 14 February 2025 after a fight.';
    assert.equal(fixed(text, 'date', 'Give the month and year only'), 'He was arrested in February 2025 after a fight.');
    assert.equal(fixed(text, 'date', 'Leave the date out'), 'He was arrested after a fight.');
    const start = 'On 3rd March the young person was moved to a new placement.';
    assert.equal(fixed(start, 'date', 'Give the month and year only'), 'In March the young person was moved to a new placement.');
    assert.equal(fixed(start, 'date', 'Leave the date out'), 'The young person was moved to a new placement.');
    assert.equal(
      fixed('The breach hearing was listed for 14/02/25 at the youth court.', 'date', 'Give the month'),
      'The breach hearing was listed for February 2025 at the youth court.',
    );
    // A month and year of birth still dates a birth: a date of birth can only go.
    assert.deepEqual(titles('His date of birth was recorded as 12/05/2009.', 'date'), ['Leave the date out']);
    assert.equal(fixed('His date of birth was recorded as 12/05/2009.', 'date', 'Leave the date out'), 'His date of birth was recorded.');
    assert.equal(
      fixed('The offence took place on the 5th of January, shortly after.', 'date', 'Give the month'),
      'The offence took place in January, shortly after.',
    );
    assert.equal(monthAndYear('2009-11-30'), 'November 2009');
    assert.equal(monthAndYear('14/02/25'), 'February 2025');
    assert.equal(monthAndYear('Monday 6 October 2025'), 'October 2025');
    // A month and year is as far as the report may go: nothing to offer but leaving it out.
    assert.ok(!titles('Born in June 2009, he was the eldest.', 'date').includes('Give the month and year only'));
  });

  it('an address, postcode, phone number or e-mail address goes with its preposition, or between its commas', () => {
    assert.equal(fixed('He lived with his grandmother at 12 Elm Grove.', 'address', 'Leave the address out'), 'He lived with his grandmother.');
    assert.equal(fixed('She had been staying with friends in the FY1 3QT area.', 'address', 'Leave the postcode out'), 'She had been staying with friends.');
    assert.equal(
      fixed('The postcode on the referral, LA4 6RN, was for his previous address.', 'address', 'Leave the postcode out'),
      'The postcode on the referral was for his previous address.',
    );
    assert.equal(
      fixed('His mother could be reached on 07700 900123 in the evenings.', 'contact', 'Leave the phone number out'),
      'His mother could be reached in the evenings.',
    );
    assert.equal(
      fixed('The college tutor (j.pearson@example.ac.uk) had not been asked.', 'contact', 'Leave the e-mail address out'),
      'The college tutor had not been asked.',
    );
  });

  it('a case reference becomes "one case" where a case is spoken of, or goes', () => {
    const text = 'In WYR-07 the plan had not been reviewed after the second arrest.';
    assert.equal(fixed(text, 'case-reference', 'Write “one case”'), 'In one case the plan had not been reviewed after the second arrest.');
    assert.equal(fixed(text, 'case-reference', 'Leave the reference out'), 'The plan had not been reviewed after the second arrest.');
    assert.equal(fixed('WYR-29 was the only case with a victim plan.', 'case-reference', 'Write “one case”'), 'One case was the only case with a victim plan.');
    assert.equal(fixed('The plan in case 17 was late.', 'case-reference', 'Write “one case”'), 'The plan in one case was late.');
    assert.equal(fixed('Lewis (wyr-16) had been looked after.', 'case-reference', 'Leave the reference out'), 'Lewis had been looked after.');
    assert.equal(fixed('The panel (ref. WYR-07) met twice.', 'case-reference', 'Leave the reference out'), 'The panel met twice.');
  });

  it('a school becomes "their school", taking the article before it', () => {
    assert.equal(
      fixed('The plan relied on a place at the Beacon Academy that had not been confirmed.', 'school', 'Write “their school”'),
      'The plan relied on a place at their school that had not been confirmed.',
    );
    assert.equal(
      fixed("St Cuthbert's RC High School had offered a managed move.", 'school', 'Write “their school”'),
      'Their school had offered a managed move.',
    );
    assert.equal(
      fixed('The offence happened near Thornton Grammar School during the lunch break.', 'school', 'Leave the school'),
      'The offence happened during the lunch break.',
    );
  });

  it('on every finding of the corpus, every fix leaves a sentence: capitalised, spaced, and without what it replaced', () => {
    const corpus = parse(readFileSync(path.join(__dirname, '../fixtures/personal-data/corpus.yaml'), 'utf8'), { schema: 'failsafe' }) as {
      sentences: { s: string }[];
    };
    let fixes = 0;
    for (const { s } of corpus.sentences) {
      for (const m of personalData(s, nobody)) {
        for (const f of fixesFor(s, m)) {
          fixes++;
          const out = apply(s, f);
          const where = `${f.title} on ${m.kind} in: ${s}\n  → ${out}`;
          assert.match(out, /^["'“‘(]?\p{Lu}/u, `starts with a capital: ${where}`);
          assert.doesNotMatch(out, / {2}| [,.;:)]|\( |,,|, [,.]|^[,.]/, `spacing and punctuation: ${where}`);
          const again = personalData(out, nobody).filter((n) => n.kind === m.kind && n.start < f.start + f.newText.length && f.start < n.end);
          assert.deepEqual(again, [], `the fixed text is found again: ${where}`);
        }
      }
    }
    assert.ok(fixes > 150, `${fixes} fixes tried`);
  });
});
