import type { Severity } from './types';

// Every finding the core can report, with a stable code. Codes are never reused or renumbered: settings,
// `# sqs-ignore` comments and docs/checks.md refer to them. Ranges: SQS00x reading the file, SQS01x
// shape and catalogue, SQS02x count invariants, SQS03x stated against tallied, SQS04x sample and identity,
// SQS05x relevance and completeness, SQS06x prose against numbers, SQS07x what could identify a child, SQS09x the
// `# sqs-ignore` comments themselves.

export interface CodeInfo {
  code: string;
  /** Short kebab-case name, usable in settings instead of the number. */
  name: string;
  severity: Severity;
  summary: string;
}

const table = [
  ['SQS001', 'yaml-syntax', 'error', 'The file is not well-formed YAML.'],
  ['SQS002', 'yaml-warning', 'warning', 'The YAML is legal but probably not what was meant.'],
  ['SQS003', 'file-too-large', 'error', 'The file is too large to check.'],
  ['SQS004', 'unreadable-text', 'error', 'The file is not UTF-8 text (binary, or another encoding), or cannot be read at all (permissions, a disk error).'],
  ['SQS005', 'duplicate-key', 'error', 'The same key appears twice in one mapping.'],
  ['SQS006', 'alias-limit', 'error', 'Aliases expand to too much data (an alias bomb) or refer to themselves.'],
  ['SQS007', 'complex-key', 'error', 'A key is a list or mapping; keys must be plain text.'],
  [
    'SQS008',
    'link-outside-folder',
    'error',
    'A symbolic link not followed: an SQS file that leads outside the folder being checked (the workspace folder, in the editor), or, where files are read through the editor (the browser), any linked SQS file or folder: it is not read.',
  ],
  ['SQS009', 'internal-error', 'error', 'A check failed with an internal error: its findings are missing (every other check ran). Please report it.'],
  ['SQS010', 'unknown-key', 'error', 'A key the format does not define.'],
  ['SQS011', 'invalid-value', 'error', 'A value of the wrong type or outside the allowed values.'],
  ['SQS012', 'missing-key', 'error', 'A required key is missing.'],
  ['SQS013', 'unknown-criterion', 'error', 'A criterion id that is not in the inspection’s criteria catalogue.'],
  ['SQS014', 'unknown-reason', 'error', 'A reason code that the catalogue does not list for that criterion.'],
  ['SQS015', 'unknown-catalogue', 'error', 'The criteria version named is not a known catalogue.'],
  ['SQS016', 'unknown-sentence', 'error', 'A sentence type that the catalogue does not list.'],
  [
    'SQS017',
    'bidi-control',
    'warning',
    'A bidirectional control character (a right-to-left override, an isolate, a mark): the text reads differently from what it holds.',
  ],
  ['SQS020', 'invalid-count', 'error', 'A count that is negative, fractional, a percentage or over 100,000: counts are whole numbers of cases.'],
  [
    'SQS021',
    'count-exceeds-total',
    'error',
    'A stated count exceeds the count that contains it (sufficient ≤ relevant ≤ sampled, done ≤ due, a reason ≤ not sufficient).',
  ],
  [
    'SQS022',
    'count-arithmetic',
    'error',
    'Stated counts that do not add up: not sufficient ≠ relevant − sufficient, or due − done ≠ the reviews that did not take place.',
  ],
  ['SQS023', 'reasons-do-not-partition', 'error', 'Reasons that each not-sufficient case gives exactly one of do not sum to the not-sufficient count.'],
  [
    'SQS024',
    'exceeds-subgroup',
    'error',
    'More relevant cases than the subgroup the criterion is limited to (PSR cases, custodial cases, …) as stated for another criterion.',
  ],
  ['SQS025', 'subgroup-disagreement', 'warning', 'Criteria relevant to the same cases (e.g. every PSR criterion) state different relevant counts.'],
  ['SQS030', 'stated-differs-from-tally', 'error', 'A stated count differs from the tally of the case files.'],
  ['SQS040', 'sample-mismatch', 'error', 'The number of case files differs from the stated sample size.'],
  ['SQS041', 'duplicate-case-id', 'error', 'Two case files of one inspection have the same case id.'],
  ['SQS042', 'case-outside-inspection', 'warning', 'A case file with no inspection.sqs.yaml in its folder or above: it is counted nowhere.'],
  ['SQS043', 'criteria-version-mismatch', 'error', 'A case file names a criteria version the inspection does not use: it is not counted.'],
  ['SQS044', 'second-inspection-file', 'error', 'A second inspection file in one folder (inspection.sqs.yml beside inspection.sqs.yaml): it is ignored.'],
  [
    'SQS045',
    'look-alike-case-id',
    'warning',
    'A case id that looks like another (O for 0, a Cyrillic letter for a Latin one), or mixes Latin letters with look-alikes from another script.',
  ],
  ['SQS050', 'judged-not-relevant', 'warning', 'A judgement on a criterion that does not apply to the case (no PSR, not custodial, …): it is not counted.'],
  ['SQS051', 'not-yet-judged', 'information', 'A criterion that applies to the case has no judgement yet.'],
  ['SQS052', 'reasons-on-sufficient', 'warning', 'Reasons given for a judgement that is not "not sufficient": they are not counted.'],
  ['SQS053', 'missing-reason', 'warning', 'A "not sufficient" judgement without a reason, where the criterion lists reasons.'],
  ['SQS054', 'reasons-not-exclusive', 'warning', "More than one reason where the criterion's reasons are exclusive (each case gives one)."],
  ['SQS055', 'marked-not-applicable', 'warning', 'Marked not applicable although the case facts say the criterion applies: it is not counted.'],
  [
    'SQS060',
    'prose-count-mismatch',
    'warning',
    'Commentary states a number of cases ("19 out of 22", "all but five", "in three cases") the tallies contradict.',
  ],
  ['SQS061', 'prose-band-mismatch', 'warning', 'Commentary uses a proportion phrase ("over three-quarters") the phrasebook does not accept for the tallies.'],
  ['SQS062', 'prose-not-checked', 'information', 'Commentary too long, or stating too many quantities, to be checked against the numbers.'],
  [
    'SQS070',
    'personal-name',
    'warning',
    'Text that reaches the report names a person other than the inspection’s own (lead inspector, addressee, sender, copy list).',
  ],
  ['SQS071', 'personal-date', 'warning', 'Text that reaches the report gives a date of birth or the exact date of an event (not the inspection’s own dates).'],
  ['SQS072', 'personal-address', 'warning', 'Text that reaches the report gives a street address or a postcode.'],
  ['SQS073', 'personal-contact', 'warning', 'Text that reaches the report gives a phone number or e-mail address other than the lead inspector’s.'],
  ['SQS074', 'case-reference', 'warning', 'Text that reaches the report gives a case id, a case file’s name or a case or record number.'],
  ['SQS075', 'school-name', 'warning', 'Text that reaches the report names a school, academy, college or pupil referral unit.'],
  ['SQS076', 'personal-not-checked', 'warning', 'Text that reaches the report is too long to be read for names: it is not published until it is shorter.'],
  ['SQS090', 'ignore-without-reason', 'warning', 'An `# sqs-ignore` comment without a reason: it silences nothing until it says why.'],
  ['SQS091', 'unused-ignore', 'warning', 'An `# sqs-ignore` comment that silences nothing (no such finding on its line, or an unknown code).'],
] as const satisfies readonly (readonly [string, string, Severity, string])[];

export type Code = (typeof table)[number][0];

export const codes: ReadonlyMap<string, CodeInfo> = new Map(table.map(([code, name, severity, summary]) => [code, { code, name, severity, summary }]));

/**
 * The findings about what could identify a child in text that reaches the report. While one of them stands
 * (not silenced by `# sqs-ignore` with a reason: severity settings do not count), a report is not rendered for
 * publication; and they mark the paragraph that carries the text.
 */
export const personalDataCodes: ReadonlySet<string> = new Set<Code>(['SQS070', 'SQS071', 'SQS072', 'SQS073', 'SQS074', 'SQS075', 'SQS076']);

export function codeInfo(code: Code): CodeInfo {
  // The table is the source of the Code type, so the lookup cannot miss.
  return codes.get(code)!;
}
