import { personalDataCodes } from '../codes';
import type { Finding } from '../types';
import type { ReportMarks } from './marks';

// Nothing that identifies a child reaches a published report: while a finding of what could (SQS07x) stands, a
// report is rendered only as the inspectors' own copy, which says so on its first page, in every format that has
// one (`sqs render --annotate`). These are the two rules, for the command line and the editor alike.

/**
 * The findings that keep a report from publication: what could identify a child (SQS07x), unless an
 * `# sqs-ignore CODE: reason` silences it. Pass the findings as the checker gives them, before any severity
 * settings: turning a code off in the editor hides it, but does not publish it.
 */
export function publicationBlockers(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => personalDataCodes.has(f.code) && !f.ignored);
}

/** Why a report is not rendered for publication, naming the codes of the findings in the way. */
export function notPublished(blockers: readonly Finding[]): string {
  const codes = [...new Set(blockers.map((f) => f.code))].sort().join(', ');
  const n = blockers.length;
  return `Not rendered for publication: ${n === 1 ? 'a passage' : `${n} passages`} of text that reaches the report could identify a child (${codes}). Rewrite ${n === 1 ? 'it' : 'them'}, or keep what must stay with “# sqs-ignore CODE: reason” on the finding.`;
}

/** The inspectors' copy: the report's marks with the note that says what it is, first, before anything else. */
export function inspectorsCopy(marks: ReportMarks, blockers: readonly Finding[]): ReportMarks {
  const codes = [...new Set(blockers.map((f) => f.code))].sort();
  const held =
    blockers.length === 0
      ? ''
      : ` It still holds ${blockers.length === 1 ? 'a passage' : `${blockers.length} passages`} that could identify a child (${codes.join(', ')}), kept here for the inspectors to rewrite.`;
  const message = `Inspectors’ copy, not for publication: it says which case files and counts each statement comes from.${held}`;
  return { ...marks, notes: [{ message, sources: [] }, ...marks.notes] };
}
