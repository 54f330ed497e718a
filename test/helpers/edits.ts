import type { Position, Range } from '../../server/src/core/api';

interface Edit {
  range: Range;
  newText: string;
}

function offsetAt(text: string, p: Position): number {
  let line = 0;
  let i = 0;
  while (line < p.line) {
    const next = text.indexOf('\n', i);
    if (next < 0) return text.length;
    i = next + 1;
    line++;
  }
  const end = text.indexOf('\n', i);
  return Math.min(i + p.character, end < 0 ? text.length : end);
}

/** Applies non-overlapping edits the way an editor does (all ranges refer to the original text). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
