import type { Inspection } from '../../index/inspectionIndex';
import type { Located } from '../../model/reader';
import type { SqsFile } from '../../model/sqsFile';
import type { Path } from '../../yaml/source';

// The inspector-written text that reaches a published report: the inspection file's narrative (summary,
// operational management, context, closing, key strengths, areas for improvement) and commentary (the replacing
// text and `after:`), and the quotes in the case files. Everything else the report prints is the catalogue's
// fixed wording, the inspectorate's own, or the inspection's header (its own people, area and dates). Notes
// (`notes:` on a case or a judgement) never reach the report, so they are not read. A test holds this list to the
// report: every hand-written sentence buildReport makes comes from one of these texts.

export interface ReportText {
  file: SqsFile;
  /** Where the text is in its file, for the offsets of what is found in it. */
  path: Path;
  text: Located<string>;
  /** What the text is, for a finding about it as a whole: "the quote on 1.4 plan". */
  label: string;
}

/** The texts of one file that reach the report, in file order. */
export function reportTextsOf(file: SqsFile): ReportText[] {
  const out: ReportText[] = [];
  const add = (path: Path, text: Located<string> | undefined, label: string) => {
    if (text) out.push({ file, path, text, label });
  };
  if (file.kind === 'case') {
    for (const j of file.model.judgements.values()) add([...j.path, 'quote'], j.quote, `the quote on ${j.question.id.replace('/', ' ')}`);
    return out.sort((a, b) => a.text.range.start.line - b.text.range.start.line);
  }
  const { narrative, commentary } = file.model;
  add(['narrative', 'context'], narrative.context, 'the narrative context');
  add(['narrative', 'summary'], narrative.summary, 'the summary');
  add(['narrative', 'operational_management'], narrative.operationalManagement, 'the operational management narrative');
  add(['narrative', 'closing'], narrative.closing, 'the closing narrative');
  narrative.keyStrengths.forEach((t, i) => add(['narrative', 'key_strengths', i], t, `key strength ${i + 1}`));
  narrative.areasForImprovement.forEach((t, i) => add(['narrative', 'areas_for_improvement', i], t, `area for improvement ${i + 1}`));
  for (const [criterionId, c] of commentary) {
    const bare = c.text !== undefined && !file.parsed.source.has(['commentary', criterionId, 'text']);
    add(bare ? ['commentary', criterionId] : ['commentary', criterionId, 'text'], c.text, `the commentary on ${criterionId}`);
    add(['commentary', criterionId, 'after'], c.after, `the commentary after ${criterionId}`);
  }
  return out.sort((a, b) => a.text.range.start.line - b.text.range.start.line);
}

/** Every text of an inspection that reaches its report: its file's, then each case file's. */
export function reportTexts(inspection: Inspection): ReportText[] {
  return [inspection.file, ...inspection.cases.values()].flatMap(reportTextsOf);
}
