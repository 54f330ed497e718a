import { codes } from '../codes';
import type { SqsFile } from '../model/sqsFile';
import type { Fix, Range } from '../types';

/**
 * The edit that silences one finding: a `# sqs-ignore CODE: ` comment on its own line above the line the
 * finding starts on, indented like it. The reason is left for the inspector to write; until they do,
 * SQS090 reminds them that an ignore needs one.
 */
export function ignoreFix(file: SqsFile, code: string, range: Range): Fix | undefined {
  const info = codes.get(code);
  if (!info) return undefined;
  const line = range.start.line;
  const lineText = file.parsed.text.split('\n')[line] ?? '';
  const indent = /^[ \t]*/.exec(lineText)![0];
  const at = { line, character: 0 };
  return {
    title: `Ignore ${code} here (# sqs-ignore with a reason)`,
    edits: [{ range: { start: at, end: at }, newText: `${indent}# sqs-ignore ${code}: \n` }],
  };
}
