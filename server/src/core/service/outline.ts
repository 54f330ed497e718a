import type { Catalogue, Theme } from '../criteria/catalogue';
import { Reader } from '../model/reader';
import type { SqsFile } from '../model/sqsFile';
import type { Range } from '../types';
import type { Path } from '../yaml/source';

// The outline of a file: its keys as written, with the criterion maps (judgements, tallies, commentary)
// grouped by theme and named with the criterion's title, so a long file reads like the report.

export type OutlineKind = 'section' | 'theme' | 'criterion' | 'question' | 'judgement' | 'count' | 'fact' | 'text' | 'list' | 'item';

export interface OutlineNode {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** The whole entry, key to end of value. */
  range: Range;
  /** The key (what the editor highlights). */
  selectionRange: Range;
  children: OutlineNode[];
}

const criterionMaps = new Set(['judgements', 'tallies', 'commentary']);
const countKeys = new Set(['relevant', 'due', 'done', 'sufficient', 'not_sufficient', 'sample']);

export function outline(file: SqsFile): OutlineNode[] {
  const reader = new Reader(file.parsed.data, file.parsed.source);
  return children(file, reader, []);
}

function children(file: SqsFile, reader: Reader, path: Path): OutlineNode[] {
  const value = reader.raw(path);
  let nodes: OutlineNode[] = [];
  if (Array.isArray(value)) nodes = value.map((_, i) => node(file, reader, [...path, i])).filter((n): n is OutlineNode => n !== undefined);
  else if (value !== null && typeof value === 'object')
    nodes = Object.keys(value)
      .map((k) => node(file, reader, [...path, k]))
      .filter((n): n is OutlineNode => n !== undefined);
  nodes.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  if (path.length === 1 && criterionMaps.has(String(path[0]))) return byTheme(nodes, file.catalogue);
  return nodes;
}

function node(file: SqsFile, reader: Reader, path: Path): OutlineNode | undefined {
  const source = file.parsed.source;
  const range = source.entryRange(path);
  const selectionRange = source.keyRange(path);
  if (!range || !selectionRange) return undefined;
  const key = path[path.length - 1]!;
  const value = reader.raw(path);
  const kids = children(file, reader, path);
  const inCriterionMap = path.length >= 2 && criterionMaps.has(String(path[0]));
  const criterion = inCriterionMap && path.length === 2 ? file.catalogue.criterion(String(key)) : undefined;
  const question = inCriterionMap && path.length === 3 ? file.catalogue.criterion(String(path[1]))?.questions.find((q) => q.key === key) : undefined;

  let name = typeof key === 'number' ? itemName(value, key) : key;
  let kind: OutlineKind = Array.isArray(value) ? 'list' : value !== null && typeof value === 'object' ? 'section' : 'text';
  if (typeof key === 'number') kind = 'item';
  if (criterion) {
    name = `${criterion.id} ${criterion.title}`;
    kind = 'criterion';
  } else if (question) kind = 'question';
  else if (file.catalogue.facts.has(String(key)) && path.length === 1) kind = 'fact';
  else if (countKeys.has(String(key)) || (path.includes('reasons') && typeof value === 'number')) kind = 'count';
  else if (key === 'judgement') kind = 'judgement';
  return { name, kind, range, selectionRange, children: kids, ...summary(value) };
}

/** A short detail for a value: the value itself, or a judgement with its reasons. */
function summary(value: unknown): { detail?: string } {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const text = String(value).replace(/\s+/g, ' ');
    return { detail: text.length > 60 ? `${text.slice(0, 57)}…` : text };
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entry = value as Record<string, unknown>;
    if (typeof entry.judgement === 'string') {
      const reasons = Array.isArray(entry.reasons) ? entry.reasons.filter((r) => typeof r === 'string') : [];
      return { detail: `${entry.judgement}${reasons.length ? ` (${reasons.join(', ')})` : ''}` };
    }
  }
  return {};
}

function itemName(value: unknown, index: number): string {
  if (typeof value === 'string') return value.length > 40 ? `${value.slice(0, 37)}…` : value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const first = Object.values(value).find((v) => typeof v === 'string');
    if (typeof first === 'string') return first;
  }
  return `${index + 1}`;
}

/** Criteria under their themes, in file order; keys that are not criteria stay where they are. */
function byTheme(nodes: OutlineNode[], catalogue: Catalogue): OutlineNode[] {
  const out: OutlineNode[] = [];
  let current: { theme: Theme; node: OutlineNode } | undefined;
  for (const n of nodes) {
    const theme = n.kind === 'criterion' ? catalogue.criterion(n.name.split(' ')[0]!)?.theme : undefined;
    if (!theme || n.kind !== 'criterion') {
      current = undefined;
      out.push(n);
      continue;
    }
    if (current?.theme !== theme) {
      current = {
        theme,
        node: {
          name: theme.number ? `${theme.number} ${theme.title}` : theme.title,
          kind: 'theme',
          range: n.range,
          selectionRange: n.selectionRange,
          children: [],
        },
      };
      out.push(current.node);
    }
    current.node.children.push(n);
    current.node.range = { start: current.node.range.start, end: n.range.end };
  }
  return out;
}
