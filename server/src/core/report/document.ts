import type { Framing, QuantityKind, Style } from '../commentary/phrasebook';
import type { Range } from '../types';

// The report document model: what every renderer (Markdown, HTML, DOCX, the preview) consumes, and the
// only thing they consume. Plain data (JSON-serialisable), built by buildReport from one inspection.
// Every sentence says where it came from, so a preview can jump to the source and an export can annotate.

/** A place in an SQS file a sentence was made from. */
export interface SourceLink {
  uri: string;
  range: Range;
  role: SourceRole;
  /** A short description for a quick pick or tooltip: "LIV-07 2.2 assessment: not sufficient". */
  label: string;
}

/**
 * - `judgement`: a case's judgement counted in the figures; `reason`: a reason counted in a breakdown;
 * - `stated`: a count stated under `tallies:` in the inspection file (the figures themselves when there are no
 *   case files; otherwise the stated counts the figures are checked against);
 * - `quote`: an inspector's quote in a case file; `narrative`: prose under `narrative:`;
 * - `override`: hand-written commentary under `commentary:`; `field`: a header value (area, dates, names).
 */
export type SourceRole = 'judgement' | 'reason' | 'stated' | 'quote' | 'narrative' | 'override' | 'field';

/**
 * - `generated`: figures worded by the phrasebook; `reasons`: a breakdown of reasons; `quote`: an inspector's quote;
 * - `standard`: fixed wording from the catalogue (possibly filled with inspection values);
 * - `narrative`: the inspection's own prose; `override`: hand-written commentary replacing or adding to the generated.
 */
export type SentenceKind = 'generated' | 'reasons' | 'quote' | 'standard' | 'narrative' | 'override';

/** What a generated sentence states, for tooltips, annotations and tests. */
export interface SentenceFigures {
  questionId: string;
  /** The cases the sentence describes (sufficient ones, or the others under not-sufficient framing) … */
  count: number;
  /** … out of the relevant cases. */
  total: number;
  style: Style;
  framing: Framing;
  /** How the share is worded: a quantity of the phrasebook, or its adverb ("was generally effective"). */
  kind: QuantityKind | 'adverb';
  /** The quantity's canonical phrase ("over three-quarters", "19 out of 22"), or the adverb. */
  phrase: string;
  /** The words the sentence states it with, where they differ from the phrase ("all but 3 out of the 22 relevant" for "all but three"). */
  wording?: string;
  /** Whether the numbers came from the case files or from the stated tallies. */
  from: 'cases' | 'stated';
}

export interface Sentence {
  text: string;
  kind: SentenceKind;
  sources: SourceLink[];
  /** The question a generated, reasons or quote sentence is about ("2.2/review"). */
  questionId?: string;
  /** What a generated sentence states: one entry per question (two when a sentence joins another's). */
  figures?: SentenceFigures[];
  /** For quotes: the introduction and the quoted words, for renderers that set quotes apart. */
  quote?: { intro: string; text: string };
}

export interface Paragraph {
  /** Stable within a report and across re-renders of the same inspection: usable as a DOM id. */
  id: string;
  sentences: Sentence[];
}

/** A commentary paragraph: "2.2. A good quality assessment …". */
export interface NumberedParagraph extends Paragraph {
  /** As printed: "2.2". */
  number: string;
  criterionId: string;
  /** Set when the inspection's `commentary:` replaced the generated sentences. */
  overridden?: boolean;
}

export interface ListItem {
  id: string;
  text: string;
  sources: SourceLink[];
}

export interface HeaderField {
  label: string;
  value: string;
  sources: SourceLink[];
}

export interface CopyRow {
  role: string;
  names: string[];
  sources: SourceLink[];
}

/** Something the generator could not say, and why: shown by the CLI, marked in the preview. */
export interface ReportWarning {
  message: string;
  questionId?: string;
  sources: SourceLink[];
}

/**
 * The report as an ordered tree of typed blocks, the one statement of what the report holds and in what order:
 * every renderer, the preview and navigation are a switch over `kind`. A new kind of content (a figures table,
 * a chart) is a new member here, and the compiler then names every switch that must learn it.
 */
export type ReportBlock =
  LetterheadBlock | MemoBlock | TitleBlock | SectionBlock | ParagraphBlock | ListBlock | TableBlock | FiguresBlock | ChartBlock | NoteBlock;

/** The inspectorate's address lines above the letter. */
export interface LetterheadBlock {
  kind: 'letterhead';
  lines: string[];
}

/** The letter's "To: / From: / Date:" lines. */
export interface MemoBlock {
  kind: 'memo';
  fields: HeaderField[];
}

/** The report's title, printed as its top heading. */
export interface TitleBlock {
  kind: 'title';
  text: string;
}

/** What a section is in the letter: renderers style some apart (the commentary, its themes, the copy-to table). */
export type SectionRole =
  'context' | 'summary' | 'commentary' | 'theme' | 'operational-management' | 'key-strengths' | 'areas-for-improvement' | 'closing' | 'copy-to' | 'figures';

