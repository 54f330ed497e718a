import type { Code } from '../../codes';

// The kinds of personal data the check finds, each with its own code, so that a finding names the kind of data
// and never the data itself, and so that `# sqs-ignore` silences one kind where an inspector has decided.

export const personalKinds = ['name', 'date', 'address', 'contact', 'case-reference', 'school'] as const;
export type PersonalKind = (typeof personalKinds)[number];

export const kindCode: Record<PersonalKind, Code> = {
  name: 'SQS070',
  date: 'SQS071',
  address: 'SQS072',
  contact: 'SQS073',
  'case-reference': 'SQS074',
  school: 'SQS075',
};

/** What to do about each kind, after the finding has said what it is ("A postcode: …"). */
const advice: Record<PersonalKind, string> = {
  name: 'only the inspection’s own people (its header and copy list) may be named. Write “the young person”, a role, or leave it out',
  date: 'with the rest of a case it can identify a child. Give the month and year, or leave it out',
  address: 'it says where someone in a case lives or was. Leave it out',
  contact: 'only the lead inspector’s may be given. Leave it out',
  'case-reference': 'it lets a reader find the case. Write “one case”, or leave it out',
  school: 'with the rest of a case it can identify a child. Write “their school”, or leave it out',
};

/**
 * The finding's message: the kind of data in words (`what`, "a postcode"), what to do, and what follows while
 * it stays. Never the data: the message reaches logs, the Problems view and the terminal.
 */
export function personalMessage(kind: PersonalKind, what: string): string {
  const code = kindCode[kind];
  return `${what[0]!.toUpperCase()}${what.slice(1)}: ${advice[kind]}. Until it goes (or # sqs-ignore ${code}: <reason> keeps it), the report is not rendered for publication.`;
}
