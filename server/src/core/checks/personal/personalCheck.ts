import { finding, inFile, type LocalFinding } from '../../findings';
import type { Inspection } from '../../index/inspectionIndex';
import type { SqsFile } from '../../model/sqsFile';
import type { Finding, Fix } from '../../types';
import { scalarOffsets } from '../../yaml/scalarOffsets';
import { contextOf, type PersonalContext } from './context';
import { personalData } from './detect';
import { fixesFor, type TextFix } from './fixes';
import { kindCode, personalMessage } from './kinds';
import { reportTextsOf, type ReportText } from './texts';

// SQS070–SQS076: what could identify a child in text that reaches a published report. An inspection check: what a
// text may name depends on the inspection (its own people, dates and case ids), and it reports in the file the text
// is in, the case files' quotes included. A file's findings are kept while its analysis and the inspection's
// context stay the same, so a keystroke reads only the file typed in, and in it only the sentences that changed
// (language.ts keeps sentences read).

/**
 * A text longer than this is not read for names (SQS076): reading names costs one to three milliseconds a sentence
 * the first time (npm run bench), and a pasted page must not hold the server for seconds. The longest paragraph of
 * the Liverpool report is 1.6 kB.
 */
export const nameLimit = 10_000;
/** Nor are a file's texts past this many characters, so one file never holds the server for long. */
export const fileNameBudget = 20_000;

const kept = new WeakMap<SqsFile, { context: string; findings: Finding[] }>();
/** Each analysis's texts for the report: most case files have none, and then nothing in them depends on the context. */
const textsKept = new WeakMap<SqsFile, ReportText[]>();

/** The personal data in every text of an inspection that reaches its report. */
export function personalDataCheck(inspection: Inspection): Finding[] {
  let context: PersonalContext | undefined;
  return [inspection.file, ...inspection.cases.values()].flatMap((file) => {
    let texts = textsKept.get(file);
    if (!texts) textsKept.set(file, (texts = reportTextsOf(file)));
    if (texts.length === 0) return [];
    context ??= contextOf(inspection);
    const last = kept.get(file);
    if (last && last.context === context.key) return last.findings;
    const findings = fileFindings(file, texts, context);
    kept.set(file, { context: context.key, findings });
    return findings;
  });
}

function fileFindings(file: SqsFile, texts: readonly ReportText[], context: PersonalContext): Finding[] {
  const out: LocalFinding[] = [];
  let budget = fileNameBudget;
  for (const t of texts) {
    const value = t.text.value;
    const names = value.length <= nameLimit && value.length <= budget;
    if (names) budget -= value.length;
    else {
      const why =
        value.length > nameLimit ? `it is over ${nameLimit / 1000} kB` : `the texts above it in this file already come to ${fileNameBudget / 1000} kB`;
      const at = file.parsed.source.keyRange(t.path) ?? t.text.range;
      out.push(
        finding(
          'SQS076',
          at,
          `This text (${t.label}) is not read for names: ${why}. Shorten or split it; until then the report is not rendered for publication.`,
        ),
      );
    }
    out.push(...textFindings(file, t, context, names));
  }
  return out.map((f) => inFile(file.uri, f));
}

function textFindings(file: SqsFile, t: ReportText, context: PersonalContext, names: boolean): LocalFinding[] {
  const value = t.text.value;
  const matches = personalData(value, context, { names });
  if (matches.length === 0) return [];
  const { source, text } = file.parsed;
  const span = source.spansOf(t.path)?.value;
  const offsets = span && scalarOffsets(text, span, value);
  const quote = span && (text[span[0]] === '"' || text[span[0]] === "'") ? text[span[0]]! : undefined;
  return matches.map((m) => {
    const range = offsets ? source.range([offsets[m.start]!, offsets[m.end - 1]! + 1]) : t.text.range;
    const fixes = offsets ? fixesFor(value, m).flatMap((f) => toFix(f, value, offsets, text, quote, source.range.bind(source))) : [];
    return finding(kindCode[m.kind], range, personalMessage(m.kind, m.what), { fixes });
  });
}

/**
 * A fix of the text as an edit of the file, where the stretch it replaces is written as it reads (an escape or a
 * folded line inside it would make the edit's place uncertain: then the finding keeps its `# sqs-ignore` fix only).
 */
function toFix(
  f: TextFix,
  value: string,
  offsets: number[],
  fileText: string,
  quote: string | undefined,
  range: (span: readonly [number, number]) => Fix['edits'][number]['range'],
): Fix[] {
  const from = offsets[f.start];
  const to = f.end === f.start ? from : offsets[f.end - 1]! + 1;
  if (from === undefined || to === undefined) return [];
  const written = fileText.slice(from, to);
  if (written.replace(/\s+/g, ' ') !== value.slice(f.start, f.end).replace(/\s+/g, ' ') || (quote && /[\\\n]/.test(written))) return [];
  const newText = quote === '"' ? f.newText.replace(/["\\]/g, '\\$&') : quote === "'" ? f.newText.replace(/'/g, "''") : f.newText;
  return [{ title: f.title, edits: [{ range: range([from, to]), newText }] }];
}
