import type { Span } from './source';

/**
 * Where each character of a scalar's value sits in the source, so a phrase found in the value can be
 * underlined (and replaced) in the file. YAML changes text on the way in: quotes and escapes, folded line
 * breaks, block indentation. The value and its source are aligned character by character; a run of
 * source whitespace (a fold, an indented line) stands for the value's whitespace.
 *
 * Returns `offsets[i]` for every index of the value and `offsets[value.length]` for its end, or undefined
 * when the two cannot be aligned (the caller then reports on the whole value).
 */
export function scalarOffsets(text: string, [from, to]: Span, value: string): number[] | undefined {
  let j = from;
  const first = text[j];
  const quote = first === '"' || first === "'" ? first : undefined;
  if (quote) j++;
  else if (first === '|' || first === '>') {
    const eol = text.indexOf('\n', j);
    if (eol < 0) return undefined;
    j = eol + 1;
  }
  const offsets: number[] = [];
  const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quote === '"' && text[j] === '\\' && j < to) {
      offsets.push(j);
      j += escapeLength(text, j);
      continue;
    }
    if (quote === "'" && c === "'" && text[j] === "'" && text[j + 1] === "'") {
      offsets.push(j);
      j += 2;
      continue;
    }
    if (text[j] === c) {
      offsets.push(j);
      j++;
      // A kept line break (a literal block): the next line's indentation is not in the value.
      if (c === '\n') while (j < to && (text[j] === ' ' || text[j] === '\t')) j++;
      continue;
    }
    if (isSpace(c)) {
      // A folded line break (or CRLF): the whole run of source whitespace stands for it.
      offsets.push(j);
      while (j < to && isSpace(text[j])) j++;
      continue;
    }
    // Only whitespace the value does not show may lie between here and the character.
    const next = text.indexOf(c, j);
    if (next < 0 || next >= to || /[^\s\\'"]/.test(text.slice(j, next))) return undefined;
    offsets.push(next);
    j = next + 1;
  }
  offsets.push(j);
  return offsets;
}

function escapeLength(text: string, at: number): number {
  const kind = text[at + 1];
  if (kind === 'x') return 4;
  if (kind === 'u') return 6;
  if (kind === 'U') return 10;
  if (kind === '\n' || kind === '\r') {
    // An escaped line break joins lines; the leading indentation of the next line goes too.
    let j = at + 1;
    while (text[j] === '\n' || text[j] === '\r' || text[j] === ' ' || text[j] === '\t') j++;
    return j - at;
  }
  return 2;
}
