import { Checker, InspectionIndex, type Finding } from '../../server/src/core/api';

/** Loads files given as { path: text } under a fake root and returns the index with a checker. */
export function workspace(files: Record<string, string>, root = 'file:///ws/') {
  const index = new InspectionIndex();
  for (const [p, text] of Object.entries(files)) index.set(root + p, text);
  const checker = new Checker(index);
  return {
    index,
    checker,
    uri: (p: string) => root + p,
    findings: (p: string): Finding[] => checker.findingsFor(root + p),
  };
}

/** "line:col code" with 1-based positions, the way an inspector reads them in the editor. */
export function at(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code}`;
}

/** The text a range covers. */
export function textOf(text: string, f: Finding): string {
  const lines = text.split('\n');
  const { start, end } = f.range;
  if (start.line === end.line) return lines[start.line]!.slice(start.character, end.character);
  return [lines[start.line]!.slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line]!.slice(0, end.character)].join('\n');
}

export const minimalInspection = `inspection: Testtown
service: Testtown Youth Offending Team
criteria: sqs-2013
addressee: { name: A. Chair, role: Chair of the Management Board }
from: { name: A. Inspector, role: Assistant Chief Inspector }
fieldwork: { start: 2014-03-03, end: 2014-03-06 }
lead_inspector: { name: L. Inspector }
sample: 2
`;

export const minimalCase = (id: string, extra = '') => `case: ${id}
sentence: referral order
psr: yes
risk_of_harm: no
identifiable_victim: no
judgements:
  "1.1":
    report: sufficient
    oversight: sufficient
  "1.2": sufficient
${extra}`;
