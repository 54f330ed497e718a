import { finding, inFile, type LocalFinding, type LocalRelated } from '../findings';
import type { Inspection } from '../index/inspectionIndex';
import type { StatedTally } from '../model/inspectionModel';
import type { Located } from '../model/reader';
import type { Finding, Range } from '../types';
import { replace } from './edits';
import { questionName } from '../criteria/names';
import { place } from './names';

/** A stated number with the words that name it in messages. */
interface Count {
  label: string;
  value: number;
  range: Range;
  /** For a count worked out from two others ("relevant 22 − sufficient 19"). */
  derivation?: string;
}

const count = (label: string, v: Located<number> | undefined): Count | undefined => v && { label, value: v.value, range: v.range };

/**
 * SQS021–SQS023: the counts stated for one question must be possible. Each count is compared with the
 * nearest stated count that contains it (sufficient ≤ done ≤ due ≤ sampled; a reason ≤ not sufficient),
 * so one wrong number gives one finding rather than a cascade up the chain.
 */
export function statedCounts(inspection: Inspection): Finding[] {
  const { model, uri } = inspection.file;
  const sample = count('sampled', model.sample);
  const out: LocalFinding[] = [];
  for (const t of model.stated.values()) out.push(...tallyFindings(inspection, t, sample));
  return out.map((f) => inFile(uri, f));
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

  const exceeds = (child: Count | undefined, ...bounds: (Count | undefined)[]) => {
    const bound = bounds.find((b) => b !== undefined);
    if (!child || !bound || child.value <= bound.value) return;
    const where = bound.derivation ? `(${bound.derivation})` : `— ${place({ uri, range: bound.range })}`;
    out.push(
      finding('SQS021', child.range, `${name}: ${child.label} ${child.value} exceeds ${bound.label} ${bound.value} ${where}`, {
        related: [{ range: bound.range, message: `${bound.label} ${bound.value}` }],
      }),
    );
  };

  exceeds(relevant, sample);
  exceeds(done, relevant, sample);
  exceeds(sufficient, done, relevant, sample);
  exceeds(notSufficient, relevant, sample);

  const derivedNotSufficient: Count | undefined =
    notSufficient ??
    (relevant && sufficient && relevant.value >= sufficient.value
      ? {
          label: 'not sufficient',
          value: relevant.value - sufficient.value,
          range: sufficient.range,
          derivation: `${relevant.label} ${relevant.value} − sufficient ${sufficient.value}`,
        }
      : undefined);
  const reasons = [...t.reasons].map(([code, v]) => ({ code, ...count(`reason ${code}`, v)! }));
  for (const r of reasons) exceeds(r, derivedNotSufficient, relevant, sample);

  if (relevant && sufficient && notSufficient && relevant.value - sufficient.value !== notSufficient.value) {
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
          fixes: expected >= 0 ? [{ title: `Set not sufficient to ${expected} (${relevant.label} − sufficient)`, edits: [replace(notSufficient.range, String(expected))] }] : [],
        },
      ),
    );
  }

  // Reviews that did not take place are the difference between due and done; with one "no review"
  // reason, its count must be that difference.
  const notDoneCodes = q.reasons?.codes.filter((r) => r.notDone).map((r) => r.code) ?? [];
  const [notDoneCode] = notDoneCodes;
  const notDone = notDoneCode !== undefined && notDoneCodes.length === 1 ? reasons.find((r) => r.code === notDoneCode) : undefined;
  if (review && relevant && done && notDone && relevant.value >= done.value && relevant.value - done.value !== notDone.value) {
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
  }

  if (q.reasons?.mode === 'partition' && reasons.length > 0 && derivedNotSufficient) {
    const sum = reasons.reduce((s, r) => s + r.value, 0);
    if (sum !== derivedNotSufficient.value) {
      const reasonsKey = inspection.file.parsed.source.keyRange([...t.path, 'reasons']) ?? t.keyRange;
      const of = derivedNotSufficient.derivation ? `(${derivedNotSufficient.derivation})` : `— ${place({ uri, range: derivedNotSufficient.range })}`;
      const related: LocalRelated[] = [
        { range: derivedNotSufficient.range, message: `not sufficient ${derivedNotSufficient.value}` },
        ...reasons.map((r) => ({ range: r.range, message: `${r.code} ${r.value}` })),
      ];
      out.push(
        finding(
          'SQS023',
          reasonsKey,
          `${name}: the reasons add up to ${sum} but not sufficient is ${derivedNotSufficient.value} ${of}; each not-sufficient case gives exactly one of these reasons.`,
          { related },
        ),
      );
    }
  }
  return out;
}
