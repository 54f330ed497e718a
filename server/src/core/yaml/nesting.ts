// yaml reads nesting by recursion: a few hundred levels of `[` exhaust the stack (each level then reports an error
// of its own), a hundred thousand cost it over a second, and `- - - …` or `{{{…` tens of thousands deep can make
// the process run out of memory. An SQS file needs two or three levels. So before yaml sees a text, a scan in
// one pass finds where lists or mappings nest deeper than the limit, and those parts are blanked: read as spaces,
// line breaks kept, so every offset of the rest stays where it was and the rest of the file is still read.

/** A place where the nesting went past the limit, and the span blanked from there. */
export interface TooDeep {
  start: number;
  end: number;
}

export interface Limited {
  /**
   * The text to parse, every offset where it was in the input: the too-deep parts blanked (line breaks kept), and
   * ending at `restFrom` when that is set (yaml takes longer over lines of spaces than over the brackets).
   */
  text: string;
  tooDeep: TooDeep[];
  /** Where the text was blanked to its end, past `maxUnclosed` flow collections left open. */
  restFrom?: number;
}

const space = (c: number) => c === 0x20 || c === 0x09;
const lineBreak = (c: number) => c === 0x0a || c === 0x0d;
const blankOrEnd = (text: string, i: number) => i >= text.length || space(text.charCodeAt(i)) || lineBreak(text.charCodeAt(i));

/**
 * The text with what nests deeper than `maxDepth` blanked. Nesting counts flow collections (`[`, `{`) and the block
 * indicators that open a level on the same line (`- - x`, `? ? x`); a level opened by indentation costs a line
 * and its indent, so a file within the length limit cannot go deep enough that way to trouble yaml, and the
 * walk of the parsed values (toPlain) bounds it. Text inside quotes, comments and block scalars is passed over.
 * Past `maxUnclosed` flow collections that yaml will end unclosed, the rest of the text is left out (`restFrom`).
 */
