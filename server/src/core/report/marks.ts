import { personalDataCodes } from '../codes';
import type { Catalogue } from '../criteria/catalogue';
import type { Finding } from '../types';
import type { ReportDocument, ReportWarning, SourceLink } from './document';
import { distinctPlaces, paragraphsAffectedBy, paragraphsCarrying, paragraphsOf, paragraphsWarned, sourcesOf } from './navigate';

// What a report says about its own paragraphs besides their prose: which ones the inspection's findings put in
// doubt and which ones the report itself warns about. The preview, `sqs render` and the exports all mark the
// same paragraphs with the same words; only how they show a mark is theirs.

/**
 * - `error`: an error finding lies on a place the paragraph's figures were made from: they cannot be vouched for;
 * - `warning`: a warning finding does, or the paragraph's own words hold something that could identify a child
 *   (SQS07x: the finding is in the hand-written text the paragraph prints);
 * - `information`: only the report's own warning (cases not judged yet, a sentence left out).
 */
export type MarkSeverity = 'error' | 'warning' | 'information';

export interface ParagraphMark {
  paragraphId: string;
  severity: MarkSeverity;
  /** The error and warning findings on the sources of its generated sentences, as the checker reported them. */
  findings: Finding[];
  /** The report's own warnings about the paragraph (ReportDocument.warnings). */
  warnings: ReportWarning[];
}

export interface ReportMarks {
  /** In reading order. */
  marks: ParagraphMark[];
  /** The report's warnings that concern no paragraph it has (a criterion with nothing judged yet). */
  notes: ReportWarning[];
}

/**
 * The marks the findings (after `# sqs-ignore` and any severity settings: pass what the user sees) and the
 * report's own warnings put on its paragraphs. Information and hint findings mark nothing.
 */
export function markReport(doc: ReportDocument, findings: readonly Finding[], catalogue: Catalogue): ReportMarks {
  const relevant = findings.filter((f) => !f.ignored && (f.severity === 'error' || f.severity === 'warning'));
  const byFindings = paragraphsAffectedBy(doc, relevant);
  for (const [id, hits] of paragraphsCarrying(
    doc,
    relevant.filter((f) => personalDataCodes.has(f.code)),
  ))
    byFindings.set(id, [...(byFindings.get(id) ?? []), ...hits]);
  const { placed, unplaced } = paragraphsWarned(doc, catalogue);
  const marks: ParagraphMark[] = [];
  for (const paragraph of paragraphsOf(doc)) {
    const hits = byFindings.get(paragraph.id) ?? [];
    const warnings = placed.get(paragraph.id) ?? [];
    if (hits.length === 0 && warnings.length === 0) continue;
    const severity: MarkSeverity = hits.some((f) => f.severity === 'error') ? 'error' : hits.length > 0 ? 'warning' : 'information';
    marks.push({ paragraphId: paragraph.id, severity, findings: hits, warnings });
  }
  return { marks, notes: unplaced };
}

/** What a mark says, as one line: its findings (`message (CODE)`), then the report's warnings. */
export interface MarkNote {
  severity: MarkSeverity;
  message: string;
  /**
   * Whether the paragraph's prose is in doubt (an error): a renderer showing work in progress (the preview) shows
   * the note instead of the prose; an export, made despite the errors, shows both.
   */
  inDoubt: boolean;
}

/**
 * A mark in words. An error says only its errors: the warnings would qualify figures that cannot be vouched for.
 * Otherwise every finding and warning, each once.
 */
export function markNote(mark: ParagraphMark): MarkNote {
  const error = mark.severity === 'error';
  const findings = mark.findings.filter((f) => !error || f.severity === 'error').map((f) => `${f.message} (${f.code})`);
  const lines = error ? findings : [...findings, ...mark.warnings.map((w) => w.message)];
  return { severity: mark.severity, message: [...new Set(lines)].join(' '), inDoubt: error };
}

/** The notes of a report's marks by paragraph id, for renderers. */
export function markNotes(marks: ReportMarks): Map<string, MarkNote> {
  return new Map(marks.marks.map((m) => [m.paragraphId, markNote(m)]));
}

/** How a note is introduced where colour cannot say it (print, Markdown, screen readers). */
export function severityLabel(severity: MarkSeverity): string {
  return severity === 'error' ? 'Error' : severity === 'warning' ? 'Warning' : 'Note';
}

/** A part of the report a reader can point at (in the preview: a click, or Enter on a focused paragraph). */
export type ReportPart =
  /** A sentence, or without `sentence` a whole paragraph. */
  | { kind: 'text'; paragraph: string; sentence?: number }
  /** The note a mark puts on a paragraph. */
  | { kind: 'mark'; paragraph: string }
  /** The notes before the report. */
  | { kind: 'notes' };

/** What a part of the report is about: the findings it shows and the places it was made from or concerns. */
export interface PartSources {
  findings: Finding[];
  sources: SourceLink[];
}

/**
 * What a part of the report is about. A sentence or paragraph: the places it was made from; but a paragraph in
 * doubt, which shows its note instead of its prose, is about its findings. A mark: its findings, then the places
 * its warnings concern (the cases still to judge). The notes: the places they concern. Nothing for a part no
 * longer in the report.
 */
export function sourcesOfPart(doc: ReportDocument, marks: ReportMarks, part: ReportPart): PartSources {
  if (part.kind === 'notes') return { findings: [], sources: distinctPlaces(marks.notes.flatMap((n) => n.sources)) };
  const mark = marks.marks.find((m) => m.paragraphId === part.paragraph);
  if (part.kind === 'mark')
    return mark ? { findings: mark.findings, sources: distinctPlaces(mark.warnings.flatMap((w) => w.sources)) } : { findings: [], sources: [] };
  if (mark?.severity === 'error' && part.sentence === undefined) return { findings: mark.findings, sources: [] };
  return { findings: [], sources: sourcesOf(doc, part.paragraph, part.sentence) };
}
