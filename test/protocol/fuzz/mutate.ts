import type { Random } from './random';

// Edits an inspector (or a careless paste) makes to an SQS file: characters typed and deleted anywhere, lines
// duplicated, moved and dropped, numbers changed, YAML punctuation, words of the format, odd Unicode.

export interface Position {
  line: number;
  character: number;
}

export interface TextEdit {
  range: { start: Position; end: Position };
  newText: string;
}

const tokens = [
  // numbers, plausible and not
  '1',
  '0',
  '19',
  '22',
  '-3',
  '2.5',
  '1e308',
  '0x1F',
  '99999999999999999999',
  '50%',
  // YAML punctuation
  '\n',
  '\r\n',
  '  ',
  '\t',
  ':',
  ': ',
  '- ',
  '[',
  ']',
  '{',
  '}',
  ', ',
  '#',
  '"',
  "'",
  '&a ',
  '*a',
  '| ',
  '> ',
  '\n---\n',
  '\n...\n',
  '? ',
  '!!str ',
  '<<: ',
  // the format's words
  'sufficient',
  'not sufficient',
  'not applicable',
  'n/a',
  'yes',
  'no',
  'psr',
  'sentence: referral order',
  'judgements:',
  '"1.2"',
  '"2.1": ',
  '  "2.1": { relevant: 22, sufficient: 19 }\n',
  'relevant: ',
  'sufficient: 18',
  'reasons: [late]',
  'judgement: not sufficient',
  '# sqs-ignore SQS030: checked by hand\n',
  '# sqs-ignore SQS011\n',
  'case: LIV-01',
  'sample: 35',
  'criteria: sqs-2016',
  'phrasebook: education-scotland',
  'all but three out of the 22',
  '{OM}',
  // Unicode: accents, astral characters (two UTF-16 units), invisible and bidirectional controls
  'é',
  'Zoë',
  '𝔸',
  '😀',
  '\u200b',
  '\u202e',
  '\u00a0',
  'Ⅻ',
  '\u0000',
  '\u001b[2K',
];

/** Lines as LSP counts them (the generator never leaves a CR without its LF). */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/);
}

export function offsetAt(text: string, p: Position): number {
  let offset = 0;
  let line = 0;
  while (line < p.line) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
    line++;
  }
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
  return Math.min(offset + p.character, end);
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = (before.match(/\n/g) ?? []).length;
  const start = before.lastIndexOf('\n') + 1;
  return { line, character: offset - start };
}

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, offsetAt(text, edit.range.start)) + edit.newText + text.slice(offsetAt(text, edit.range.end));
}

/** A CR not followed by LF: a line break LSP counts and YAML does not (issue 11 makes them agree). Not generated. */
export function hasLoneCr(text: string): boolean {
  return /\r(?!\n)/.test(text);
}

function edit(text: string, start: number, end: number, newText: string): TextEdit {
  return { range: { start: positionAt(text, start), end: positionAt(text, end) }, newText };
}

/** One random edit of `text`, as an editor sends it (a range and its new text), never leaving a lone CR. */
export function randomEdit(rng: Random, text: string): TextEdit {
  for (let attempt = 0; attempt < 20; attempt++) {
    const e = candidate(rng, text);
    if (!hasLoneCr(applyEdit(text, e))) return e;
  }
  return edit(text, text.length, text.length, '\n');
}

function candidate(rng: Random, text: string): TextEdit {
  // Never between a CR and its LF: no editor position is there.
  const safe = (i: number) => (i > 0 && text[i - 1] === '\r' && text[i] === '\n' ? i - 1 : i);
  const at = safe(rng.int(text.length + 1));
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  const lineOf = (i: number) => {
    const start = lineStarts[i]!;
    const next = lineStarts[i + 1];
    return { start, end: next ?? text.length };
  };
  switch (rng.weighted({ insert: 40, delete: 20, replace: 15, number: 10, lineDup: 4, lineDrop: 4, lineMove: 3, indent: 4 })) {
    case 'insert':
      return edit(text, at, at, rng.pick(tokens));
    case 'delete': {
      const end = safe(Math.min(text.length, at + rng.between(1, rng.chance(0.1) ? 200 : 12)));
      return edit(text, at, end, '');
    }
    case 'replace': {
      const end = safe(Math.min(text.length, at + rng.between(1, 20)));
      return edit(text, at, end, rng.pick(tokens));
    }
    case 'number': {
      const numbers = [...text.matchAll(/\d+/g)];
      if (numbers.length === 0) return edit(text, at, at, String(rng.int(40)));
      const m = rng.pick(numbers);
      return edit(text, m.index, m.index + m[0].length, String(rng.chance(0.8) ? rng.int(40) : rng.pick(['-1', '0.5', '1000001', '34%'])));
    }
    case 'lineDup': {
      const { start, end } = lineOf(rng.int(lineStarts.length));
      const line = text.slice(start, end);
      return edit(text, end, end, line.endsWith('\n') ? line : `\n${line}`);
    }
    case 'lineDrop': {
      const { start, end } = lineOf(rng.int(lineStarts.length));
      return edit(text, start, end, '');
    }
    case 'lineMove': {
      const { start, end } = lineOf(rng.int(lineStarts.length));
      const line = text.slice(start, end);
      const to = lineStarts[rng.int(lineStarts.length)]!;
      // Two edits in one would need ordering; the move is the line's copy elsewhere, its removal left to a later edit.
      return edit(text, to, to, line.endsWith('\n') ? line : `${line}\n`);
    }
    case 'indent': {
      const { start } = lineOf(rng.int(lineStarts.length));
      return rng.chance(0.5) ? edit(text, start, start, rng.pick(['  ', ' ', '\t', '    '])) : edit(text, start, safe(Math.min(text.length, start + 2)), '');
    }
  }
}

/** `text` after a few random edits. */
export function mutated(rng: Random, text: string, edits = rng.between(1, 4)): string {
  let out = text;
  for (let i = 0; i < edits; i++) out = applyEdit(out, randomEdit(rng, out));
  return out;
}

/**
 * The text as it reads back from a file: lone surrogates cannot be written as UTF-8 (they become U+FFFD), and a NUL
 * makes the file binary (SQS004) where the editor's text is still text. The open documents are brought to this before
 * the server's findings are compared with `sqs check`'s on the same files.
 */
export function writable(text: string): string {
  return text.replaceAll('\u0000', '\ufffd').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
