import { paragraphText, type ListSection, type Paragraph, type ReportDocument, type Section } from '../core/index';
import { roman } from './numbering';

/**
 * The report as CommonMark. Every user string is escaped, so a name with an asterisk or a quote with a
 * `#` prints as typed rather than as formatting.
 */
export function renderMarkdown(doc: ReportDocument): string {
  const out: string[] = [];
  const para = (p: Paragraph | undefined) => {
    if (p) out.push(escape(paragraphText(p)));
  };
  const section = (s: Section | undefined, level = 2) => {
    if (!s) return;
    if (s.heading) out.push(`${'#'.repeat(level)} ${escape(s.heading)}`);
    for (const p of s.paragraphs) para(p);
  };
  const list = (l: ListSection | undefined) => {
    if (!l) return;
    if (l.heading) out.push(`## ${escape(l.heading)}`);
    para(l.intro);
    out.push(l.items.map((item, i) => (l.numbering === 'roman' ? `${roman(i + 1)}. ${escape(item.text)}` : `- ${escape(item.text)}`)).join(l.numbering === 'roman' ? '  \n' : '\n'));
    para(l.outro);
  };

  if (doc.letterhead.length > 0) out.push(doc.letterhead.map(escape).join('  \n'));
  if (doc.header.length > 0) out.push(doc.header.map((h) => `**${escape(h.label)}** ${escape(h.value)}`).join('  \n'));
  out.push(`# ${escape(doc.title)}`);
  for (const p of doc.opening) para(p);
  section(doc.context);
  section(doc.summary);
  if (doc.commentary.heading) out.push(`## ${escape(doc.commentary.heading)}`);
  for (const theme of doc.commentary.themes) {
    out.push(`### ${theme.number}. ${escape(theme.title)}`);
    for (const p of theme.paragraphs) out.push(`**${escape(p.number)}.** ${escape(paragraphText(p))}`);
  }
  section(doc.operationalManagement);
  list(doc.keyStrengths);
  list(doc.areasForImprovement);
  section(doc.closing);
  if (doc.copyTo) {
    if (doc.copyTo.heading) out.push(`## ${escape(doc.copyTo.heading)}`);
    out.push(['| | |', '|---|---|', ...doc.copyTo.rows.map((r) => `| ${cell(r.role)} | ${cell(r.names.join(', '))} |`)].join('\n'));
  }
  para(doc.note);
  return `${out.join('\n\n')}\n`;
}

/**
 * Backslash-escapes what CommonMark would read as formatting: emphasis, code, links, HTML, and a line
 * opening with a heading, list, quote or rule marker.
 */
export function escape(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/^(\s*)([#+\-=>]|\d+[.)])(?=\s|$)/gm, (_m, space: string, marker: string) => `${space}${marker.replace(/([#+\-=>.)])$/, '\\$1')}`);
}

function cell(text: string): string {
  return escape(text).replace(/\r?\n/g, ' ');
}
