import type { Paragraph as MdParagraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown, type Unsafe } from 'mdast-util-to-markdown';
import {
  markNotes,
  paragraphText,
  quoteParts,
  severityLabel,
  type ListSection,
  type MarkNote,
  type MarkSeverity,
  type Paragraph,
  type ReportDocument,
  type ReportMarks,
  type Section,
  type Sentence,
} from '../core/index';
import { roman } from './numbering';

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
  const marked = (p: Paragraph) => {
    const mark = marks.get(p.id);
    if (mark) out.push(note(mark.severity, mark.message));
  };
  const para = (p: Paragraph | undefined) => {
    if (!p) return;
    marked(p);
    out.push(paragraph(sentencesPhrasing(p.sentences)));
  };
  const heading = (depth: 1 | 2 | 3, value: string | undefined) => {
    if (value) out.push({ type: 'heading', depth, children: [text(value)] });
  };
  const section = (s: Section | undefined) => {
    if (!s) return;
    heading(2, s.heading);
    s.paragraphs.forEach(para);
  };
  const list = (l: ListSection | undefined) => {
    if (!l) return;
    heading(2, l.heading);
    para(l.intro);
    if (l.numbering === 'roman') {
      // Markdown has no roman numbering: numbered lines of one paragraph, as the published reports set them.
      out.push(paragraph(lines(l.items.map((item, i): PhrasingContent[] => [text(`${roman(i + 1)}. ${item.text}`)]))));
    } else {
      out.push({
        type: 'list',
        ordered: false,
        spread: false,
        children: l.items.map((item) => ({ type: 'listItem', spread: false, children: [paragraph([text(item.text)])] })),
      });
    }
    para(l.outro);
  };

  for (const n of options.marks?.notes ?? []) out.push(note('information', n.message));
  if (doc.letterhead.length > 0) out.push(paragraph(lines(doc.letterhead.map((l) => [text(l)]))));
  if (doc.header.length > 0) out.push(paragraph(lines(doc.header.map((h) => [strong(h.label), text(` ${h.value}`)]))));
  heading(1, doc.title);
  doc.opening.forEach(para);
  section(doc.context);
  section(doc.summary);
  heading(2, doc.commentary.heading);
  for (const theme of doc.commentary.themes) {
    heading(3, `${theme.number}. ${theme.title}`);
    for (const p of theme.paragraphs) {
      marked(p);
      out.push(paragraph([strong(`${p.number}.`), text(' '), ...sentencesPhrasing(p.sentences)]));
    }
  }
  section(doc.operationalManagement);
  list(doc.keyStrengths);
  list(doc.areasForImprovement);
  section(doc.closing);
  if (doc.copyTo) {
    heading(2, doc.copyTo.heading);
    out.push(copyTable(doc.copyTo.rows));
  }
  if (doc.note) out.push(paragraph([text(paragraphText(doc.note))]));

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
