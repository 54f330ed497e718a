import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';
import { URI } from 'vscode-uri';
import { parse } from 'yaml';
import { InspectionIndex } from '../../server/src/core/api';
import { judgementValue } from '../../server/src/core/model/values';

// The TextMate grammar as VS Code runs it: our grammars and injection, loaded from package.json's
// contributions, on top of VS Code's own YAML grammar (a copy in test/fixtures/grammars/vscode-yaml).

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: {
    grammars: { language?: string; scopeName: string; path: string; injectTo?: string[] }[];
  };
};
const vscodeYaml = path.join(root, 'test/fixtures/grammars/vscode-yaml');
const yamlScopes: Record<string, string> = {
  'source.yaml': 'yaml.tmLanguage.json',
  'source.yaml.1.0': 'yaml-1.0.tmLanguage.json',
  'source.yaml.1.1': 'yaml-1.1.tmLanguage.json',
  'source.yaml.1.2': 'yaml-1.2.tmLanguage.json',
  'source.yaml.1.3': 'yaml-1.3.tmLanguage.json',
  'source.yaml.embedded': 'yaml-embedded.tmLanguage.json',
};

let grammars: Record<string, IGrammar>;

before(async () => {
  await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => {
      const ours = pkg.contributes.grammars.find((g) => g.scopeName === scope);
      const file = ours ? path.join(root, ours.path) : yamlScopes[scope] && path.join(vscodeYaml, yamlScopes[scope]);
      return file ? parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scope) => pkg.contributes.grammars.filter((g) => g.injectTo?.includes(scope)).map((g) => g.scopeName),
  });
  grammars = {};
  for (const g of pkg.contributes.grammars) if (g.language) grammars[g.language] = (await registry.loadGrammar(g.scopeName))!;
});

/** The scopes of the token at each position of each line. */
function tokenize(grammar: IGrammar, text: string): (pos: { line: number; character: number }) => string[] {
  let state = INITIAL;
  const lines = text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens;
  });
  return ({ line, character }) => lines[line]!.find((t) => t.startIndex <= character && character < t.endIndex)?.scopes ?? [];
}

const liverpool = path.join(root, 'examples/liverpool-2013');

function loadLiverpool() {
  const index = new InspectionIndex();
  const files = [path.join(liverpool, 'inspection.sqs.yaml'), ...readdirSync(path.join(liverpool, 'cases')).map((f) => path.join(liverpool, 'cases', f))];
  for (const f of files) index.set(URI.file(f).toString(), readFileSync(f, 'utf8'));
  return index;
}

const has = (scopes: string[], prefix: string) => scopes.some((s) => s.startsWith(prefix));