/**
 * A part of the letter with an optional heading and the blocks under it. Its heading's level is its depth: a
 * section of the report is headed one level below the title, a section in a section (a theme of the commentary)
 * one level further down. A section with no heading and nothing in it prints nothing.
 */
export interface SectionBlock {
  kind: 'section';
  id: string;
  role: SectionRole;
  heading?: string;
  /** Printed before the heading: a theme's number ("1."). */
  number?: number;
  blocks: ReportBlock[];
}

/** A paragraph of prose; a numbered one (`NumberedParagraph`) is a criterion's commentary. */
export interface ParagraphBlock {
  kind: 'paragraph';
  paragraph: Paragraph | NumberedParagraph;
}

/** Bulleted (key strengths) or roman-numbered (areas requiring improvement: i., ii., …) entries. */
export interface ListBlock {
  kind: 'list';
  numbering: 'bullet' | 'roman';
  items: ListItem[];
}

/** The copy-to list: a role and its people per row. */
export interface TableBlock {
  kind: 'table';
  rows: CopyRow[];
}

/**
 * The figures behind the commentary, one row per question: what the inspectors' copy adds to the letter, and what
 * a reader who works in numbers reads first. Every number is the one the commentary words (the case files'
 * tallies, or the stated counts of an inspection recorded as tallies only).
 */
export interface FiguresBlock {
  kind: 'figures';
  /** A DOM id: the chart names it as its text alternative. */
  id: string;
  caption: string;
  /** In catalogue order. */
  rows: FigureRow[];
  /** How many other inspections the comparison column draws on, when the report was asked to compare. */
  compared?: { inspections: number };
}

export interface FigureRow {
  questionId: string;
  criterionId: string;
  /** The question as inspectors name it: "1.1 report", "1.2". */
  label: string;
  /** A review question: `relevant` is the reviews due, `done` those that took place. */
  review: boolean;
  /** Relevant cases judged (reviews: due); undefined when a tallies-only inspection states none. */
  relevant?: number;
  /** Reviews only. */
  done?: number;
  sufficient?: number;
  notSufficient?: number;
  /** Sufficient out of relevant, from 0 to 1; undefined when there is nothing to divide by. */
  share?: number;
  /** Reasons given by the not-sufficient cases, in catalogue order, those given at least once. */
  reasons: { code: string; count: number }[];
  /** Relevant cases not judged yet: the figures leave them out. */
  unjudged: number;
  /** The other inspections' mean share (unweighted), when the report compares. */
  compared?: ComparedShare;
  /** The judgements or stated counts the row is made from. */
  sources: SourceLink[];
}

/** The unweighted mean of other inspections' share sufficient for a question, and how many there are. */
export interface ComparedShare {
  mean: number;
  inspections: number;
}

/**
 * Share sufficient per question as a horizontal bar chart. Its text alternative is the figures table it names
 * (`describedBy`), which holds every number the chart draws.
 */
export interface ChartBlock {
  kind: 'chart';
  id: string;
  title: string;
  /** The id of the figures block. */
  describedBy: string;
  /** The questions with at least one relevant case, in catalogue order. */
  bars: ChartBar[];
}

export interface ChartBar {
  questionId: string;
  label: string;
  sufficient: number;
  relevant: number;
  /** sufficient / relevant. */
  share: number;
  /** The other inspections' mean share, when compared. */
  mean?: number;
}

/** The small print at the very end of the letter. */
export interface NoteBlock {
  kind: 'note';
  paragraph: Paragraph;
}

export interface ReportDocument {
  /** The inspection file's URI. */
  uri: string;
  catalogueId: string;
  phrasebookId: string;
  /** The language of the wording (the phrasebook's, BCP 47: "en"). */
  language: string;
  /** `cases` when case files exist (their tallies are the figures), else `stated`. */
  figuresFrom: 'cases' | 'stated';
  /** The title, for a page's or a file's properties (the title block prints it). */
  title: string;
  /** What the report prints, in order. */
  blocks: ReportBlock[];
  warnings: ReportWarning[];
}

export function isNumbered(p: Paragraph): p is NumberedParagraph {
  return 'number' in p;
}

/**
 * A quote sentence cut where the inspector's words are ("An inspector noted: " · "the words" · "."), for the
 * renderers to set them apart; undefined for any other sentence. The words are looked for from the end: the
 * quote closes the sentence, and the same words may also be in its introduction.
 */
export function quoteParts(s: Sentence): { before: string; quote: string; after: string } | undefined {
  if (!s.quote || s.quote.text.trim() === '') return undefined;
  const at = s.text.lastIndexOf(s.quote.text);
  if (at < 0) return undefined;
  return { before: s.text.slice(0, at), quote: s.quote.text, after: s.text.slice(at + s.quote.text.length) };
}

/** The text of a paragraph as printed: its sentences joined by spaces. */
export function paragraphText(p: { sentences: readonly Sentence[] }): string {
  return p.sentences.map((s) => s.text).join(' ');
}
