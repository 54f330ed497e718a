import { escapeAttribute, escapeText } from 'entities';
import {
  isNumbered,
  markNotes,
  figureCells,
  figureHeadings,
  quoteParts,
  sentenceKey,
  severityLabel,
  type MarkNote,
  type Paragraph,
  type ReportBlock,
  type ReportDocument,
  type ReportMarks,
  type SectionRole,
  type Sentence,
  type SourceLink,
} from '../core/api';
import { chartSvg } from './chartSvg';
import { printCss, printFiguresCss, themeCss } from './styles';

export interface HtmlOptions {
  /** `document` (default): a standalone page; `fragment`: only the report's <article>, for a page of one's own. */
  output?: 'document' | 'fragment';
  /** `print` (default): fixed colours, A4 pages; `theme`: colours and fonts from VS Code's --vscode-* variables; `none`. */
  styles?: 'print' | 'theme' | 'none';
  /** Put on the <style> element, for a Content-Security-Policy that allows only nonce'd styles. */
  nonce?: string;
  /**
   * `none` (default): nothing of where the text came from, as a report for publication must be (the case
   * files' names and paths can identify children and say whose machine it was made on); `keys`: each sentence
   * carries `data-sentence` (its key, see sentenceByKey); `full`: also `data-source` (its source places,
   * "uri#L1:C1-L2:C2" 1-based, space-separated) and the inspection file's `data-uri` on the article.
   */
  sourceLinks?: 'full' | 'keys' | 'none';
  /**
   * The report's marks (core `markReport`): each marked paragraph shows its note before its prose, and the notes
   * about no paragraph come before the report, for its author.
   */
  marks?: ReportMarks;
  /** Leave the prose of a paragraph in doubt (an error mark) out, showing only the note: the preview's choice. */
  hideMarkedText?: boolean;
  /** The page title (default: the report's title). */
  title?: string;
  /** The language of the text (default: the document's, from its phrasebook). */
  lang?: string;
}

/**
 * The report as HTML. Every user string goes through `entities` (text and attribute escaping), so names,
 * quotes and narrative print as typed and cannot inject markup; the page has no script.
 */
