import type { RenderReport } from '../renderer';
import type { Heading, Paragraph as MdParagraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown, type Unsafe } from 'mdast-util-to-markdown';
import {
  figureCells,
  figureHeadings,
  isNumbered,
  markNotes,
  paragraphText,
  quoteParts,
  severityLabel,
  type MarkNote,
  type FiguresBlock,
  type MarkSeverity,
  type ReportBlock,
  type ReportDocument,
  type ReportMarks,
  type Sentence,
} from '../../core/api';
import { roman } from '../numbering';

/**
 * The report as CommonMark (with a GFM table for the copy-to list). The report is built as a Markdown syntax
 * tree (mdast) and written by mdast-util-to-markdown, which escapes user text for where it stands: a
 * narrative line that would open a heading, a list, a quote, a code block or a setext underline, HTML, or
 * emphasis is escaped (or its leading space written as a character reference), so every string prints as
 * typed and the document has exactly the structure built here.
 */
export interface MarkdownOptions {
  /** The report's marks (core `markReport`): a quoted note before each marked paragraph, and the notes about no paragraph before the report. */
  marks?: ReportMarks;
}

export function renderMarkdown(doc: ReportDocument, options: MarkdownOptions = {}): string {
  const out: RootContent[] = [];
  const marks = options.marks ? markNotes(options.marks) : new Map<string, MarkNote>();
  const note = (severity: MarkSeverity, message: string): RootContent => ({
    type: 'blockquote',
    children: [paragraph([strong(`${severityLabel(severity)}:`), text(` ${message}`)])],
  });
  const heading = (depth: number, value: string | undefined) => {
    if (value) out.push({ type: 'heading', depth: Math.min(depth, 6) as Heading['depth'], children: [text(value)] });
  };

  /** One block at a nesting depth (0: a part of the report; its sections are headed at depth + 2). */
  const block = (b: ReportBlock, depth: number): void => {
    switch (b.kind) {
      case 'letterhead':
        out.push(paragraph(lines(b.lines.map((l) => [text(l)]))));
        return;
      case 'memo':
        out.push(paragraph(lines(b.fields.map((h) => [strong(h.label), text(` ${h.value}`)]))));
        return;
      case 'title':
        heading(1, b.text);
        return;
      case 'section':
        heading(depth + 2, b.heading === undefined ? undefined : b.number === undefined ? b.heading : `${b.number}. ${b.heading}`);
        for (const child of b.blocks) block(child, depth + 1);
        return;
      case 'paragraph': {
        const p = b.paragraph;
        const mark = marks.get(p.id);
        if (mark) out.push(note(mark.severity, mark.message));
        out.push(paragraph(isNumbered(p) ? [strong(`${p.number}.`), text(' '), ...sentencesPhrasing(p.sentences)] : sentencesPhrasing(p.sentences)));
        return;
      }
      case 'list':
        if (b.numbering === 'roman') {
          // Markdown has no roman numbering: numbered lines of one paragraph, as the published reports set them.
          out.push(paragraph(lines(b.items.map((item, i): PhrasingContent[] => [text(`${roman(i + 1)}. ${item.text}`)]))));
        } else {
          out.push({
            type: 'list',
            ordered: false,
            spread: false,
            children: b.items.map((item) => ({ type: 'listItem', spread: false, children: [paragraph([text(item.text)])] })),
          });
        }
        return;
      case 'table':
        out.push(copyTable(b.rows));
        return;
      case 'figures':
        out.push(paragraph([strong(b.caption)]));
        out.push(figuresTable(b));
        return;
      case 'chart':
        // Markdown draws nothing: the figures table just before it is the chart's text alternative, and holds
        // every number it draws.
        return;
      case 'note':
        out.push(paragraph([text(paragraphText(b.paragraph))]));
        return;
    }
  };

  for (const n of options.marks?.notes ?? []) out.push(note('information', n.message));
  for (const b of doc.blocks) block(b, 0);

  const root: Root = { type: 'root', children: out };
  return toMarkdown(root, {
    bullet: '-',
    strong: '*',
    emphasis: '*',
    extensions: [gfmTableToMarkdown({ tablePipeAlign: false })],
    unsafe: gfmUnsafe,
  });
}

/**
 * What GFM readers (GitHub, markdown-it) see beyond CommonMark, escaped anywhere in text: a `|` (a line of pipes
 * followed by a `:--|--:` line makes a table, and the serializer guards only table cells) and a `~` (~~struck~~).
 */
const gfmUnsafe: Unsafe[] = [
  { character: '|', inConstruct: 'phrasing' },
  { character: '~', inConstruct: 'phrasing' },
];

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const paragraph = (children: PhrasingContent[]): MdParagraph => ({ type: 'paragraph', children });

/** Lines of one paragraph, separated by hard breaks. */
function lines(rows: PhrasingContent[][]): PhrasingContent[] {
  return rows.flatMap((row, i) => (i === 0 ? row : [{ type: 'break' }, ...row]));
}

/** A paragraph's sentences joined by spaces; an inspector's quoted words in emphasis, as the HTML and Word set them. */
function sentencesPhrasing(sentences: readonly Sentence[]): PhrasingContent[] {
  return sentences.flatMap((s, i): PhrasingContent[] => {
    const space = i > 0 ? [text(' ')] : [];
    const q = quoteParts(s);
    if (!q) return [...space, text(s.text)];
    return [...space, ...(q.before ? [text(q.before)] : []), { type: 'emphasis', children: [text(q.quote)] }, ...(q.after ? [text(q.after)] : [])];
  });
}

/** The figures table with its header row; counts and shares aligned right. */
function figuresTable(b: FiguresBlock): Table {
  const cell = (value: string) => ({ type: 'tableCell' as const, children: value ? [text(value)] : [] });
  const headings = figureHeadings(b);
  return {
    type: 'table',
    align: headings.map((_, i) => (i >= 1 && i <= 5 ? 'right' : 'left')),
    children: [
      { type: 'tableRow', children: headings.map(cell) },
      ...b.rows.map((r) => ({ type: 'tableRow' as const, children: figureCells(b, r).map(cell) })),
    ],
  };
}

/** The copy-to list as a two-column table; GFM needs a header row, left empty as in the printed report. */
function copyTable(rows: readonly { role: string; names: string[] }[]): Table {
  const cell = (value: string) => ({ type: 'tableCell' as const, children: value ? [text(value.replace(/\s*\r?\n\s*/g, ' '))] : [] });
  return {
    type: 'table',
    children: [
      { type: 'tableRow', children: [cell(''), cell('')] },
      ...rows.map((r) => ({ type: 'tableRow' as const, children: [cell(r.role), cell(r.names.join(', '))] })),
    ],
  };
}

export const render: RenderReport = (doc, { marks }) => renderMarkdown(doc, marks ? { marks } : {});
