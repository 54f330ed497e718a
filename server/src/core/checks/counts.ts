import { finding, inFile, type LocalFinding, type LocalRelated } from '../findings';
import type { Inspection } from '../index/inspectionIndex';
import type { StatedTally } from '../model/inspectionModel';
import type { Located } from '../model/reader';
import type { Finding, Range } from '../types';
import { replace } from './edits';
import { questionName } from '../criteria/names';
import { place } from './names';
import { statedCounts as statedCountsOf, talliedCount } from '../index/statedFields';
import { culpritFinding } from './countCulprit';
import { termsOf } from './countRules';

/** A stated number with the words that name it in messages. */
interface Count {
  label: string;
  value: number;
  range: Range;
  /** For a count worked out from two others ("relevant 22 − sufficient 19"). */
  derivation?: string;
  /** The stated number itself (absent for a worked-out count). */
  stated?: Located<number>;
}

const count = (label: string, v: Located<number> | undefined): Count | undefined => v && { label, value: v.value, range: v.range, stated: v };

/**
 * SQS021–SQS023: the counts stated for one question must be possible. Each count is compared with the
 * nearest stated count that contains it (sufficient ≤ done ≤ due ≤ sampled; a reason ≤ not sufficient),
 * so one wrong number gives one finding rather than a cascade up the chain. A number already found wrong
 * is not held against the others: it is no bound for them (the next one up is), and sums it is part of are
 * not checked. With case files, SQS030 finds the wrong numbers, with their tallies: those are not
 * reported again here. Where that still leaves two findings, the one number every failed rule involves is
 * named instead (countCulprit.ts).
 */
export function statedCounts(inspection: Inspection): Finding[] {
  const { model, uri } = inspection.file;
  const sample = count('sampled', model.sample);
  const out: LocalFinding[] = [];
  for (const t of model.stated.values()) {
    const found = tallyFindings(inspection, t, sample);
    // Rule by rule, two failures may be blamed on two right numbers; one number in every failed rule is the
    // wrong one. Case files settle which numbers are wrong better (SQS030): then the rules' findings stand.
    const one =
      found.length >= 2 && contradictedByCases(inspection, t).size === 0 ? culpritFinding(questionName(t.question), termsOf(t, model.sample)) : undefined;
    out.push(...(one ? [one] : found));
  }
  return out.map((f) => inFile(uri, f));
}

/** The stated counts of a question that its case files' tally contradicts (SQS030 reports each). */
function contradictedByCases(inspection: Inspection, t: StatedTally): Set<Located<number>> {
  const tally = inspection.cases.size > 0 ? inspection.tallies.get(t.question.id) : undefined;
  if (!tally) return new Set();
  return new Set(
    statedCountsOf(t)
      .filter((c) => c.value.value !== talliedCount(tally, c.field, c.reason))
      .map((c) => c.value),
  );
}

