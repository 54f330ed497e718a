import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { URI, Utils } from 'vscode-uri';
import { plainText } from '../../server/src/lsp/completion';
import { hoverAt } from '../../server/src/core/service/hover';
import { outline } from '../../server/src/core/service/outline';
import { fileKindOf, parseYaml } from '../../server/src/core/api';
import { scaffoldCase, scaffoldInspection } from '../../server/src/core/service/scaffold';
import { tallyHints } from '../../server/src/core/service/tallyHints';
import { minimalCase, minimalInspection, workspace } from '../helpers/index';

describe('scaffolds', () => {
  it('a new case file leaves the sentence and the case facts unanswered: each an error until the inspector answers it', () => {
    const ws = workspace({ 'insp/inspection.sqs.yaml': minimalInspection, 'insp/cases/a.case.sqs.yaml': minimalCase('TST-07') });
    const s = scaffoldCase(ws.index, ws.uri('insp/cases'));
    assert.equal(s.caseId, 'TST-08');
    assert.equal(s.fileName, 'TST-08.case.sqs.yaml');
    const text = plainText(s.snippet);
    // Left as they are, a sentence and facts filled in for the inspector would decide which criteria apply.
    assert.match(text, /^case: TST-08\nsentence: \npsr: \nrisk_of_harm: \nidentifiable_victim: \n/);
    ws.index.set(ws.uri(`insp/cases/${s.fileName}`), text);
    const errors = ws.findings(`insp/cases/${s.fileName}`).filter((f) => f.severity === 'error');
    assert.deepEqual(
      errors.map((f) => `${f.code} ${text.split('\n')[f.range.start.line]!.split(':')[0]}`),
      ['SQS011 sentence', 'SQS011 psr', 'SQS011 risk_of_harm', 'SQS011 identifiable_victim'],
    );
    // With the answers written, a valid case of the inspection.
    const answered = text.replace('sentence: ', 'sentence: referral order').replace(/^(psr|risk_of_harm|identifiable_victim): $/gm, '$1: no');
    ws.index.set(ws.uri(`insp/cases/${s.fileName}`), answered);
    assert.deepEqual(
      ws.findings(`insp/cases/${s.fileName}`).filter((f) => f.severity === 'error'),
      [],
    );
  });

  it("a new case file is named as the folder's case files are named", () => {
    const named = (files: Record<string, string>, id?: string) => {
      const ws = workspace({ 'insp/inspection.sqs.yaml': minimalInspection, ...files });
      return scaffoldCase(ws.index, ws.uri('insp/cases'), id).fileName;
    };
    const cases = (names: [string, string][]) => Object.fromEntries(names.map(([file, id]) => [`insp/cases/${file}`, minimalCase(id)]));
    assert.equal(
      named(
        cases([
          ['liv-01.case.sqs.yaml', 'LIV-01'],
          ['liv-02.case.sqs.yaml', 'LIV-02'],
        ]),
      ),
      'liv-03.case.sqs.yaml',
      'lower case, as LIV-01 is liv-01',
    );
    assert.equal(named(cases([['LIV-01.case.sqs.yaml', 'LIV-01']])), 'LIV-02.case.sqs.yaml', 'as the id is, as before');
    assert.equal(named(cases([['case-liv-01.case.sqs.yml', 'LIV-01']])), 'case-liv-02.case.sqs.yml', 'a prefix and the .yml ending kept');
    assert.equal(named(cases([['liv-01.case.sqs.yaml', 'LIV-01']]), 'Zoë 7'), 'zoë-7.case.sqs.yaml', 'an id typed is named the same way');
    assert.equal(
      named(
        cases([
          ['liv-01.case.sqs.yaml', 'LIV-01'],
          ['liv-02.case.sqs.yaml', 'LIV-02'],
          ['LIV-03.case.sqs.yaml', 'LIV-03'],
        ]),
      ),
      'liv-04.case.sqs.yaml',
      'the way most are named',
    );
    assert.equal(named(cases([['first.case.sqs.yaml', 'LIV-01']])), 'LIV-02.case.sqs.yaml', 'names with no pattern to follow: the id');
    assert.equal(named({}), 'TES-01.case.sqs.yaml', 'no case yet: the id');
  });

  it('a given case id is used as typed, quoted in the YAML when it must be, and made safe as a file name', () => {
    const ws = workspace({ 'insp/inspection.sqs.yaml': minimalInspection });
    const ids = [
      'LIV: 07',
      '#7',
      'a #b',
      '"quoted"',
      "it's",
      "'single'",
      '007',
      'null',
      'true',
      '- 5',
      '&a',
      '*r',
      '!t',
      '[1]',
      '{a}',
      '%x',
      '@x',
      '`t',
      'x:',
      '--- 1',
      '... 2',
      '${1:x}',
      'a } b',
      'C|D',
      'A B 1',
      'CON',
      '.hidden',
      'Zoë-07',
    ];
    for (const id of ids) {
      const s = scaffoldCase(ws.index, ws.uri('insp'), `  ${id} `);
      assert.equal(s.problem, undefined, id);
      assert.equal(s.caseId, id, 'spaces around the id are not part of it');
      // The file the editor would write, with the blanks at their defaults, reads back with the id as typed.
      const text = plainText(s.snippet);
      const parsed = parseYaml(text);
      assert.deepEqual(parsed.findings, [], `${id}: ${text}`);
      assert.equal((parsed.data as { case: unknown }).case, id, `${id}: ${text.split('\n')[0]}`);
      // …and is a valid case file of the inspection, under a name every file system takes.
      const uri = Utils.joinPath(URI.parse(ws.uri('insp')), s.fileName).toString();
      assert.equal(fileKindOf(uri), 'case', s.fileName);
      assert.doesNotMatch(s.fileName, /[\\/:*?"<>|\s]|^[.-]|^(con|prn|aux|nul|com\d|lpt\d)\./i, s.fileName);
      ws.index.set(uri, text);
      // The blanks left for the inspector (the sentence and the facts) are its only errors.
      const errors = ws.checker
        .findingsFor(uri)
        .filter((f) => f.severity === 'error' && !/^(sentence|psr|risk_of_harm|identifiable_victim):/.test(text.split('\n')[f.range.start.line]!));
      assert.deepEqual(
        errors.map((f) => `${f.code} ${f.message}`),
        [],
        id,
      );
      ws.index.delete(uri);
    }
  });

  it('refuses, saying why, an id that cannot name a case or its file', () => {
    const ws = workspace({ 'inspection.sqs.yaml': minimalInspection });
    const refused: [string, RegExp][] = [
      ['', /Give the case a reference/],
      ['   ', /Give the case a reference/],
      ['A/B 1', /cannot contain \/ or \\/],
      ['A\\B', /cannot contain \/ or \\/],
      ['two\nlines', /one line/],
      ['tab\there', /one line/],
      ['x'.repeat(81), /at most 80 characters/],
      ['-- ** --', /letter or digit/],
    ];
    for (const [id, message] of refused) {
      const s = scaffoldCase(ws.index, ws.uri(''), id);
      assert.match(s.problem ?? '', message, JSON.stringify(id));
      assert.equal(s.snippet, '', 'no file for an id that cannot be used');
      assert.equal(s.fileName, '');
    }
  });

  it('a new inspection file asks only for what cannot be defaulted (the fieldwork dates)', () => {
    const ws = workspace({});
    const text = plainText(scaffoldInspection(ws.index.registry.latest).snippet);
    ws.index.set(ws.uri('inspection.sqs.yaml'), text);
    const errors = ws.findings('inspection.sqs.yaml').filter((f) => f.severity === 'error');
    assert.deepEqual(
      errors.map((f) => [f.code, f.range.start.line]),
      [
        ['SQS011', 11],
        ['SQS011', 12],
      ],
    );
  });
});

describe('hover text', () => {
  it('escapes what the inspector typed', () => {
    const ws = workspace({ 'inspection.sqs.yaml': minimalInspection, 'a.case.sqs.yaml': minimalCase('T_1 *bold* [x](y)') });
    const h = hoverAt(ws.index, ws.uri('a.case.sqs.yaml'), 7);
    assert.ok(h);
    assert.match(h.markdown, /Case T\\_1 \\\*bold\\\* \\\[x\\\]\\\(y\\\)/);
  });
});

describe('tally hints', () => {
  it('show agreement, or the tally where the stated count differs', () => {
    const ws = workspace({
      'inspection.sqs.yaml': `${minimalInspection}tallies:\n  "1.2": { relevant: 2, sufficient: 1 }\n`,
      'a.case.sqs.yaml': minimalCase('T-1'),
      'b.case.sqs.yaml': minimalCase('T-2'),
    });
    assert.deepEqual(
      tallyHints(ws.index, ws.uri('inspection.sqs.yaml')).map((h) => h.label),
      ['✓', '≠ 2'],
    );
  });

  it('are absent while the inspection has no case files', () => {
    const ws = workspace({ 'inspection.sqs.yaml': `${minimalInspection}tallies:\n  "1.2": { relevant: 2, sufficient: 1 }\n` });
    assert.deepEqual(tallyHints(ws.index, ws.uri('inspection.sqs.yaml')), []);
  });
});

describe('outline', () => {
  it('groups criteria by theme in file order and names them', () => {
    const ws = workspace({ 'a.case.sqs.yaml': minimalCase('T-1', '  "2.2": { assessment: not sufficient }\n  OM: sufficient\n') });
    const judgements = outline(ws.index.get(ws.uri('a.case.sqs.yaml'))!).find((n) => n.name === 'judgements')!;
    assert.deepEqual(
      judgements.children.map((t) => [t.name, t.children.map((c) => c.name)]),
      [
        ['1 Reducing the likelihood of reoffending', ['1.1 Pre-sentence reports', '1.2 Initial assessment of the likelihood of reoffending']],
        ['2 Protecting the public', ['2.2 Assessment of risk of harm to others']],
        ['Operational management', ['OM Operational management']],
      ],
    );
  });
});
