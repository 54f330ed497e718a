import { isAlias, isMap, isScalar, isSeq, visit as visitNodes, type Document, type Node, type Scalar } from 'yaml';
import { finding, type LocalFinding } from '../findings';
import { excerpt, quoted } from '../text/quote';
import type { Path, SourceMap, Span } from './source';

// The one module that walks `yaml` nodes (yaml 3 changes this API; keep the blast radius here).

interface Walk {
  doc: Document;
  source: SourceMap;
  findings: LocalFinding[];
  budget: number;
  exhausted: boolean;
  expanding: Set<Node>;
  /** The aliases being expanded, outermost first: the first is the one written in the file's own structure. */
  aliases: Node[];
  maxDepth: number;
  /** Set once a value nested deeper than maxDepth has been reported. */
  tooDeep: boolean;
}

/**
 * Converts a parsed document to plain JS values for schema validation, recording where each value sits.
 * Keys are the text as typed (so an unquoted `1.10` stays "1.10" instead of becoming the number 1.1);
 * repeated keys are reported and the first one kept; aliases are expanded under a node budget.
 */
export function toPlain(doc: Document, source: SourceMap, limits: { maxAliasNodes: number; maxDepth: number }): { data: unknown; findings: LocalFinding[] } {
  const walk: Walk = {
    doc,
    source,
    findings: [],
    budget: limits.maxAliasNodes,
    exhausted: false,
    expanding: new Set(),
    aliases: [],
    maxDepth: limits.maxDepth,
    tooDeep: false,
  };
  const data = visit(walk, doc.contents, []);
  return { data, findings: walk.findings };
}

