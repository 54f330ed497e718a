import type { z } from 'zod';
import type { Code } from '../codes';
import { finding, type LocalFinding } from '../findings';
import type { Fix, Range } from '../types';
import type { Path, SourceMap } from '../yaml/source';
import { quoted } from '../text/quote';
import { keysAt } from './schemaPaths';
import { closest } from './suggest';

type Issue = z.core.$ZodIssue;

/** Context that turns a generic "unknown key" into the domain's words. */
export interface IssueContext {
  schema: z.ZodType;
  /** Names the catalogue in messages about criterion ids. */
  catalogueId: string;
  /** Mappings whose keys are criterion ids. */
  criterionMaps: readonly string[];
  /** Extra words for a missing key, by key name (e.g. what a case fact means), added to the built-in hints. */
  keyHints?: Readonly<Record<string, string>>;
}

/** Validates plain data and maps every zod issue onto the exact key or value it concerns. */
export function validateData(data: unknown, source: SourceMap, ctx: IssueContext): LocalFinding[] {
  const result = ctx.schema.safeParse(data, { reportInput: true });
  if (result.success) return [];
  return flatten(result.error.issues, []).flatMap((issue) => toFindings(issue, source, ctx));
}

/** An issue with its path made absolute (union branches report paths relative to the union). */
type Flat = Issue extends infer I ? (I extends Issue ? Omit<I, 'path'> & { path: Path } : never) : never;

function flatten(issues: readonly Issue[], prefix: Path): Flat[] {
  return issues.flatMap((issue): Flat[] => {
    const path: Path = [...prefix, ...(issue.path.filter((p) => typeof p !== 'symbol') as Path)];
    if (issue.code !== 'invalid_union') return [{ ...issue, path }];
    const branch = bestBranch(issue.errors);
    return branch ? flatten(branch, path) : [{ ...issue, path }];
  });
}

/**
 * Among the alternatives of a union, the one the inspector evidently meant: a branch that failed only
 * below its root (a mapping with one bad value) beats branches that rejected the value's type outright.
 * When every branch rejected the type, the union's own message (which lists the choices) is the best.
 */
function bestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const rejects = (b: readonly Issue[], codes: ReadonlySet<string>) => b.some((i) => i.path.length === 0 && codes.has(i.code));
  const deep = branches.filter((b) => !rejects(b, rootRejection));
  if (deep.length > 0) return [...deep].sort((a, b) => a.length - b.length)[0];
  // A branch of the value's own type that rejected the value (a misspelt word) explains more than a
  // branch of another type; its message names the allowed values.
  const sameType = branches.filter((b) => !rejects(b, typeMismatch));
  return sameType.length === 1 ? sameType[0] : undefined;
}

const typeMismatch = new Set<string>(['invalid_type']);

const rootRejection = new Set<string>(['invalid_type', 'invalid_value', 'invalid_union']);

function toFindings(issue: Flat, source: SourceMap, ctx: IssueContext): LocalFinding[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const path = [...issue.path, key];
      const range = source.keyRange(path) ?? source.keyRange(source.nearest(path)) ?? source.lineRange(0);
      return unknownKey(issue.path, key, range, ctx);
    });
  }
  // Plain data from YAML never holds undefined (an empty value is null), so an undefined input is a key
  // that is not there, whatever the schema's own error said (unions and enums report their own codes).
  if (issue.input === undefined && issue.path.length > 0) {
    const key = issue.path[issue.path.length - 1];
    const parent = issue.path.slice(0, -1);
    const anchor = source.nearest(parent);
    const range = anchor.length > 0 ? source.keyRange(anchor)! : firstLine(source);
    const where = anchor.length > 0 ? ` in ${quoted(String(anchor[anchor.length - 1])).slice(1, -1)}` : '';
    const hint = ctx.keyHints && Object.hasOwn(ctx.keyHints, String(key)) ? ctx.keyHints[String(key)] : hintFor(String(key));
    return [finding('SQS012', range, `Missing "${String(key)}"${where}.${hint}`)];
  }
  const code = (issue.code === 'custom' && (issue.params as { code?: Code } | undefined)?.code) || (isReasonItem(issue.path) ? 'SQS014' : 'SQS011');
  const located = source.valueRange(issue.path);
  const range = located ?? source.valueRange(source.nearest(issue.path)) ?? firstLine(source);
  // A misspelt word from a fixed list ("sufficent") has an obvious repair.
  const suggestion =
    issue.code === 'invalid_value' && located && typeof issue.input === 'string'
      ? closest(
          issue.input,
          issue.values.filter((v): v is string => typeof v === 'string'),
        )
      : undefined;
  return [finding(code, range, issue.message, suggestion ? { fixes: [didYouMean(range, suggestion, asPlainScalar(suggestion))] } : undefined)];
}

