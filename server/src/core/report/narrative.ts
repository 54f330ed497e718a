import { criterionMarkers, narrativeStretches } from '../model/narrative';
import type { Located } from '../model/reader';
import type { Range } from '../types';
import type { SourceMap } from '../yaml/source';

/** A paragraph of narrative prose: its pieces of text and the criteria whose sentences go between them. */
export interface NarrativeParagraph {
  range: Range;
  parts: ({ text: string } | { criterionId: string })[];
}

/**
 * Splits a narrative block into paragraphs at blank lines and finds each paragraph in the file, so a
 * click in the preview lands on the paragraph rather than the top of the block. A `{OM}`-style marker
 * (a criterion id in braces) stands for that criterion's generated sentences.
 */
export function narrativeParagraphs(block: Located<string>, source: SourceMap, isCriterion: (id: string) => boolean): NarrativeParagraph[] {
  const texts = narrativeStretches(block.value).map((p) =>
    block.value
      .slice(p.start, p.end)
      .replace(/\s*\n\s*/g, ' ')
      .trim(),
  );
  // The block's text: a click on its one paragraph selects the prose, not the `>-` or `|` before it.
  const whole = block.textRange ?? block.range;
  const blockStart = source.offset(whole.start);
  const blockEnd = source.offset(whole.end);
  const starts: (number | undefined)[] = [];
  let from = blockStart;
  for (const text of texts) {
    const at = locate(source.text, text, from, blockEnd);
    starts.push(at);
    if (at !== undefined) from = at + 1;
  }
  return texts.map((text, i) => {
    const start = starts[i];
    // A paragraph not found as written (a quoted string with escapes: "caf\u00e9", "\"para\"") links to the
    // whole block: less exact, never wrong.
    if (texts.length === 1 || start === undefined) return { range: whole, parts: splitMarkers(text, isCriterion) };
    const next = starts.slice(i + 1).find((s) => s !== undefined) ?? blockEnd;
    return { range: source.range([start, trimEnd(source.text, start, Math.max(start, next))]), parts: splitMarkers(text, isCriterion) };
  });
}

/** Where the paragraph's first words start in the file text (words may be split across lines there). */
function locate(text: string, paragraph: string, from: number, to: number): number | undefined {
  const words = paragraph
    .split(/\s+/)
    .slice(0, 4)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(words.join('\\s+'), 'g');
  re.lastIndex = from;
  const m = re.exec(text);
  return m && m.index < to ? m.index : undefined;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}

function splitMarkers(text: string, isCriterion: (id: string) => boolean): NarrativeParagraph['parts'] {
  const parts: NarrativeParagraph['parts'] = [];
  let last = 0;
  for (const m of criterionMarkers(text, isCriterion)) {
    const before = text.slice(last, m.start).trim();
    if (before) parts.push({ text: before });
    parts.push({ criterionId: m.criterionId });
    last = m.end;
  }
  const rest = text.slice(last).trim();
  if (rest) parts.push({ text: rest });
  return parts;
}
