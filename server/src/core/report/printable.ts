import type { Paragraph, ReportBlock, ReportDocument, ReportWarning, Sentence } from './document';

// A YAML double-quoted string can hold any code point through an escape ("\0", "\uFFFE"), and a file can carry
// stray control characters. None of them prints, and several make a renderer's output invalid: XML (DOCX)
// forbids C0 controls other than tab and line breaks, U+FFFE, U+FFFF and lone surrogates; HTML calls them
// parse errors; a terminal obeys them. The report is cleaned once, here, so every renderer gets text it can
// write as it is.

// C0 controls but tab, LF and CR; DEL and the C1 controls; the two noncharacters XML forbids; lone surrogates.
const unprintable =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

export function printable(text: string): string {
  return text.replace(unprintable, '');
}

/**
 * Every text the report prints, and its warnings, made printable. Source links (URIs, ranges and the labels an
 * editor shows in a pick list) and ids are not printed and are left alone, so links and keys still match. What
 * needs no change is returned as it is (the same object), so a report of ordinary text is not copied at all.
 */
export function printableReport(doc: ReportDocument): ReportDocument {
  const title = text(doc.title);
  const blocks = each(doc.blocks, block);
  const warnings = each(doc.warnings, warning);
  return title === doc.title && blocks === doc.blocks && warnings === doc.warnings ? doc : { ...doc, title, blocks, warnings };
}

function block(b: ReportBlock): ReportBlock {
  switch (b.kind) {
    case 'letterhead':
      return changed(b, { lines: each(b.lines, text) });
    case 'memo':
      return changed(b, { fields: each(b.fields, (f) => changed(f, { label: text(f.label), value: text(f.value) })) });
    case 'title':
      return changed(b, { text: text(b.text) });
    case 'section':
      return changed(b, { ...(b.heading !== undefined && { heading: text(b.heading) }), blocks: each(b.blocks, block) });
    case 'paragraph':
    case 'note':
      return changed(b, { paragraph: paragraph(b.paragraph) });
    case 'list':
      return changed(b, { items: each(b.items, (i) => changed(i, { text: text(i.text) })) });
    case 'table':
      return changed(b, { rows: each(b.rows, (r) => changed(r, { role: text(r.role), names: each(r.names, text) })) });
    case 'figures':
      return changed(b, { caption: text(b.caption), rows: each(b.rows, (r) => changed(r, { label: text(r.label) })) });
    case 'chart':
      return changed(b, { title: text(b.title), bars: each(b.bars, (r) => changed(r, { label: text(r.label) })) });
  }
}

function paragraph<P extends Paragraph>(p: P): P {
  const sentences = each(p.sentences, sentence);
  return sentences === p.sentences ? p : { ...p, sentences };
}

function sentence(s: Sentence): Sentence {
  return changed(s, { text: text(s.text), ...(s.quote && { quote: changed(s.quote, { intro: text(s.quote.intro), text: text(s.quote.text) }) }) });
}

function warning(w: ReportWarning): ReportWarning {
  return changed(w, { message: text(w.message) });
}

function text(value: string): string {
  unprintable.lastIndex = 0;
  return unprintable.test(value) ? printable(value) : value;
}

/** The values mapped, or the same array when none changed. */
function each<T>(values: readonly T[], clean: (v: T) => T): T[] {
  let copy: T[] | undefined;
  values.forEach((v, i) => {
    const c = clean(v);
    if (c !== v) (copy ??= [...values])[i] = c;
  });
  return copy ?? (values as T[]);
}

/** The object with the cleaned fields, or the same object when none changed. */
function changed<T extends object>(value: T, cleaned: Partial<T>): T {
  const differs = (Object.keys(cleaned) as (keyof T)[]).some((k) => cleaned[k] !== value[k]);
  return differs ? { ...value, ...cleaned } : value;
}