function visit(w: Walk, node: Node | null | undefined, path: Path, key?: Span): unknown {
  const value = node ? span(node) : undefined;
  const text = node && value && isScalar(node) ? textSpan(w.source.text, node, value) : undefined;
  w.source.set(path, key, value, text);
  if (!node) return null;
  // Nesting by indentation gets past the scan before parsing (nesting.ts); a path is copied at each level.
  if (path.length > w.maxDepth) {
    if (!w.tooDeep) {
      w.tooDeep = true;
      w.findings.push(
        finding(
          'SQS001',
          w.source.range(key ?? value ?? [0, 0]),
          `Lists or mappings are nested more than ${w.maxDepth} deep here (an SQS file needs two or three levels): this value is not read.`,
        ),
      );
    }
    return null;
  }
  // Only values reached through an alias count: the file's own size is bounded by the length limit.
  if (w.expanding.size > 0 && --w.budget < 0) {
    if (!w.exhausted) {
      w.exhausted = true;
      // On the alias that exploded, as written where it is used, not deep inside the value it copies.
      const alias = w.aliases[0];
      const at = (alias && span(alias)) ?? value ?? [0, 0];
      const name = alias && isAlias(alias) ? `Alias *${excerpt(alias.source)}` : 'An alias';
      w.findings.push(
        finding(
          'SQS006',
          w.source.range(at),
          `${name} expands to more data than an SQS file can hold (an alias bomb?): the rest of it, and every alias after it, is read as empty.`,
        ),
      );
    }
    return null;
  }
  if (isAlias(node)) return visitAlias(w, node, path, key);
  if (isScalar(node)) return typeof node.value === 'string' ? interned(node.value) : (node.value ?? null);
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    const seen = new Map<string, Span>();
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      // A key written as an alias (`*k : 3`) is the text of the value it names.
      const keyValue = keyNode && isAlias(keyNode) ? resolveAlias(w, keyNode) : keyNode;
      if (keyNode && !keyValue) continue;
      if (keyValue && !isScalar(keyValue)) {
        const alias = keyNode !== keyValue && isAlias(keyNode) ? ` (*${excerpt(keyNode.source)} names one)` : '';
        w.findings.push(finding('SQS007', w.source.range(span(keyNode!) ?? [0, 0]), `A key must be plain text, not a list or mapping${alias}.`));
        continue;
      }
      const text = keyValue ? keyText(keyValue) : '';
      const keySpan = (keyNode && span(keyNode)) ?? value ?? [0, 0];
      const first = seen.get(text);
      if (first) {
        w.findings.push(
          finding(
            'SQS005',
            w.source.range(keySpan),
            `Duplicate key ${quoted(text)}: only the first one (line ${w.source.position(first[0]).line + 1}) is used.`,
            {
              related: [{ range: w.source.range(first), message: `first ${quoted(text)}` }],
            },
          ),
        );
        continue;
      }
      seen.set(text, keySpan);
      // defineProperty: a key such as "__proto__" must stay data, never reach the prototype.
      Object.defineProperty(out, text, {
        value: visit(w, pair.value as Node | null, [...path, text], keySpan),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((item, i) => visit(w, item as Node | null, [...path, i]));
  return null;
}

function visitAlias(w: Walk, node: Node, path: Path, key?: Span): unknown {
  if (!isAlias(node)) return null;
  const target = resolveAlias(w, node);
  if (!target) return null;
  if (w.expanding.has(target)) {
    w.findings.push(finding('SQS006', w.source.range(span(node) ?? [0, 0]), `Alias *${excerpt(node.source)} refers to the value that contains it.`));
    return null;
  }
  w.expanding.add(target);
  w.aliases.push(node);
  try {
    const result = visit(w, target, path, key);
    // Diagnostics on an aliased value belong where the alias is used.
    const use = span(node);
    if (use) w.source.set(path, key, use, undefined);
    return result;
  } finally {
    w.expanding.delete(target);
    w.aliases.pop();
  }
}

/**
 * The value an alias names, or undefined (with a finding) when no anchor before it has its name: yaml's
 * parser leaves that to toJS, which we do not call, so the value would silently read as empty.
 */
function resolveAlias(w: Walk, alias: Node): Node | undefined {
  if (!isAlias(alias)) return undefined;
  const target = alias.resolve(w.doc) as Node | undefined;
  if (!target)
    w.findings.push(
      finding(
        'SQS001',
        w.source.range(span(alias) ?? [0, 0]),
        `Alias *${excerpt(alias.source)} names no anchor: an anchor (&${excerpt(alias.source)}) must be set on a value above it.`,
      ),
    );
  return target;
}

/**
 * One string for each short value, shared by every file: a case file's values are mostly the same few words
 * ("sufficient", "no", a reason code), seventeen copies of "sufficient" a file otherwise. Bounded, as the source
 * map's path keys are (source.ts), so values typed in passing cannot grow it without end.
 */
const internedValues = new Map<string, string>();
const maxInterned = 20_000;

function interned(value: string): string {
  if (value.length > 32) return value;
  const shared = internedValues.get(value);
  if (shared !== undefined) return shared;
  if (internedValues.size < maxInterned) internedValues.set(value, value);
  return value;
}

function keyText(key: Scalar): string {
  const plain = key.type === 'PLAIN' || key.type === undefined;
  if (plain && typeof key.source === 'string') return key.source;
  return key.value === null || key.value === undefined ? '' : String(key.value);
}

/**
 * Where a scalar's text itself is, when that is not its whole span: a block scalar's lines without the `|` or
 * `>` header line (and the blank lines and indentation around them), a quoted scalar inside its quotes.
 */
function textSpan(text: string, node: Scalar, [start, end]: Span): Span | undefined {
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const eol = text.indexOf('\n', start);
    if (eol < 0 || eol >= end) return undefined;
    let from = eol + 1;
    let to = end;
    while (from < to && /\s/.test(text[from]!)) from++;
    while (to > from && /\s/.test(text[to - 1]!)) to--;
    return to > from ? [from, to] : undefined;
  }
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
    const quote = text[start];
    // An unclosed quote (a syntax error reported elsewhere) keeps its whole span.
    return end - start >= 2 && text[end - 1] === quote ? [start + 1, end - 1] : undefined;
  }
  return undefined;
}

function span(node: Node): Span | undefined {
  const r = node.range;
  if (!r) return undefined;
  return r[1] > r[0] ? [r[0], r[1]] : undefined;
}

/** Where a flow collection or quoted scalar starts and ends: what an unclosed `[`, `{` or quote is reported on. */
export interface Opening {
  start: number;
  end: number;
  kind: '[' | '{' | 'quote';
}

/**
 * Every flow collection and quoted scalar, in document order (each before those inside it), found in one walk:
 * yaml reports an unclosed `[`, `{` or quote where it gave up (often the next line, or the end of the file), and
 * the inspector needs the place where it was opened.
 */
export function flowOpenings(doc: Document): Opening[] {
  const found: Opening[] = [];
  visitNodes(doc, (_key, node) => {
    const n = node as Node | null;
    const r = n?.range;
    if (!n || !r) return;
    if ((isSeq(n) || isMap(n)) && n.flow) found.push({ start: r[0], end: r[2], kind: isSeq(n) ? '[' : '{' });
    else if (isScalar(n) && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE')) found.push({ start: r[0], end: r[2], kind: 'quote' });
  });
  return found;
}
