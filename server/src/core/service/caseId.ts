import { stringify } from 'yaml';

// A case id typed for a new case file: whether it can be one, the file it names, and how it is written in YAML.
// One place for these rules: the editor's input box asks the server (sqs/scaffold), which asks here.

/** Long enough for any case reference; a longer "id" is a pasted paragraph. */
const maxLength = 80;

/** Why `id` (as typed, before trimming) cannot be a new case's id, or undefined when it can. */
export function caseIdProblem(id: string): string | undefined {
  const trimmed = id.trim();
  if (trimmed === '') return 'Give the case a reference, e.g. LIV-07.';
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(trimmed)) return 'A case id is one line of text, with no tabs or control characters.';
  if (/[\\/]/.test(trimmed)) return 'A case id cannot contain / or \\: it names the case file.';
  if (trimmed.length > maxLength) return `A case id is at most ${maxLength} characters (this one has ${trimmed.length}).`;
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return 'A case id needs at least one letter or digit.';
  return undefined;
}

/**
 * The case file a (valid) id names: `<id>.case.sqs.yaml`, with what file systems refuse or mangle (Windows'
 * reserved characters and device names, spaces, leading dots) made into dashes, so the name works everywhere.
 */
export function caseFileName(id: string): string {
  let base = id
    .trim()
    // eslint-disable-next-line no-control-regex -- control characters are what file systems refuse
    .replace(/[\\/:*?"<>|\s\u0000-\u001f]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '');
  if (base === '') base = 'case';
  // CON.case.sqs.yaml cannot be created on Windows, whatever follows the device name.
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base)) base = `${base}-case`;
  return `${base}.case.sqs.yaml`;
}

/** The id as a YAML scalar: plain when it reads back as the same string, quoted otherwise (`LIV: 07`, `#7`, `007`). */
export function caseIdYaml(id: string): string {
  return stringify(id.trim(), { lineWidth: 0, blockQuote: false }).replace(/\n$/, '');
}

const ending = '.case.sqs.yaml';

/** How a folder's case files are named from their ids: around the id's file name, in which case, with which ending. */
interface NamePattern {
  prefix: string;
  suffix: string;
  letters: 'as-is' | 'lower' | 'upper';
  ending: string;
}

/**
 * The case file a (valid) id names, the way the case files beside it are named: `liv-35.case.sqs.yaml` for LIV-35
 * where LIV-01 is `liv-01.case.sqs.yaml`, a prefix or the `.yml` ending kept. The pattern most of `examples`
 * follow wins; with none to follow, caseFileName's.
 */
export function caseFileNameLike(id: string, examples: readonly { id: string; fileName: string }[]): string {
  const counts = new Map<string, { pattern: NamePattern; n: number }>();
  for (const example of examples) {
    const pattern = patternOf(example);
    if (!pattern) continue;
    const key = JSON.stringify(pattern);
    const seen = counts.get(key);
    if (seen) seen.n++;
    else counts.set(key, { pattern, n: 1 });
  }
  let best: { pattern: NamePattern; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  if (!best) return caseFileName(id);
  const { prefix, suffix, letters, ending: end } = best.pattern;
  return `${prefix}${cased(baseOf(id), letters)}${suffix}${end}`;
}

function patternOf({ id, fileName }: { id: string; fileName: string }): NamePattern | undefined {
  const m = /^(.*)(\.case\.sqs\.ya?ml)$/i.exec(fileName);
  if (!m || caseIdProblem(id)) return undefined;
  const [, base = '', end = ending] = m;
  const expected = baseOf(id);
  for (const letters of ['as-is', 'lower', 'upper'] as const) {
    const at = base.indexOf(cased(expected, letters));
    if (at >= 0) return { prefix: base.slice(0, at), suffix: base.slice(at + expected.length), letters, ending: end };
  }
  return undefined;
}

function baseOf(id: string): string {
  return caseFileName(id).slice(0, -ending.length);
}

function cased(text: string, letters: NamePattern['letters']): string {
  return letters === 'lower' ? text.toLowerCase() : letters === 'upper' ? text.toUpperCase() : text;
}