describe('TextMate grammar', () => {
  it("each SQS language has a grammar on VS Code's YAML, and the injection reaches both", () => {
    assert.deepEqual(Object.keys(grammars).sort(), ['sqs-case', 'sqs-inspection']);
    const injection = pkg.contributes.grammars.find((g) => g.injectTo)!;
    assert.deepEqual(
      injection.injectTo!.sort(),
      pkg.contributes.grammars
        .filter((g) => g.language)
        .map((g) => g.scopeName)
        .sort(),
    );
  });

  it('on every Liverpool case file: criterion ids, judgement words and reason codes where the parser finds them', () => {
    const index = loadLiverpool();
    let judgements = 0;
    let reasons = 0;
    for (const file of index.all()) {
      if (file.kind !== 'case') continue;
      const scopesAt = tokenize(grammars['sqs-case']!, file.parsed.text);
      const name = path.basename(file.uri);
      for (const criterionId of Object.keys((file.parsed.data as { judgements: object }).judgements)) {
        const key = file.parsed.source.keyRange(['judgements', criterionId])!;
        // Skip the opening quote of a quoted id.
        const at = { line: key.start.line, character: key.start.character + (criterionId === 'OM' ? 0 : 1) };
        assert.ok(has(scopesAt(at), 'entity.name.type.criterion.sqs'), `${name}: criterion ${criterionId} ${JSON.stringify(scopesAt(at))}`);
      }
      for (const j of file.model.judgements.values()) {
        const word = file.parsed.text.split('\n')[j.range.start.line]!.slice(j.range.start.character, j.range.end.character);
        judgements++;
        assert.ok(has(scopesAt(j.range.start), 'constant.language.judgement.'), `${name}:${j.range.start.line + 1} ${word}`);
        for (const r of j.reasons) {
          reasons++;
          assert.ok(has(scopesAt(r.range.start), 'support.constant.reason.sqs'), `${name}:${r.range.start.line + 1} reason ${r.value}`);
        }
      }
    }
    assert.ok(judgements > 500 && reasons > 20, `checked ${judgements} judgements and ${reasons} reasons`);
  });

  it('on the Liverpool inspection file: criterion ids and counted reasons, and nothing inside text or comments', () => {
    const index = loadLiverpool();
    const file = index.all().find((f) => f.kind === 'inspection')!;
    const scopesAt = tokenize(grammars['sqs-inspection']!, file.parsed.text);
    for (const stated of file.kind === 'inspection' ? file.model.stated.values() : []) {
      const id = stated.path[1] as string;
      const key = file.parsed.source.keyRange(['tallies', id])!;
      assert.ok(has(scopesAt({ line: key.start.line, character: key.start.character + 1 }), 'entity.name.type.criterion.sqs'), `tallies ${id}`);
      for (const [code] of stated.reasons) {
        const k = file.parsed.source.keyRange([...stated.path, 'reasons', code])!;
        assert.ok(has(scopesAt(k.start), 'support.constant.reason.sqs'), `reason ${code}`);
      }
    }
    const lines = file.parsed.text.split('\n');
    lines.forEach((line, i) => {
      const word = /\bsufficient\b/.exec(line);
      if (!word || !/^\s*(#|-|[a-z_]+: [A-Z])/.test(line)) return; // comments, list items, prose
      assert.ok(!has(scopesAt({ line: i, character: word.index }), 'constant.language.judgement.'), `line ${i + 1}: ${line}`);
    });
  });

  it('leaves judgement words in prose, comments and keys alone', () => {
    const text = 'judgements:\n  "1.2":\n    judgement: sufficient # not sufficient\n    notes: not sufficient evidence of planning\n    quote: "sufficient"\n';
    const scopesAt = tokenize(grammars['sqs-case']!, text);
    assert.ok(has(scopesAt({ line: 2, character: 15 }), 'constant.language.judgement.sufficient'));
    assert.ok(!has(scopesAt({ line: 2, character: 30 }), 'constant.language.judgement.'), 'in a comment');
    assert.ok(!has(scopesAt({ line: 3, character: 11 }), 'constant.language.judgement.'), 'in notes');
    assert.ok(!has(scopesAt({ line: 4, character: 12 }), 'constant.language.judgement.'), 'quoted text');
  });
});

/** The judgement class the grammar gives the value in `text` at `line`, `character`, or undefined. */
function judgementAt(language: string, text: string, line: number, character: number): string | undefined {
  const scope = tokenize(grammars[language]!, text)({ line, character }).find((s) => s.startsWith('constant.language.judgement.'));
  return scope?.replace('constant.language.judgement.', '').replace('.sqs', '');
}

const isReason = (language: string, text: string, line: number, character: number) =>
  has(tokenize(grammars[language]!, text)({ line, character }), 'support.constant.reason.sqs');

describe('TextMate grammar: what is coloured is what the checks accept', () => {
  const caseText = (judgements: string) => `case: LIV-01\nsentence: referral order\npsr: yes\njudgements:\n${judgements}`;
  const words = [
    'sufficient',
    'not sufficient',
    'not-sufficient',
    'insufficient',
    'not applicable',
    'not-applicable',
    'n/a',
    'na',
    'yes',
    'no',
    'true',
    'false',
    'True',
    'FALSE',
    'N/A',
    'NA',
    'Na',
    'Sufficient',
    'YES',
    'No',
    'not  sufficient',
    'not_applicable',
    'n / a',
    'suff',
    'on',
    'off',
    'y',
    'n',
    '~',
  ];

  it('a judgement word is coloured, as what it means, exactly when the case schema accepts it', () => {
    for (const word of words) {
      const read = judgementValue.safeParse(parse(word));
      const expected = read.success ? read.data : undefined;
      for (const [line, text] of [
        [4, caseText(`  "1.3": ${word}\n`)],
        [5, caseText(`  "2.2":\n    review: ${word} # why\n`)],
        [6, caseText(`  "1.2":\n    reasons: [late]\n    judgement: ${word}\n`)],
      ] as const) {
        const at = text.split('\n')[line]!.lastIndexOf(word.split(' ')[0]!);
        assert.equal(judgementAt('sqs-case', text, line, at), expected, `${JSON.stringify(word)} in ${JSON.stringify(text.split('\n')[line])}`);
      }
      const flow = caseText(`  "1.4": { plan: ${word}, review: sufficient }\n`);
      assert.equal(judgementAt('sqs-case', flow, 4, 17), expected, `${JSON.stringify(word)} in a flow mapping`);
    }
  });

  it('a judgement after any number of spaces, and none after a top-level key such as a fact', () => {
    const text = caseText('  "1.3":    na\n  "3.1": { psr:  yes }\n');
    assert.equal(judgementAt('sqs-case', text, 4, 12), 'not-applicable');
    assert.equal(judgementAt('sqs-case', text, 5, 17), 'sufficient');
    assert.equal(judgementAt('sqs-case', text, 2, 5), undefined, 'psr: yes is a case fact');
  });

  it('a value the YAML reads as more than the word is not coloured', () => {
    const text = caseText('  "1.3": sufficient, mostly\n  "1.2": sufficient#1\n  "2.4": { judgement: no, x }\n');
    assert.equal(judgementAt('sqs-case', text, 4, 9), undefined);
    assert.equal(judgementAt('sqs-case', text, 5, 9), undefined);
    assert.equal(judgementAt('sqs-case', text, 6, 22), 'not-sufficient');
  });

  it('nothing inside block scalars or quoted text', () => {
    const find = (text: string, line: number, word: string) => text.split('\n')[line]!.lastIndexOf(word);
    for (const indicator of ['>-', '|', '>', '|+']) {
      const text = caseText(
        `  "1.2":\n    judgement: no\n    notes: ${indicator}\n      reasons: [late]\n      "1.3": sufficient\n      - late\n      judgement: no\n`,
      );
      assert.ok(!isReason('sqs-case', text, 7, find(text, 7, 'late')), `flow reasons in ${indicator}`);
      assert.equal(judgementAt('sqs-case', text, 8, find(text, 8, 'sufficient')), undefined, `judgement in ${indicator}`);
      assert.ok(!isReason('sqs-case', text, 9, find(text, 9, 'late')), `list item in ${indicator}`);
      assert.equal(judgementAt('sqs-case', text, 10, find(text, 10, 'no')), undefined, `judgement: in ${indicator}`);
      assert.equal(judgementAt('sqs-case', text, 5, find(text, 5, 'no')), 'not-sufficient');
    }
    const quoted = caseText(`  "1.2":\n    judgement: no\n    notes: "reasons: [late]"\n    quote: 'judgement: no'\n`);
    assert.ok(!isReason('sqs-case', quoted, 6, find(quoted, 6, 'late')));
    assert.equal(judgementAt('sqs-case', quoted, 7, find(quoted, 7, 'no')), undefined);
  });

  it('a list item is a reason only under reasons:, and the YAML grammar takes over after the list', () => {
    const text = caseText(
      '  "1.2":\n    judgement: no\n    reasons:  # both\n      - late\n\n      - insufficient-quality # see notes\n    notes: x\n  "1.3":\n    reasons:\n    - no-review\n    judgement: no\n',
    );
    assert.ok(isReason('sqs-case', text, 7, 8));
    assert.ok(isReason('sqs-case', text, 9, 8));
    assert.ok(has(tokenize(grammars['sqs-case']!, text)({ line: 9, character: 32 }), 'comment.line'));
    assert.ok(has(tokenize(grammars['sqs-case']!, text)({ line: 10, character: 4 }), 'entity.name.tag.yaml'), 'notes: is a key again');
    assert.ok(isReason('sqs-case', text, 13, 6));
    assert.equal(judgementAt('sqs-case', text, 14, 15), 'not-sufficient');
    const inspection = `inspection: Liverpool\nnarrative:\n  key_strengths:\n    - late\n    - other\n  areas_for_improvement:\n    - no-review\n`;
    for (const line of [3, 4, 6]) assert.ok(!isReason('sqs-inspection', inspection, line, 6), `line ${line + 1}`);
  });

  it('every reason code of the catalogue, one word or hyphenated, in lists and counted; other words not', () => {
    const codes = [...new Set([...new InspectionIndex().registry.latest.questions.values()].flatMap((q) => q.reasons?.codes.map((r) => r.code) ?? []))];
    assert.ok(codes.includes('late') && codes.includes('slcn') && codes.includes('other'));
    for (const code of codes) {
      const tallies = `tallies:\n  "1.2":\n    reasons:\n      ${code}: 2\n    x: { reasons: { ${code}: 1 } }\n`;
      assert.ok(isReason('sqs-inspection', tallies, 3, 6), `${code}: 2`);
      assert.ok(isReason('sqs-inspection', tallies, 4, 20), `{ ${code}: 1 }`);
      const list = caseText(`  "1.2":\n    reasons: [${code}]\n    judgement: no\n  "1.3":\n    reasons:\n      - ${code}\n`);
      assert.ok(isReason('sqs-case', list, 5, 15), `[${code}]`);
      assert.ok(isReason('sqs-case', list, 9, 8), `- ${code}`);
    }
    const others = caseText(`  "1.2":\n    reasons: [lateish, Late, no-reviews]\n    judgement: no\n  "1.3":\n    reasons:\n      - lateness\n`);
    for (const at of [15, 24, 30]) assert.ok(!isReason('sqs-case', others, 5, at), `character ${at}`);
    assert.ok(!isReason('sqs-case', others, 9, 8));
  });

  it("leaves VS Code's YAML grammar reading the Liverpool files as it does alone", async () => {
    const plain = new Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scope) =>
        yamlScopes[scope] ? parseRawGrammar(readFileSync(path.join(vscodeYaml, yamlScopes[scope]), 'utf8'), yamlScopes[scope]) : null,
    });
    const yaml = (await plain.loadGrammar('source.yaml'))!;
    const illegal = (grammar: IGrammar, text: string) => {
      let state = INITIAL;
      return text.split('\n').flatMap((line, i) => {
        const r = grammar.tokenizeLine(line, state);
        state = r.ruleStack;
        return r.tokens.some((t) => t.scopes.some((s) => s.startsWith('invalid.'))) ? [i + 1] : [];
      });
    };
    for (const file of loadLiverpool().all()) {
      const ours = grammars[file.kind === 'case' ? 'sqs-case' : 'sqs-inspection']!;
      assert.deepEqual(illegal(ours, file.parsed.text), illegal(yaml, file.parsed.text), path.basename(file.uri));
    }
  });
});
