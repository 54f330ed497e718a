import type { RenderReport } from '../renderer';
import {
  AlignmentType,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph as DocxParagraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ICommentOptions,
  type ParagraphChild,
} from 'docx';
import { ChartRun } from 'docx/charts';
import {
  figureCells,
  figureHeadings,
  isNumbered,
  markNotes,
  paragraphText,
  quoteParts,
  severityLabel,
  type MarkNote,
  type ChartBlock,
  type FiguresBlock,
  type MarkSeverity,
  type Paragraph,
  type ReportBlock,
  type ReportDocument,
  type ReportMarks,
  type Sentence,
} from '../../core/api';

export interface DocxOptions {
  /**
   * Add a Word comment to each generated sentence saying what it states and where from (the cases judged
   * not sufficient, or the stated counts), for a reviewer checking the figures. Off by default.
   */
  annotate?: boolean;
  /**
   * The report's marks (core `markReport`): a note in the mark's colour before each marked paragraph, and the
   * notes about no paragraph before the report. Printed, not a comment: a report rendered despite errors says so.
   */
  marks?: ReportMarks;
}

const markColours: Record<MarkSeverity, string> = { error: 'AA0000', warning: '8A5A00', information: '8A5A00' };

const bullets = 'sqs-bullets';
const romans = 'sqs-roman';
/** Hanging indent for "2.2." paragraphs, in twentieths of a point (0.5 inch). */
const hanging = 720;

/**
 * The report as a Word document (the `docx` package): headings, the commentary's numbered paragraphs,
 * bulleted strengths, roman-numbered areas for improvement and the copy-to table. Criterion numbers are
 * written as text with a hanging indent rather than Word list numbering, because they are the criterion
 * ids: an omitted criterion must not renumber the ones after it.
 */
export async function renderDocx(doc: ReportDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const children: (DocxParagraph | Table)[] = [];
  const comments: ICommentOptions[] = [];
  const runs = (sentences: readonly Sentence[]): ParagraphChild[] => sentenceRuns(sentences, options.annotate ? comments : undefined);
  const plain = (text: string, options: { bold?: boolean; size?: number } = {}) => new DocxParagraph({ children: [new TextRun({ text, ...options })] });
  const marks = options.marks ? markNotes(options.marks) : new Map<string, MarkNote>();
  const note = (severity: MarkSeverity, message: string, indent?: { left: number }) => {
    const color = markColours[severity];
    children.push(
      new DocxParagraph({
        children: [new TextRun({ text: `${severityLabel(severity)}: `, bold: true, color }), new TextRun({ text: message, color })],
        ...(indent && { indent }),
        spacing: { after: 80 },
      }),
    );
  };
  const marked = (p: Paragraph, indent?: { left: number }) => {
    const mark = marks.get(p.id);
    if (mark) note(mark.severity, mark.message, indent);
  };
  const heading = (text: string | undefined, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => {
    if (text) children.push(new DocxParagraph({ text, heading: level }));
  };

  /** One block at a nesting depth (0: a part of the report, headed at Heading 2). */
  const block = (b: ReportBlock, depth: number): void => {
    switch (b.kind) {
      case 'letterhead':
        for (const line of b.lines) children.push(plain(line, { size: 18 }));
        children.push(new DocxParagraph({}));
        return;
      case 'memo':
        for (const h of b.fields) children.push(new DocxParagraph({ children: [new TextRun({ text: `${h.label} `, bold: true }), new TextRun(h.value)] }));
        return;
      case 'title':
        heading(b.text, HeadingLevel.HEADING_1);
        return;
      case 'section':
        heading(b.number === undefined || !b.heading ? b.heading : `${b.number}. ${b.heading}`, depth === 0 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3);
        for (const child of b.blocks) block(child, depth + 1);
        return;
      case 'paragraph': {
        const p = b.paragraph;
        if (!isNumbered(p)) {
          marked(p);
          children.push(new DocxParagraph({ children: runs(p.sentences), spacing: { after: 160 } }));
          return;
        }
        marked(p, { left: hanging });
        children.push(
          new DocxParagraph({
            children: [new TextRun({ text: `${p.number}.`, bold: true }), new TextRun({ children: [new Tab()] }), ...runs(p.sentences)],
            indent: { left: hanging, hanging },
            tabStops: [{ type: 'left', position: hanging }],
            spacing: { after: 160 },
          }),
        );
        return;
      }
      case 'list':
        for (const item of b.items) {
          children.push(new DocxParagraph({ text: item.text, numbering: { reference: b.numbering === 'roman' ? romans : bullets, level: 0 } }));
        }
        return;
      case 'table': {
        const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
        const borders = { top: border, bottom: border, left: border, right: border };
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: b.rows.map(
              (row) =>
                new TableRow({
                  children: [
                    new TableCell({ borders, width: { size: 45, type: WidthType.PERCENTAGE }, children: [plain(row.role)] }),
                    new TableCell({ borders, width: { size: 55, type: WidthType.PERCENTAGE }, children: [plain(row.names.join(', '))] }),
                  ],
                }),
            ),
          }),
        );
        return;
      }
      case 'figures':
        children.push(new DocxParagraph({ children: [new TextRun({ text: b.caption, bold: true })], spacing: { before: 120, after: 80 }, keepNext: true }));
        children.push(figuresTable(b));
        children.push(new DocxParagraph({}));
        return;
      case 'chart':
        if (b.bars.length > 0) children.push(new DocxParagraph({ children: [chartRun(b)] }));
        return;
      case 'note':
        children.push(new DocxParagraph({}));
        children.push(new DocxParagraph({ children: [new TextRun({ text: paragraphText(b.paragraph), size: 18 })] }));
        return;
    }
  };

  for (const n of options.marks?.notes ?? []) note('information', n.message);
  for (const b of doc.blocks) block(b, 0);

  const document = new Document({
    title: doc.title,
    creator: 'SQS Findings',
    // No path: the file is for publication, and where it was made is nobody's business.
    description: `Generated by SQS Findings (catalogue ${doc.catalogueId}, phrasebook ${doc.phrasebookId}).`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    numbering: {
      config: [
        {
          reference: bullets,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: hanging, hanging: 360 } } },
            },
          ],
        },
        {
          reference: romans,
          levels: [
            {
              level: 0,
              format: LevelFormat.LOWER_ROMAN,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: hanging, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    ...(comments.length > 0 && { comments: { children: comments } }),
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** The figures table: a header row repeated on each page, counts and shares aligned right, 9 points. */
function figuresTable(b: FiguresBlock): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const numeric = (i: number) => i >= 1 && i <= 5;
  const cell = (text: string, i: number, bold = false) =>
    new TableCell({
      borders,
      children: [new DocxParagraph({ children: [new TextRun({ text, size: 18, bold })], ...(numeric(i) && { alignment: AlignmentType.RIGHT }) })],
    });
  // Twentieths of a point over the 9,026 between A4's one-inch margins: the reasons are the only long cells.
  const widths = b.compared ? [1200, 760, 760, 760, 760, 760, 2626, 1400] : [1300, 820, 820, 820, 820, 820, 3626];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: figureHeadings(b).map((h, i) => cell(h, i, true)) }),
      ...b.rows.map((r) => new TableRow({ cantSplit: true, children: figureCells(b, r).map((c, i) => cell(c, i)) })),
    ],
  });
}

