import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

// Documents for fuzzing the core: an SQS file of the Liverpool example or a file of the YAML test suite, then a few
// mutations of the kinds that go wrong in hand-typed and damaged files. Each mutation is data (printed when a
// property fails), applied by `mutate`.

const root = path.resolve(__dirname, '../..');
const liverpool = path.join(root, 'examples/liverpool-2013');
const suite = path.join(root, 'test/fixtures/yaml-test-suite');

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), suffix) : e.name.endsWith(suffix) ? [path.join(dir, e.name)] : []))
    .sort();
}

/** The Liverpool example: its inspection file and case files, by path relative to the example. */
export const example: ReadonlyMap<string, string> = new Map(
  filesUnder(liverpool, '.sqs.yaml').map((f) => [path.relative(liverpool, f), readFileSync(f, 'utf8')]),
);

/** The YAML test suite's documents, valid and erroneous (the repository's copy, so CI has it). */
export const yamlSuite: readonly string[] = [...filesUnder(path.join(suite, 'valid'), '.yaml'), ...filesUnder(path.join(suite, 'error'), '.yaml')].map((f) =>
  readFileSync(f, 'utf8'),
);

/** A value no message may quote more than 40 characters of. */
export const canary = 'CANARY-0123456789-abcdefghij-KLMNOPQRST-uvwxyz-9876543210-canary';

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete-line'; line: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'indent'; line: number; by: string }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'value'; line: number; text: string };

/** Text that breaks YAML or the format in the usual ways. */
const nasty = fc.oneof(
  fc.constantFrom(
    '1e308',
    '-1e308',
    '.inf',
    '.nan',
    '99999999999999999999',
    '0x7FFFFFFF',
    '-0',
    '100001',
    '12.5',
    '77%',
    '"7 out of 9"',
    '&a',
    '*a',
    '&a x',
    '<<: *a',
    '*undefined',
    '!!binary',
    '!tag',
    '? ',
    '- ',
    ': ',
    '[',
    ']',
    '{',
    '}',
    '"',
    "'",
    '|',
    '>-',
    '#',
    '---',
    '...',
    '%YAML 1.2',
    '\t',
    '\r',
    '\r\n',
    '\u0000',
    '\u001b[2K',
    '\u0085',
    '\u00a0',
    '\u200b',
    '\u202e',
    '\u2028',
    '\ufeff',
    '\ud800',
    '\udc00',
    '__proto__',
    'constructor',
    'LIV-O1',
    'LIV-01',
    canary,
    `"${canary}"`,
    `${canary}: ${canary}`,
    `# sqs-ignore ${canary}: x`,
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom(...yamlSuiteSample()),
);

function yamlSuiteSample(): string[] {
  // Short lines of the suite: fragments of every construct YAML has.
  return [...new Set(yamlSuite.flatMap((d) => d.split('\n')).filter((l) => l.trim().length > 0 && l.length < 60))].slice(0, 400);
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.constantFrom('', ' ', '  ', '    ', '\t', ' \t', '        ') }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: nasty }),
  fc.record({ kind: fc.constant('value' as const), line: fc.nat(), text: nasty }),
);

export interface FuzzDocument {
  /** Where it goes in the example: one of its files, replaced. */
  file: string;
  /** Where the text started from: the file's own text, or a document of the YAML test suite. */
  from: 'example' | number;
  mutations: Mutation[];
}

export const fuzzDocument: fc.Arbitrary<FuzzDocument> = fc.record({
  file: fc.constantFrom(...example.keys()),
  from: fc.oneof({ weight: 4, arbitrary: fc.constant('example' as const) }, { weight: 1, arbitrary: fc.nat({ max: yamlSuite.length - 1 }) }),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }),
});

/** The document's text: its starting text with each mutation applied in turn. */
export function textOf(doc: FuzzDocument): string {
  let text = doc.from === 'example' ? example.get(doc.file)! : yamlSuite[doc.from]!;
  for (const m of doc.mutations) text = mutate(text, m);
  return text;
}

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = 'line' in m ? m.line % Math.max(1, lines.length) : 0;
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'delete-line':
      return [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n');
    case 'duplicate-line':
      return [...lines.slice(0, line + 1), ...lines.slice(line)].join('\n');
    case 'indent':
      return [...lines.slice(0, line), m.by + lines[line]!.trimStart(), ...lines.slice(line + 1)].join('\n');
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'value': {
      // The value after a line's key, replaced: where most slips are.
      const l = lines[line]!;
      const colon = l.indexOf(': ');
      return [...lines.slice(0, line), colon < 0 ? `${l} ${m.text}` : `${l.slice(0, colon + 2)}${m.text}`, ...lines.slice(line + 1)].join('\n');
    }
  }
}
