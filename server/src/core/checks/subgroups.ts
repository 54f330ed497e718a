import type { RelevanceRule } from '../criteria/catalogueSchema';
import { finding, inFile, type LocalFinding } from '../findings';
import type { Inspection } from '../index/inspectionIndex';
import type { StatedTally } from '../model/inspectionModel';
import type { Finding, Range } from '../types';
import { questionName } from '../criteria/names';
import { place } from './names';

/** What a relevance rule limits a question to: cases with all these facts, possibly narrowed further. */
interface Scope {
  facts: ReadonlySet<string>;
  /** Further narrowed by the inspector's call or by another question's judgement. */
  narrowed: boolean;
  /** Other questions whose judgement must have a given value. */
  questions: { question: string; is: 'sufficient' | 'not-sufficient' }[];
}

function scopeOf(rule: RelevanceRule): Scope {
  if (rule === 'all') return { facts: new Set(), narrowed: false, questions: [] };
  if (rule === 'judged') return { facts: new Set(), narrowed: true, questions: [] };
  if ('fact' in rule) return { facts: new Set([rule.fact]), narrowed: false, questions: [] };
  if ('question' in rule) return { facts: new Set(), narrowed: true, questions: [{ question: rule.question, is: rule.is }] };
  const parts = rule.all.map(scopeOf);
  return {
    facts: new Set(parts.flatMap((p) => [...p.facts])),
    narrowed: parts.some((p) => p.narrowed),
    questions: parts.flatMap((p) => p.questions),
  };
}

interface Stated {
  tally: StatedTally;
  scope: Scope;
  relevant: { value: number; range: Range };
}

/** Questions relevant to exactly the cases with the same facts: every PSR criterion, say. */
interface Subgroup {
  facts: ReadonlySet<string>;
  members: Stated[];
  /** The count most members state (ties: the first in the file), taken as the subgroup's size. */
  size: Stated;
}

/**
 * SQS024 and SQS025, from the inspection file alone: criteria limited to a subgroup of cases (PSR cases,
 * custodial cases, cases that did not comply) cannot count more relevant cases than that subgroup, whose
 * size the criteria relevant to exactly those cases state; and those criteria must agree with each other.
 * With case files present, SQS030 compares each count with the case files instead: it knows which of two
 * disagreeing counts is wrong (these checks can only guess), and one wrong number gets one finding.
 */
export function subgroups(inspection: Inspection): Finding[] {
  if (inspection.cases.size > 0) return [];
  const { model, uri } = inspection.file;
  const stated: Stated[] = [];
  for (const tally of model.stated.values()) {
    if (tally.relevant) stated.push({ tally, scope: scopeOf(tally.question.relevance), relevant: tally.relevant });
  }
  const groups = new Map<string, Subgroup>();
  for (const s of stated) {
    if (s.scope.narrowed || s.scope.facts.size === 0) continue;
    const key = [...s.scope.facts].sort().join('+');
    const g = groups.get(key);
    if (g) g.members.push(s);
    else groups.set(key, { facts: s.scope.facts, members: [s], size: s });
  }
  const out: LocalFinding[] = [];
  for (const g of groups.values()) {
    g.size = mostCommon(g.members);
    for (const m of g.members) {
      if (m.relevant.value === g.size.relevant.value) continue;
      const size = g.size;
      out.push(
        finding(
          'SQS025',
          m.relevant.range,
          `${questionName(m.tally.question)}: relevant ${m.relevant.value}, but ${questionName(size.tally.question)} states ${size.relevant.value} ${cases(size)} — ${place({ uri, range: size.relevant.range })}; both count the same cases.`,
          { related: [{ range: size.relevant.range, message: `${questionName(size.tally.question)}: relevant ${size.relevant.value}` }] },
        ),
      );
    }
  }

  for (const s of stated) {
    const bounds: { value: number; range: Range; says: string }[] = [];
    for (const g of groups.values()) {
      if (g.members.includes(s) || ![...g.facts].every((f) => s.scope.facts.has(f))) continue;
      bounds.push({
        value: g.size.relevant.value,
        range: g.size.relevant.range,
        says: `the ${g.size.relevant.value} ${cases(g.size)} stated for ${questionName(g.size.tally.question)}`,
      });
    }
    for (const dep of s.scope.questions) {
      const other = model.stated.get(dep.question);
      if (!other) continue;
      const n = dep.is === 'sufficient' ? other.sufficient : other.notSufficient;
      const name = questionName(other.question);
      if (n)
        bounds.push({ value: n.value, range: n.range, says: `the ${n.value} ${dep.is === 'sufficient' ? 'sufficient' : 'not sufficient'} stated for ${name}` });
      else if (dep.is === 'not-sufficient' && other.relevant && other.sufficient) {
        const value = other.relevant.value - other.sufficient.value;
        bounds.push({
          value,
          range: other.sufficient.range,
          says: `the ${value} not sufficient for ${name} (relevant ${other.relevant.value} − sufficient ${other.sufficient.value})`,
        });
      }
    }
    const violated = bounds.filter((b) => s.relevant.value > b.value).sort((a, b) => a.value - b.value)[0];
    if (!violated) continue;
    const label = s.tally.question.kind === 'review' ? 'due' : 'relevant';
    out.push(
      finding(
        'SQS024',
        s.relevant.range,
        `${questionName(s.tally.question)}: ${label} ${s.relevant.value} exceeds ${violated.says} — ${place({ uri, range: violated.range })}`,
        {
          related: [{ range: violated.range, message: violated.says }],
        },
      ),
    );
  }
  return out.map((f) => inFile(uri, f));
}

function cases(s: Stated): string {
  return s.tally.question.relevantCases ?? 'relevant cases';
}

function mostCommon(members: Stated[]): Stated {
  const counts = new Map<number, number>();
  for (const m of members) counts.set(m.relevant.value, (counts.get(m.relevant.value) ?? 0) + 1);
  let best = members[0]!;
  for (const m of members) if (counts.get(m.relevant.value)! > counts.get(best.relevant.value)!) best = m;
  return best;
}