function didYouMean(range: Range, suggestion: string, newText: string): Fix {
  return { title: `Change to "${suggestion}"`, edits: [{ range, newText }], preferred: true };
}

/** How a key or word is best typed: plain when YAML reads it back as the same text, quoted otherwise. */
function asPlainScalar(text: string): string {
  return /^[A-Za-z_][\w -]*$/.test(text) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(text) && !/\s$/.test(text) ? text : JSON.stringify(text);
}

function unknownKey(parent: Path, key: string, range: Range, ctx: IssueContext) {
  const allowed = keysAt(ctx.schema, parent);
  const suggestion = closest(key, allowed);
  const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
  const parentName = String(parent[parent.length - 1] ?? '');
  // Criterion ids are always quoted: YAML reads an unquoted 1.10 as the number 1.1.
  const fix = (s: string | undefined, quote = false) => (s ? { fixes: [didYouMean(range, s, quote ? JSON.stringify(s) : asPlainScalar(s))] } : undefined);
  if (parent.length === 1 && ctx.criterionMaps.includes(parentName)) {
    const { text, suggestion: id } = criterionHint(key, allowed);
    return finding('SQS013', range, `${quoted(key)} is not a criterion in ${ctx.catalogueId}.${text}`, fix(id, /^\d/.test(id ?? '')));
  }
  if (parentName === 'reasons') {
    return finding('SQS014', range, `${quoted(key)} is not a reason code here.${hint || ` Use ${allowed.join(', ')}.`}`, fix(suggestion));
  }
  const within = parentName ? ` in ${quoted(parentName).slice(1, -1)}` : '';
  const list = allowed.length > 0 && allowed.length <= 12 ? ` Expected one of: ${allowed.join(', ')}.` : '';
  return finding('SQS010', range, `Unknown key ${quoted(key)}${within}.${hint || list}`, fix(suggestion));
}

function isReasonItem(path: Path): boolean {
  return path[path.length - 2] === 'reasons' && typeof path[path.length - 1] === 'number';
}

/** Typo suggestions are useless between "1.7" and "1.1"; name the theme's criteria instead. */
function criterionHint(key: string, ids: string[]): { text: string; suggestion?: string } {
  const theme = /^(\d+)\./.exec(key)?.[1];
  const siblings = theme ? ids.filter((id) => id.startsWith(`${theme}.`)) : [];
  if (siblings.length > 0 && !/^\d+\.\d0$/.test(key)) return { text: ` Theme ${theme} has ${siblings.join(', ')}.` };
  const suggestion = closest(key, ids);
  if (suggestion) return { text: ` Did you mean "${suggestion}"?`, suggestion };
  return { text: ` Criteria are ${ids.join(', ')}.` };
}

function firstLine(source: SourceMap) {
  return source.lineRange(0);
}

const keyHints: Record<string, string> = {
  case: ' Give the case reference, e.g. `case: LIV-07`.',
  sentence: ' Give the sentence type, e.g. `sentence: referral order`.',
  criteria: ' Name the criteria version, e.g. `criteria: sqs-2013`.',
  sample: ' Give the number of cases sampled, e.g. `sample: 34`.',
  judgement: ' Write `judgement: sufficient`, `not sufficient` or `not applicable`.',
};

function hintFor(key: string): string {
  return Object.hasOwn(keyHints, key) ? keyHints[key]! : '';
}
