import { Parser } from 'yaml';

export interface Comment {
  /** Offset of the `#`. */
  offset: number;
  /** The comment as written, from the `#`. */
  text: string;
}

/**
 * The comments of a YAML text, found by yaml's own tokenizer so a `#` inside a quoted or block scalar is
 * never mistaken for one. Only called for texts that mention a marker, so files without one cost nothing.
 */
export function commentsOf(text: string): Comment[] {
  const out: Comment[] = [];
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    const token = v as { type?: unknown; offset?: unknown; source?: unknown };
    if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
      out.push({ offset: token.offset, text: token.source });
      return;
    }
    for (const x of Object.values(v)) walk(x);
  };
  for (const token of new Parser().parse(text)) walk(token);
  return out.sort((a, b) => a.offset - b.offset);
}
