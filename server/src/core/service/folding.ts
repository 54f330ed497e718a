import type { SqsFile } from '../model/sqsFile';

export interface Fold {
  startLine: number;
  endLine: number;
  kind?: 'comment';
}

/** Every entry spanning several lines folds (criteria, judgements with reasons, narrative); so do comment blocks. */
export function foldingRanges(file: SqsFile): Fold[] {
  const source = file.parsed.source;
  const byStart = new Map<number, Fold>();
  for (const path of source.allPaths()) {
    if (path.length === 0) continue;
    const r = source.entryRange(path);
    if (!r || r.end.line <= r.start.line) continue;
    const prev = byStart.get(r.start.line);
    if (!prev || prev.endLine < r.end.line) byStart.set(r.start.line, { startLine: r.start.line, endLine: r.end.line });
  }
  const lines = file.parsed.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*#/.test(lines[i]!)) continue;
    let j = i;
    while (j + 1 < lines.length && /^\s*#/.test(lines[j + 1]!)) j++;
    if (j > i) byStart.set(i, { startLine: i, endLine: j, kind: 'comment' });
    i = j;
  }
  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
}
