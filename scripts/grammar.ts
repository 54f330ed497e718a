// The TextMate grammars of the SQS languages, derived from the criteria catalogues and the judgement spellings
// the case schema accepts, so the colours follow the checks: a word is coloured as a judgement or a reason code
// exactly when `sqs check` would take it as one. Written to syntaxes/ by export-grammar.ts on every build.
//
// TextMate sees one line at a time and cannot know a value's path, so each rule keys on what the line itself
// shows: a judgement only as the whole value of a criterion id, a question key or `judgement:`; a reason code
// only in a `reasons:` list or as a counted key. Reason codes are those of any question (the line does not say
// which criterion it is under); the server says when a code belongs to another criterion.
import { parse } from 'yaml';
import type { Catalogue } from '../server/src/core/criteria/catalogue';
import { judgementSpellingList, judgementValue, type JudgementValue } from '../server/src/core/model/values';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Longest first, so `not-applicable` is not read as `no`. */
const alternation = (words: Iterable<string>) =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map(escape)
    .join('|');

/** Every spelling the case schema takes as each judgement, with the booleans as the yaml library reads them. */
export function judgementSpellings(): Record<JudgementValue, string[]> {
  const byValue: Record<JudgementValue, string[]> = { sufficient: [], 'not-sufficient': [], 'not-applicable': [] };
  const booleans = ['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'yes', 'Yes', 'on', 'no', 'off'].filter((w) => typeof parse(w) === 'boolean');
  for (const word of [...judgementSpellingList, ...booleans]) {
    const read = judgementValue.safeParse(parse(word));
    if (read.success) byValue[read.data].push(word);
  }
  return byValue;
}

/** The keys whose value is a judgement: criterion ids (quoted or not), the keys of several-question criteria, `judgement`. */
function judgementKeys(catalogues: Catalogue[]): string[] {
  const keys = new Set<string>(['judgement']);
  for (const catalogue of catalogues) {
    for (const criterion of catalogue.criteria.values()) {
      for (const form of [`"${criterion.id}"`, `'${criterion.id}'`, criterion.id]) keys.add(form);
      if (criterion.questions.length > 1) for (const q of criterion.questions) keys.add(q.key);
    }
  }
  return [...keys];
}

const reasonCodes = (catalogues: Catalogue[]) => catalogues.flatMap((c) => [...c.questions.values()].flatMap((q) => q.reasons?.codes.map((r) => r.code) ?? []));

const criterionIds = (catalogues: Catalogue[]) => catalogues.flatMap((c) => [...c.criteria.keys()]);

const judgementScopes: Record<JudgementValue, string> = {
  // markup.inserted/deleted make themes colour sufficient and not sufficient apart (green and red by default).
  sufficient: 'constant.language.judgement.sufficient.sqs markup.inserted.sqs',
  'not-sufficient': 'constant.language.judgement.not-sufficient.sqs markup.deleted.sqs',
  'not-applicable': 'constant.language.judgement.not-applicable.sqs',
};

/**
 * A judgement as the whole value after one of its keys. Only keys that are indented or inside braces: a key at
 * the start of a line is a top-level key of the case file, such as the fact `psr: yes`. The lookbehind sits
 * right after the colon (where VS Code's YAML grammar leaves off), so any number of spaces may follow it.
 * What may end the value depends on the context: `,` and `}` end it only inside a flow mapping.
 */
function judgementPatterns(catalogues: Catalogue[], end: string) {
  const after = judgementKeys(catalogues)
    .sort()
    .map((k) => `[\\s{,]${escape(k)}:`)
    .join('|');
  return Object.entries(judgementSpellings()).map(([value, words]) => ({
    match: `(?<=${after})([ \\t]*)(${alternation(words)})(?=${end})`,
    captures: { 1: { name: 'punctuation.whitespace.separator.yaml' }, 2: { name: judgementScopes[value as JudgementValue] } },
  }));
}

/** Comments and text (quoted, or block scalars after `|` or `>`) never hold a criterion, judgement or reason. */
const notText = '-comment -string.quoted -string.unquoted.block';

export function caseGrammar(catalogues: Catalogue[]) {
  return {
    name: 'SQS case',
    scopeName: 'source.yaml.sqs.case',
    comment:
      "Generated from the criteria catalogues by scripts/grammar.ts: do not edit. VS Code's YAML grammar, with the judgement words here (only case files have judgements) and sqs.injection.tmLanguage.json's criterion ids and reason codes.",
    patterns: [{ include: 'source.yaml' }],
    injections: {
      [`L:source.yaml.sqs.case meta.flow.mapping ${notText}`]: { patterns: judgementPatterns(catalogues, '[ \\t]*(?:$|,|\\})|[ \\t]+#') },
      [`L:source.yaml.sqs.case -meta.flow.mapping ${notText}`]: { patterns: judgementPatterns(catalogues, '[ \\t]*$|[ \\t]+#') },
    },
  };
}

export function inspectionGrammar() {
  return {
    name: 'SQS inspection',
    scopeName: 'source.yaml.sqs.inspection',
    comment: "Generated by scripts/grammar.ts: do not edit. VS Code's YAML grammar; sqs.injection.tmLanguage.json adds criterion ids and reason codes.",
    patterns: [{ include: 'source.yaml' }],
  };
}

export function injectionGrammar(catalogues: Catalogue[]) {
  const codes = alternation(reasonCodes(catalogues));
  const ids = alternation(criterionIds(catalogues));
  const code = { match: `(?<![\\w-])(?:${codes})(?![\\w-])`, name: 'support.constant.reason.sqs' };
  const comment = {
    match: '(?:^|(?<=[ \\t]))(#).*$',
    name: 'comment.line.number-sign.yaml',
    captures: { 1: { name: 'punctuation.definition.comment.yaml' } },
  };
  return {
    scopeName: 'sqs.injection',
    comment:
      "Generated from the criteria catalogues by scripts/grammar.ts: do not edit. Injected into both SQS languages: criterion ids and reason codes on top of VS Code's YAML grammar.",
    injectionSelector: `L:source.yaml.sqs ${notText}`,
    patterns: [{ include: '#reasons-flow' }, { include: '#reasons-block' }, { include: '#criterion-key' }, { include: '#reason-count' }],
    repository: {
      'criterion-key': {
        comment:
          'A criterion id used as a key: "1.1": or \'2.2\': or OM: (unquoted numbers are flagged by the server). Quoted ids are taken at the opening quote, since quoted text is otherwise left alone.',
        patterns: [
          ...(['"', "'"] as const).map((q) => ({
            match: `(?<![^\\s{,])(${q})(${ids})(${q})(?=[ \\t]*:(?:\\s|$))`,
            captures: {
              0: { name: `string.quoted.${q === '"' ? 'double' : 'single'}.yaml entity.name.tag.yaml` },
              1: { name: 'punctuation.definition.string.begin.yaml' },
              2: { name: 'entity.name.type.criterion.sqs' },
              3: { name: 'punctuation.definition.string.end.yaml' },
            },
          })),
          { match: `(?<![^\\s{,])(${ids})(?=[ \\t]*:(?:\\s|$))`, name: 'entity.name.type.criterion.sqs' },
        ],
      },
      'reasons-flow': {
        comment: "reasons: [late, no-review] in a case file, or reasons: { not-done: 3 } in the inspection file's tallies.",
        begin: '(?<![^\\s{,])(reasons)[ \\t]*(:)[ \\t]*(?=[\\[{])',
        beginCaptures: { 1: { name: 'entity.name.tag.yaml' }, 2: { name: 'punctuation.separator.map.value.yaml' } },
        end: '(?<=[\\]}])',
        patterns: [
          { match: '[\\[{]', name: 'punctuation.definition.sequence.begin.yaml' },
          { match: '[\\]}]', name: 'punctuation.definition.sequence.end.yaml' },
          { match: ',', name: 'punctuation.separator.sequence.yaml' },
          { match: ':', name: 'punctuation.separator.map.value.yaml' },
          { match: '\\b\\d+\\b', name: 'constant.numeric.integer.decimal.yaml' },
          code,
        ],
      },
      'reasons-block': {
        comment: 'reasons: with its list on the lines below (`- no-review`), for as long as the lines are list items, comments or blank.',
        // VS Code's YAML grammar takes each line's indentation in begin/while rules before any other rule sees
        // the line, so lookbehinds to the start of the line stand in for `^`. A while rule (not an end) hands the
        // first line that is not an item back to the YAML grammar before anything on it is read.
        begin: '(?<=^[ \\t]*)(reasons)[ \\t]*(:)(?=[ \\t]*(?:#.*)?$)',
        beginCaptures: { 1: { name: 'entity.name.tag.yaml' }, 2: { name: 'punctuation.separator.map.value.yaml' } },
        while: '(?<=^[ \\t]*)(?=[ \\t]*(?:-(?:[ \\t]|$)|#|$))',
        patterns: [
          comment,
          {
            match: `(?<=^[ \\t]*)(-)[ \\t]+(${codes})(?=[ \\t]*$|[ \\t]+#)`,
            captures: { 1: { name: 'punctuation.definition.block.sequence.item.yaml' }, 2: { name: 'support.constant.reason.sqs' } },
          },
          { match: '(?<=^[ \\t]*)(-)(?=[ \\t]|$)', captures: { 1: { name: 'punctuation.definition.block.sequence.item.yaml' } } },
        ],
      },
      'reason-count': {
        comment: "A reason code counted in the inspection file's tallies (`late: 2`, `copy-of-earlier: 4`).",
        match: `(?<![^\\s{,])(${codes})(?=[ \\t]*:(?:\\s|$))`,
        name: 'support.constant.reason.sqs',
      },
    },
  };
}
