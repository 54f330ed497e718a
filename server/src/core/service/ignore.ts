import { multiLineScalarAt } from '../checks/ignores';
import { codes } from '../codes';
import type { SqsFile } from '../model/sqsFile';
import type { Fix, Range } from '../types';

/**
 * The edit that silences one finding: a `# sqs-ignore CODE: ` comment on its own line above the line the
 * finding starts on, indented like it. A finding inside a text written over several lines (a folded
 * commentary paragraph) gets it above the text's key instead: there it is a comment, not part of the
 * text, and it reaches the whole text (see checks/ignores.ts). The line ends as the file's lines do. The
 * reason is left for the inspector to write; until they do, SQS090 reminds them that an ignore needs one.
 */
export function ignoreFix(file: SqsFile, code: string, range: Range): Fix | undefined {
  const info = codes.get(code);
  if (!info) return undefined;
  const { text, source } = file.parsed;
  const line = multiLineScalarAt(file.parsed, source.offset(range.start))?.entryLine ?? range.start.line;
  const lineStart = source.offset({ line, character: 0 });
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0];
  const at = { line, character: 0 };
  return {
    title: `Ignore ${code} here (# sqs-ignore with a reason)`,
    edits: [{ range: { start: at, end: at }, newText: `${indent}# sqs-ignore ${code}: ${lineBreakOf(text, lineStart)}` }],
  };
}

/** The line break the file uses at `offset`'s line (its first one if that line has none). */
function lineBreakOf(text: string, offset: number): string {
  const nl = text.indexOf('\n', offset);
  const at = nl >= 0 ? nl : text.indexOf('\n');
  return at > 0 && text[at - 1] === '\r' ? '\r\n' : '\n';
}
