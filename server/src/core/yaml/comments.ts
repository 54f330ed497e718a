import { CST, Lexer } from 'yaml';

export interface Comment {
  /** Offset of the `#`. */
  offset: number;
  /** The comment as written, from the `#`. */
  text: string;
}

/**
 * The comments of a YAML text, found by yaml's own lexer so a `#` inside a quoted or block scalar is never
 * mistaken for one. The lexer's tokens are a flat stream, so nesting costs nothing (a walk of the parsed
 * tree recursed once per level and overflowed the stack on a few thousand nested brackets). Offsets are
 * summed as yaml's Parser sums them: the lexer's markers (start of a document, a scalar follows, a flow
 * collection broke off) take no room in the text; the token after a scalar marker is scalar text, whatever
 * it starts with. Only called for texts that mention a marker, so files without one cost nothing.
 */
export function commentsOf(text: string): Comment[] {
  const out: Comment[] = [];
  let offset = 0;
  let scalarNext = false;
  for (const source of new Lexer().lex(text)) {
    if (scalarNext) {
      scalarNext = false;
      offset += source.length;
      continue;
    }
    const type = CST.tokenType(source);
    if (type === 'scalar') scalarNext = true;
    else if (type === 'doc-mode' || type === 'flow-error-end') continue;
    else {
      if (type === 'comment') out.push({ offset, text: source });
      offset += source.length;
    }
  }
  return out;
}
