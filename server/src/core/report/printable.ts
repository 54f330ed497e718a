import type { ReportDocument } from './document';

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

/** Every text of the report made printable; URIs, ids and numbers as they are. */
export function printableReport(doc: ReportDocument): ReportDocument {
  return clean(doc, '') as ReportDocument;
}

/**
 * What is not printed as the report's text, and so not walked: source links (ranges, URIs and the labels the
 * editor shows in a pick list) and the figures behind a sentence are most of the model's objects.
 */
const notText = new Set(['sources', 'source', 'range', 'figures']);

/** Keys whose strings are identifiers, not text: left alone so links and keys still match. */
const identifiers = new Set([
  'uri',
  'id',
  'questionId',
  'criterionId',
  'paragraphId',
  'catalogueId',
  'phrasebookId',
  'language',
  'kind',
  'role',
  'style',
  'framing',
  'from',
  'figuresFrom',
  'numbering',
  'severity',
]);

/**
 * The value with its texts made printable. What needs no change is returned as it is (the same object), so a
 * report of ordinary text is not copied at all, and the ranges its links share with the model stay the same
 * objects.
 */
function clean(value: unknown, key: string): unknown {
  if (typeof value === 'string') {
    if (identifiers.has(key)) return value;
    unprintable.lastIndex = 0;
    return unprintable.test(value) ? printable(value) : value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((v, i) => {
      const c = clean(v, key);
      if (c !== v) (copy ??= [...value])[i] = c;
    });
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(value)) {
    if (notText.has(k)) continue;
    const c = clean(v, k);
    if (c !== v) (copy ??= { ...(value as Record<string, unknown>) })[k] = c;
  }
  return copy ?? value;
}