export function limitNesting(text: string, maxDepth: number, maxUnclosed = Infinity): Limited {
  // Cheap bound first: an ordinary file never has maxDepth unmatched brackets or indicators in a row.
  if (!mayNestDeeply(text, maxDepth)) return { text, tooDeep: [] };
  const tooDeep: TooDeep[] = [];
  let flow = 0;
  /** Levels opened on this line by block indicators. */
  let lineLevels = 0;
  /** At the start of a node: where `[`, `{`, quotes, `-`, `?`, `|` and `>` mean what YAML says. */
  let nodeStart = true;
  let lineIndent = 0;
  let atLineStart = true;
  /** The indentation of the line where the outermost flow collection opened: yaml ends it at a line indented no deeper. */
  let flowIndent = 0;
  /** Where the line of the outermost open flow collection starts. */
  let flowLine = 0;
  let lineStart = 0;
  let unclosed = 0;
  let restFrom: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (lineBreak(c)) {
      atLineStart = true;
      nodeStart = true;
      lineLevels = 0;
      lineIndent = 0;
      lineStart = i + 1;
      continue;
    }
    if (atLineStart) {
      if (c === 0x20) {
        lineIndent++;
        continue;
      }
      atLineStart = false;
      // As yaml's lexer: a flow collection left open ends (an error) at a line indented no deeper than the line it
      // opened on, unless that line only closes it.
      const closesIt = flow === 1 && lineIndent === flowIndent && (c === 0x5d || c === 0x7d);
      if (flow > 0 && lineIndent <= flowIndent && c !== 0x23 && !closesIt) {
        flow = 0;
        // yaml ends each with an error of its own, and 20,000 lines of `a: [` cost it over a second: past
        // maxUnclosed of them (more than a file lists), the rest of the text is not read, from the line where the
        // last one opened (left open, it would run through every blanked line to the end).
        if (++unclosed > maxUnclosed) {
          restFrom = flowLine;
          break;
        }
      }
    }
    if (space(c)) continue;
    const prev = i === 0 ? 0x0a : text.charCodeAt(i - 1);
    if (c === 0x23 /* # */ && (space(prev) || lineBreak(prev))) {
      i = lineEnd(text, i) - 1;
      continue;
    }
    if (c === 0x22 /* " */ && nodeStart) {
      i = closingDoubleQuote(text, i);
      nodeStart = false;
      continue;
    }
    if (c === 0x27 /* ' */ && nodeStart) {
      i = closingSingleQuote(text, i);
      nodeStart = false;
      continue;
    }
    if ((c === 0x7c /* | */ || c === 0x3e) /* > */ && nodeStart && flow === 0) {
      i = blockScalarEnd(text, i, lineIndent) - 1;
      continue;
    }
    if ((c === 0x5b /* [ */ || c === 0x7b) /* { */ && (nodeStart || flow > 0)) {
      if (flow + lineLevels >= maxDepth) {
        const end = matchingEnd(text, i);
        tooDeep.push({ start: i, end });
        i = end - 1;
        nodeStart = false;
        continue;
      }
      if (flow++ === 0) {
        flowIndent = lineIndent;
        flowLine = lineStart;
      }
      nodeStart = true;
      continue;
    }
    if ((c === 0x5d /* ] */ || c === 0x7d) /* } */ && flow > 0) {
      flow--;
      nodeStart = false;
      continue;
    }
    if (c === 0x2c /* , */ && flow > 0) {
      nodeStart = true;
      continue;
    }
    if ((c === 0x2d /* - */ || c === 0x3f) /* ? */ && nodeStart && flow === 0 && blankOrEnd(text, i + 1)) {
      if (flow + lineLevels >= maxDepth) {
        const end = lineEnd(text, i);
        tooDeep.push({ start: i, end });
        i = end - 1;
        continue;
      }
      lineLevels++;
      continue;
    }
    if (c === 0x3a /* : */ && blankOrEnd(text, i + 1)) {
      nodeStart = true;
      continue;
    }
    nodeStart = false;
  }
  const read = restFrom === undefined ? text : text.slice(0, restFrom);
  return { text: tooDeep.length > 0 ? blank(read, tooDeep) : read, tooDeep, ...(restFrom !== undefined && { restFrom }) };
}

function mayNestDeeply(text: string, maxDepth: number): boolean {
  let open = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++open + run > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) open = Math.max(0, open - 1);
    else if (lineBreak(c)) run = 0;
    else if ((c === 0x2d || c === 0x3f) && blankOrEnd(text, i + 1) && ++run + open > maxDepth) return true;
  }
  return false;
}

function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (lineBreak(text.charCodeAt(i))) return i;
  return text.length;
}

/** The offset of the closing quote (or the last offset, when there is none). */
function closingDoubleQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x22) return i;
  }
  return text.length - 1;
}

function closingSingleQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text.charCodeAt(i) !== 0x27) continue;
    if (text.charCodeAt(i + 1) === 0x27) i++;
    else return i;
  }
  return text.length - 1;
}

/** Where a block scalar's lines end: at the first line with text indented no deeper than the line of its header. */
function blockScalarEnd(text: string, header: number, indent: number): number {
  let i = lineEnd(text, header);
  while (i < text.length) {
    const start = text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
    let j = start;
    while (j < text.length && text.charCodeAt(j) === 0x20) j++;
    if (j < text.length && !lineBreak(text.charCodeAt(j)) && j - start <= indent) return start;
    i = lineEnd(text, j);
  }
  return text.length;
}

/** The end of the flow collection opened at `open` (after its closing bracket), or of the text when it is never closed. */
function matchingEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) i = closingDoubleQuote(text, i);
    else if (c === 0x5b || c === 0x7b) depth++;
    else if ((c === 0x5d || c === 0x7d) && --depth === 0) return i + 1;
  }
  return text.length;
}

function blank(text: string, spans: readonly TooDeep[]): string {
  let out = '';
  let from = 0;
  for (const { start, end } of spans) {
    out += text.slice(from, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
    from = end;
  }
  return out + text.slice(from);
}