/**
 * The chart as Word's own bar chart (its data in an embedded workbook, so "Edit Data" opens it), not a picture:
 * it prints sharp, takes the document's theme and is described to screen readers from its data. Shares are
 * percentages; the first question at the top, as in the table.
 */
function chartRun(b: ChartBlock): ChartRun {
  const pct = (share: number) => Math.round(share * 1000) / 10;
  const compared = b.bars.some((bar) => bar.mean !== undefined);
  return new ChartRun({
    type: 'bar',
    title: { text: b.title, font: { size: 11, bold: true } },
    categories: b.bars.map((bar) => bar.label),
    series: [
      { name: '% sufficient', values: b.bars.map((bar) => pct(bar.share)), color: '1F4E79' },
      ...(compared
        ? [{ name: 'Mean of other inspections', values: b.bars.map((bar) => (bar.mean === undefined ? null : pct(bar.mean))), color: 'C55A11' }]
        : []),
    ],
    categoryAxis: { reverseOrder: true, font: { size: 8 } },
    valueAxis: { minimum: 0, maximum: 100, interval: 25, numberFormat: '0"%"', font: { size: 8 } },
    dataLabels: { value: true, numberFormat: '0"%"', font: { size: 7 } },
    gapWidth: 40,
    legend: compared ? { position: 'bottom' } : false,
    // 6 inches wide; a row per question.
    transformation: { width: 576, height: Math.min(900, 70 + b.bars.length * (compared ? 26 : 18)) },
    font: { name: 'Arial' },
  });
}

/** A paragraph's sentences as runs; an inspector's quoted words in italics; generated figures annotated when asked. */
function sentenceRuns(sentences: readonly Sentence[], comments: ICommentOptions[] | undefined): ParagraphChild[] {
  return sentences.flatMap((s, i): ParagraphChild[] => {
    const space = i > 0 ? ' ' : '';
    const q = quoteParts(s);
    const text: TextRun[] = q
      ? [new TextRun(space + q.before), new TextRun({ text: q.quote, italics: true }), new TextRun(q.after)]
      : [new TextRun(space + s.text)];
    const note = comments && annotation(s);
    if (!comments || !note) return text;
    const id = comments.length;
    comments.push({ id, author: 'SQS Findings', initials: 'SQS', children: note.map((line) => new DocxParagraph(line)) });
    return [new CommentRangeStart(id), ...text, new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })];
  });
}

/** What a generated sentence states and where from, as comment lines. */
function annotation(s: Sentence): string[] | undefined {
  if (s.kind !== 'generated' && s.kind !== 'reasons') return undefined;
  const lines = (s.figures ?? []).map(
    (f) =>
      `${f.questionId}: ${f.count} of ${f.total}${f.framing === 'not-sufficient' ? ' not sufficient' : ''} ("${f.wording ?? f.phrase}", ${f.style}), from the ${f.from === 'cases' ? 'case files' : 'stated tallies'}.`,
  );
  const short = s.sources.filter((l) => (l.role === 'judgement' && l.label.endsWith(': not sufficient')) || l.role === 'reason').map((l) => l.label);
  if (short.length > 0) lines.push(`${s.kind === 'reasons' ? 'Reasons' : 'Not sufficient'}: ${short.join('; ')}.`);
  const stated = s.sources.filter((l) => l.role === 'stated').map((l) => l.label);
  if (stated.length > 0) lines.push(`Stated: ${stated.join('; ')}.`);
  return lines.length > 0 ? lines : undefined;
}

export const render: RenderReport = (doc, { marks, annotate }) => renderDocx(doc, { annotate: annotate ?? false, ...(marks && { marks }) });