function tallyFindings(inspection: Inspection, t: StatedTally, sample: Count | undefined): LocalFinding[] {
  const q = t.question;
  const name = questionName(q);
  const uri = inspection.file.uri;
  const review = q.kind === 'review';
  const relevant = count(review ? 'due' : 'relevant', t.relevant);
  const done = count('done', t.done);
  const sufficient = count('sufficient', t.sufficient);
  const notSufficient = count('not sufficient', t.notSufficient);
  const out: LocalFinding[] = [];
  /** Numbers known to be wrong: given a finding here, or contradicted by the case files. */
  const wrong = contradictedByCases(inspection, t);
  const trusted = (c: Count | undefined): c is Count => c !== undefined && !(c.stated && wrong.has(c.stated));

  const exceeds = (child: Count | undefined, ...bounds: (Count | undefined)[]) => {
    const bound = bounds.find(trusted);
    if (!trusted(child) || !bound || child.value <= bound.value) return;
    const where = bound.derivation ? `(${bound.derivation})` : `— ${place({ uri, range: bound.range })}`;
    out.push(
      finding('SQS021', child.range, `${name}: ${child.label} ${child.value} exceeds ${bound.label} ${bound.value} ${where}`, {
        related: [{ range: bound.range, message: `${bound.label} ${bound.value}` }],
      }),
    );
    wrong.add(child.stated!);
  };

  exceeds(relevant, sample);
  exceeds(done, relevant, sample);
  exceeds(sufficient, done, relevant, sample);
  exceeds(notSufficient, relevant, sample);

  // relevant − sufficient = not sufficient, when all three are stated and none is already known wrong. The
  // finding goes on not sufficient (its fix sets it); the reasons are then held to either reading.
  const arithmetic = trusted(relevant) && trusted(sufficient) && trusted(notSufficient) && relevant.value - sufficient.value !== notSufficient.value;
  if (arithmetic) {
    const expected = relevant.value - sufficient.value;
    out.push(
      finding(
        'SQS022',
        notSufficient.range,
        `${name}: not sufficient ${notSufficient.value} but ${relevant.label} ${relevant.value} − sufficient ${sufficient.value} = ${expected} — ${place({ uri, range: relevant.range })}`,
        {
          related: [
            { range: relevant.range, message: `${relevant.label} ${relevant.value}` },
            { range: sufficient.range, message: `sufficient ${sufficient.value}` },
          ],
          fixes:
            expected >= 0
              ? [{ title: `Set not sufficient to ${expected} (${relevant.label} − sufficient)`, edits: [replace(notSufficient.range, String(expected))] }]
              : [],
        },
      ),
    );
  }

  const worked: Count | undefined =
    trusted(relevant) && trusted(sufficient) && relevant.value >= sufficient.value
      ? {
          label: 'not sufficient',
          value: relevant.value - sufficient.value,
          range: sufficient.range,
          derivation: `${relevant.label} ${relevant.value} − sufficient ${sufficient.value}`,
        }
      : undefined;
  // The not-sufficient count the reasons share out: as stated, else worked out. When the two disagree
  // (SQS022 above), a reason is only held to the larger, and their sum to neither.
  const statedNotSufficient = trusted(notSufficient) ? notSufficient : undefined;
  const readings = [statedNotSufficient, worked].filter((c): c is Count => c !== undefined);
  const reasonBound = arithmetic ? readings.reduce((a, b) => (b.value > a.value ? b : a)) : readings[0];
  const reasons = [...t.reasons].map(([code, v]) => ({ code, ...count(`reason ${code}`, v)! }));
  for (const r of reasons) exceeds(r, reasonBound, relevant, sample);

  // Reviews that did not take place are the difference between due and done; with one "no review"
  // reason, its count must be that difference.
  const notDoneCodes = q.reasons?.codes.filter((r) => r.notDone).map((r) => r.code) ?? [];
  const [notDoneCode] = notDoneCodes;
  const notDone = notDoneCode !== undefined && notDoneCodes.length === 1 ? reasons.find((r) => r.code === notDoneCode) : undefined;
  if (review && trusted(relevant) && trusted(done) && trusted(notDone) && relevant.value >= done.value && relevant.value - done.value !== notDone.value) {
    out.push(
      finding(
        'SQS022',
        notDone.range,
        `${name}: ${notDone.code} ${notDone.value} but due ${relevant.value} − done ${done.value} = ${relevant.value - done.value} reviews did not take place — ${place({ uri, range: done.range })}`,
        {
          related: [
            { range: relevant.range, message: `due ${relevant.value}` },
            { range: done.range, message: `done ${done.value}` },
          ],
        },
      ),
    );
    wrong.add(notDone.stated!);
  }

  const sum = reasons.reduce((s, r) => s + r.value, 0);
  const against = readings[0];
  if (q.reasons?.mode === 'partition' && reasons.length > 0 && against && reasons.every(trusted) && !readings.some((c) => c.value === sum)) {
    const reasonsKey = inspection.file.parsed.source.keyRange([...t.path, 'reasons']) ?? t.keyRange;
    const of = against.derivation ? `(${against.derivation})` : `— ${place({ uri, range: against.range })}`;
    const related: LocalRelated[] = [
      { range: against.range, message: `not sufficient ${against.value}` },
      ...reasons.map((r) => ({ range: r.range, message: `${r.code} ${r.value}` })),
    ];
    out.push(
      finding(
        'SQS023',
        reasonsKey,
        `${name}: the reasons add up to ${sum} but not sufficient is ${against.value} ${of}; each not-sufficient case gives exactly one of these reasons.`,
        { related },
      ),
    );
  }
  return out;
}