export function renderHtml(doc: ReportDocument, options: HtmlOptions = {}): string {
  const r = new HtmlRenderer(doc, options);
  const article = r.article();
  if (options.output === 'fragment') return article;
  // The figures' rules are added only to a report that has figures, so a letter without them is the page it always was.
  const figures = hasFigures(doc.blocks);
  const css = options.styles === 'theme' ? themeCss : options.styles === 'none' ? '' : figures ? `${printCss}\n${printFiguresCss}` : printCss;
  const nonce = options.nonce !== undefined ? ` nonce="${escapeAttribute(options.nonce)}"` : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeAttribute(options.lang ?? doc.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(options.title ?? doc.title)}</title>`,
    ...(css ? [`<style${nonce}>`, css, '</style>'] : []),
    '</head>',
    '<body>',
    article,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The sections the stylesheets set apart. */
const sectionClasses: Partial<Record<SectionRole, string>> = { commentary: 'commentary', theme: 'theme', 'copy-to': 'copy-to' };

class HtmlRenderer {
  private readonly notes: ReadonlyMap<string, MarkNote>;
  private readonly links: NonNullable<HtmlOptions['sourceLinks']>;

  constructor(
    private readonly doc: ReportDocument,
    private readonly options: HtmlOptions,
  ) {
    this.notes = options.marks ? markNotes(options.marks) : new Map();
    this.links = options.sourceLinks ?? 'none';
  }

  article(): string {
    const d = this.doc;
    const parts: string[] = [];
    const notes = (this.options.marks?.notes ?? []).map((n) => n.message);
    if (notes.length > 0) parts.push(`<aside class="notes" role="note">${notes.map((n) => `<p>${escapeText(n)}</p>`).join('')}</aside>`);
    for (const b of d.blocks) parts.push(this.block(b, 0));
    const uri = this.links === 'full' ? ` data-uri="${escapeAttribute(d.uri)}"` : '';
    return `<article class="sqs-report"${uri} data-phrasebook="${escapeAttribute(d.phrasebookId)}" data-figures="${d.figuresFrom}">\n${parts.filter((p) => p).join('\n')}\n</article>`;
  }

  /** One block at a nesting depth (0: a part of the report, whose heading is an <h2>). */
  private block(b: ReportBlock, depth: number): string {
    switch (b.kind) {
      case 'letterhead':
        return `<header class="letterhead">${b.lines.map((l) => `<p>${escapeText(l)}</p>`).join('')}</header>`;
      case 'memo':
        return `<dl class="memo">${b.fields.map((h) => `<div${this.sourceAttr(h.sources)}><dt>${escapeText(h.label)}</dt><dd>${escapeText(h.value)}</dd></div>`).join('')}</dl>`;
      case 'title':
        return `<h1>${escapeText(b.text)}</h1>`;
      case 'section': {
        if (b.blocks.length === 0 && !b.heading) return '';
        const level = Math.min(depth + 2, 6);
        const number = b.number === undefined ? '' : `<span class="number">${b.number}.</span> `;
        const heading = b.heading ? `<h${level}>${number}${escapeText(b.heading)}</h${level}>` : '';
        const className = sectionClasses[b.role];
        return `<section id="${escapeAttribute(b.id)}"${className ? ` class="${className}"` : ''}>${heading}${b.blocks.map((c) => this.block(c, depth + 1)).join('')}</section>`;
      }
      case 'paragraph': {
        const p = b.paragraph;
        return isNumbered(p) ? this.paragraph(p, `${p.number}.`, p.overridden ? 'overridden' : undefined) : this.paragraph(p);
      }
      case 'list': {
        const tag = b.numbering === 'roman' ? 'ol type="i" class="roman"' : 'ul';
        const items = b.items.map((item) => `<li id="${escapeAttribute(item.id)}"${this.sourceAttr(item.sources)}>${escapeText(item.text)}</li>`).join('');
        return `<${tag}>${items}</${tag.split(' ')[0]}>`;
      }
      case 'table': {
        const rows = b.rows
          .map((row) => `<tr${this.sourceAttr(row.sources)}><th scope="row">${escapeText(row.role)}</th><td>${escapeText(row.names.join(', '))}</td></tr>`)
          .join('');
        return `<table><tbody>${rows}</tbody></table>`;
      }
      case 'figures': {
        const headings = figureHeadings(b)
          .map((h) => `<th scope="col">${escapeText(h)}</th>`)
          .join('');
        const rows = b.rows
          .map((row) => {
            const [label, ...cells] = figureCells(b, row);
            // Counts and shares align right; the reasons and the comparison are words.
            const tds = cells.map((c, i) => `<td class="${i < 5 ? 'num' : i === 5 ? 'reasons' : 'compared'}">${escapeText(c)}</td>`).join('');
            return `<tr${this.sourceAttr(row.sources)}><th scope="row">${escapeText(label!)}</th>${tds}</tr>`;
          })
          .join('');
        return `<table class="figures" id="${escapeAttribute(b.id)}"><caption>${escapeText(b.caption)}</caption><thead><tr>${headings}</tr></thead><tbody>${rows}</tbody></table>`;
      }
      case 'chart':
        return `<figure class="chart" id="${escapeAttribute(b.id)}"><figcaption>${escapeText(b.title)}${
          b.bars.some((bar) => bar.mean !== undefined) ? ' <span class="legend">(the mark on each bar: the mean of the other inspections)</span>' : ''
        }</figcaption>${chartSvg(b)}</figure>`;
      case 'note':
        return this.paragraph(b.paragraph, undefined, 'note');
    }
  }

  private paragraph(p: Paragraph, number?: string, className?: string): string {
    const mark = this.notes.get(p.id);
    const classes = [number ? 'numbered' : undefined, className, mark ? `marked ${mark.severity}` : undefined].filter(Boolean).join(' ');
    const hide = mark?.inDoubt && this.options.hideMarkedText;
    const body = hide ? '' : p.sentences.map((s, i) => this.sentence(p.id, i, s)).join(' ');
    // The label says in words what the mark's colour says, for print and for screen readers.
    const markHtml = mark
      ? `<span class="mark" role="note"><span class="label">${severityLabel(mark.severity)}:</span> ${escapeText(mark.message)}</span>${body ? ' ' : ''}`
      : '';
    const num = number ? `<span class="number">${escapeText(number)}</span> ` : '';
    return `<p id="${escapeAttribute(p.id)}"${classes ? ` class="${classes}"` : ''}>${num}${markHtml}${body}</p>`;
  }

  private sentence(paragraphId: string, index: number, s: Sentence): string {
    const links = this.links;
    const attrs =
      links === 'none'
        ? ''
        : ` data-sentence="${escapeAttribute(sentenceKey(paragraphId, index))}" data-kind="${s.kind}"${links === 'full' ? this.sourceAttr(s.sources) : ''}`;
    const text = s.quote ? this.quoteHtml(s) : escapeText(s.text);
    return `<span class="sentence ${s.kind}"${attrs}>${text}</span>`;
  }

  /** A quote sets the inspector's words in a <q>-like span, keeping the exact text of the sentence. */
  private quoteHtml(s: Sentence): string {
    const q = quoteParts(s);
    if (!q) return escapeText(s.text);
    return `${escapeText(q.before)}<span class="quoted">${escapeText(q.quote)}</span>${escapeText(q.after)}`;
  }

  private sourceAttr(sources: readonly SourceLink[]): string {
    if (this.links !== 'full' || sources.length === 0) return '';
    const encoded = [...new Set(sources.map(encodeSource))].join(' ');
    return ` data-source="${escapeAttribute(encoded)}"`;
  }
}

function hasFigures(blocks: readonly ReportBlock[]): boolean {
  return blocks.some((b) => b.kind === 'figures' || b.kind === 'chart' || (b.kind === 'section' && hasFigures(b.blocks)));
}

/** "file:///…/liv-07.case.sqs.yaml#L12:5-L12:19" (1-based, as editors show positions). Spaces in URIs are %-encoded. */
export function encodeSource(s: SourceLink): string {
  const { start, end } = s.range;
  return `${s.uri.replace(/ /g, '%20')}#L${start.line + 1}:${start.character + 1}-L${end.line + 1}:${end.character + 1}`;
}
