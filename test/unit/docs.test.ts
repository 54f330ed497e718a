import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CatalogueRegistry, type RelevanceRule } from '../../server/src/core/api';

// docs/format.md is what inspectors type from; its tables of questions, facts and sentences must say what
// the sqs-2013 catalogue says.

const doc = readFileSync(path.resolve(__dirname, '../../docs/format.md'), 'utf8');
const catalogue = CatalogueRegistry.builtIn().get('sqs-2013')!;

/** The rows of the markdown table whose header row is `header`, as cells. */
function table(header: string): string[][] {
  const lines = doc.split('\n');
  const start = lines.indexOf(header);
  assert.ok(start >= 0, `docs/format.md has a table headed ${header}`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(' | ')
        .map((c) => c.trim()),
    );
  }
  return rows;
}

const code = (s: string) => `\`${s}\``;

/** How the doc words each relevance rule. */
function appliesTo(rule: RelevanceRule): string {
  if (rule === 'all') return 'every case';
  if (rule === 'judged') return 'you decide';
  if ('fact' in rule) return rule.fact === 'custody' ? 'custodial sentences' : `cases with ${code(`${rule.fact}: yes`)}`;
  if ('question' in rule) {
    const [criterion, key] = rule.question.split('/');
    return `cases where ${criterion} ${code(key!)} is ${code(rule.is === 'not-sufficient' ? 'no' : 'yes')}`;
  }
  const [first, second] = rule.all;
  if (rule.all.length === 2 && first && second && typeof first === 'object' && 'fact' in first && first.fact === 'custody') {
    return second === 'judged' ? 'custodial sentences; you decide' : `custodial sentences with ${appliesTo(second).replace(/^cases with /, '')}`;
  }
  throw new Error(`docs/format.md has no wording for ${JSON.stringify(rule)}`);
}

describe('docs/format.md matches the sqs-2013 catalogue', () => {
  it('lists every question with when it applies and its reason codes', () => {
    const expected = [...catalogue.questions.values()].map((q) => {
      const key = q.criterion.questions.length > 1 ? code(q.key) : '—';
      const reasons = q.reasons ? `${q.reasons.codes.map((r) => code(r.code) + (r.notDone ? '\\*' : '')).join(', ')} (${q.reasons.mode})` : '—';
      return [q.criterion.id, key, appliesTo(q.relevance), reasons];
    });
    assert.deepEqual(table('| Criterion | Key | Applies to | Reasons |'), expected);
  });

  it('lists the facts an inspector writes', () => {
    const rows = table('| Fact | Write `yes` when |');
    assert.deepEqual(
      rows.map(([fact]) => fact),
      catalogue.writtenFacts.map((f) => code(f.id)),
    );
    for (const [fact, when] of rows) {
      const label = catalogue.facts.get(fact!.replace(/`/g, ''))!.label;
      assert.equal(when, label.charAt(0).toLowerCase() + label.slice(1));
    }
  });

  it('lists every sentence type with the names accepted and whether it is custodial', () => {
    const expected = catalogue.sentences.map((s) => [s.label, [s.id, ...(s.aliases ?? [])].map(code).join(', '), s.custodial ? 'yes' : 'no']);
    assert.deepEqual(table('| Sentence | Also accepted | Custodial |'), expected);
  });

  it('names the criteria with several questions', () => {
    const multi = [...catalogue.criteria.values()].filter((c) => c.questions.length > 1).map((c) => c.id);
    assert.equal(/\*\*Criteria with several questions\*\* \((.*?)\)/s.exec(doc)?.[1]?.replace(/\s+/g, ' '), multi.join(', '));
  });

  it('names the review questions, which take `due` instead of `relevant`', () => {
    const reviews = [...catalogue.questions.values()].filter((q) => q.kind === 'review');
    const named = reviews.map((q) => (q.criterion.questions.length > 1 ? `${q.criterion.id} ${code(q.key)}` : q.criterion.id));
    const sentence = /Review questions are (.*?); writing/s.exec(doc)?.[1]?.replace(/\s+/g, ' ');
    assert.equal(sentence, `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`);
  });
});
