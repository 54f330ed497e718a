import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { applySeverityOverrides, readSeverityOverrides, type Finding } from '../../server/src/core/api';
import { check, copyOf, lineOf, liverpool, repoRoot, summary, swap } from '../helpers/example';
import { readFileSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Checker, InspectionIndex, type ParsedYaml } from '../../server/src/core/api';
import { ignoreFix } from '../../server/src/core/service/ignore';
import { applySettings, settingsProblems } from '../../server/src/lsp/severity';
import { normaliseSettings } from '../../server/src/protocol';
import { applyEdits } from '../helpers/edits';
import { minimalCase, minimalInspection, workspace } from '../helpers/index';

// Part 6: `# sqs-ignore CODE: reason` and per-code severities.

const liv05 = 'cases/liv-05.case.sqs.yaml';
const noHealth = swap('  "4.4": sufficient\n', '');

describe('# sqs-ignore', () => {
  it('on the line above, silences the finding (kept, marked ignored) and the check passes', () => {
    const dir = copyOf(liverpool, {
      [liv05]: (t) => swap('judgements:\n', 'judgements:   # sqs-ignore SQS051: health not seen; asked the case manager\n')(noHealth(t)),
    });
    const r = check(dir, '--severity', 'SQS051=error');
    assert.equal(r.code, 0, summary(r.findings));
    assert.deepEqual(
      r.findings.filter((f) => f.code === 'SQS051'),
      [],
      'hidden without --show-ignored',
    );
    const shown = check(dir, '--severity', 'SQS051=error', '--show-ignored');
    const f = shown.findings.find((x) => x.code === 'SQS051')!;
    assert.equal(f.line, lineOf(dir, liv05, 'judgements:'));
    assert.equal(f.ignored!.reason, 'health not seen; asked the case manager');
    assert.equal(shown.code, 0, 'an ignored error does not fail the check');
  });

  it('on a line of its own, applies to the next line with content, by code or by name', () => {
    const dir = copyOf(liverpool, {
      [liv05]: (t) =>
        swap('  "2.1": sufficient', '  # sqs-ignore not-applicable, marked-not-applicable: the PSR was an addendum\n\n  "2.1": not applicable')(t),
    });
    const r = check(dir, '--show-ignored');
    const f = r.findings.filter((x) => x.code === 'SQS055');
    assert.equal(f.length, 1, summary(r.findings));
    assert.equal(f[0]!.ignored?.reason, 'the PSR was an addendum');
    const unused = r.findings.filter((x) => x.code === 'SQS091');
    assert.equal(unused.length, 1, 'the misspelt name silences nothing');
    assert.equal(unused[0]!.line, lineOf(dir, liv05, '# sqs-ignore'));
    assert.match(unused[0]!.message, /not-applicable is not a finding code/);
  });

  it('without a reason, is itself a finding and silences nothing', () => {
    const dir = copyOf(liverpool, { [liv05]: (t) => swap('judgements:\n', 'judgements: # sqs-ignore SQS051\n')(noHealth(t)) });
    const r = check(dir, '--show-ignored');
    const f = r.findings.filter((x) => x.code === 'SQS090');
    assert.equal(f.length, 1);
    assert.equal(f[0]!.line, lineOf(dir, liv05, 'judgements:'));
    assert.equal(r.findings.find((x) => x.code === 'SQS051')!.ignored, undefined);
  });

  it('that silences nothing is itself a finding', () => {
    const dir = copyOf(liverpool, { [liv05]: swap('  "2.1": sufficient', '  "2.1": sufficient # sqs-ignore SQS050: left over from an old judgement') });
    const r = check(dir);
    const f = r.findings.filter((x) => x.code === 'SQS091');
    assert.equal(f.length, 1, summary(r.findings));
    assert.match(f[0]!.message, new RegExp(`there is no SQS050 on line ${lineOf(dir, liv05, '"2.1"')}`));
  });

  it('a # inside text is not a comment', () => {
    const ws = workspace({
      'inspection.sqs.yaml': minimalInspection.replace('sample: 2', 'sample: 1'),
      'one.case.sqs.yaml': minimalCase('T-1').replace('psr: yes', 'psr: yes\nnotes: "# sqs-ignore SQS051: not a comment"'),
    });
    const fs = ws.findings('one.case.sqs.yaml');
    assert.ok(fs.some((f) => f.code === 'SQS051'));
    assert.ok(fs.every((f) => !f.ignored && f.code !== 'SQS090' && f.code !== 'SQS091'));
  });

  describe('the "Ignore … here" quick fix, for a finding inside a paragraph written over several lines', () => {
    // 2.6's commentary as a folded paragraph whose second line claims a band the case files contradict (SQS061).
    const paragraph = [
      '  "2.6": >-',
      '    Management oversight of risk of harm work had not been effective',
      '    in almost all of the relevant cases.',
      '',
    ].join('\n');
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const uri = pathToFileURL(path.join(liverpool, 'inspection.sqs.yaml')).toString();
    function load(eol: '\n' | '\r\n') {
      const index = new InspectionIndex();
      for (const file of walk(liverpool)) index.set(pathToFileURL(file).toString(), readFileSync(file, 'utf8'));
      const text = `${readFileSync(path.join(liverpool, 'inspection.sqs.yaml'), 'utf8')}commentary:\n${paragraph}`.replace(/\n/g, eol);
      const checker = new Checker(index);
      const set = (t: string) => {
        index.set(uri, t);
        return { findings: checker.findingsFor(uri), parsed: index.get(uri)!.parsed };
      };
      return { text, set, index };
    }
    const commentaryOf = (parsed: ParsedYaml) => (parsed.data as { commentary: Record<string, string> }).commentary['2.6'];

    for (const [name, eol] of [
      ['LF', '\n'],
      ['CRLF', '\r\n'],
    ] as const) {
      it(`puts the directive above the paragraph's key, where it silences the finding and leaves the text as it was (${name})`, () => {
        const { text, set, index } = load(eol);
        const before = set(text);
        const f = before.findings.find((x) => x.code === 'SQS061')!;
        assert.ok(f, 'the wrong band is found');
        assert.ok(f.range.start.line > text.split(eol).indexOf('  "2.6": >-'), 'the finding is inside the paragraph, below its key');
        const fix = ignoreFix(index.get(uri)!, 'SQS061', f.range)!;
        const fixed = applyEdits(text, fix.edits);
        assert.ok(fixed.includes(`commentary:${eol}  # sqs-ignore SQS061: ${eol}  "2.6": >-${eol}`), 'on its own line above the key, indented like it');
        if (eol === '\r\n') assert.doesNotMatch(fixed, /[^\r]\n/, 'no bare line feed in a CRLF file');
        const reasoned = set(fixed.replace('SQS061: ', 'SQS061: the report says so; agreed with the lead inspector'));
        assert.equal(commentaryOf(reasoned.parsed), commentaryOf(before.parsed), 'the paragraph is unchanged');
        const after = reasoned.findings.filter((x) => ['SQS061', 'SQS090', 'SQS091'].includes(x.code));
        assert.deepEqual(
          after.map((x) => [x.code, x.ignored?.reason]),
          [['SQS061', 'the report says so; agreed with the lead inspector']],
        );
      });
    }

    it('a directive at the end of the key line reaches the paragraph too, and one above another entry does not', () => {
      const { text, set } = load('\n');
      const trailing = set(text.replace('  "2.6": >-', '  "2.6": >- # sqs-ignore SQS061: agreed')).findings;
      assert.deepEqual(
        trailing.filter((x) => x.code === 'SQS061').map((x) => x.ignored?.reason),
        ['agreed'],
      );
      const elsewhere = set(
        text.replace(
          'commentary:\n',
          'commentary:\n  # sqs-ignore SQS061: agreed\n  "2.5": The risk of harm they faced had been effectively managed in the great majority of cases.\n',
        ),
      ).findings;
      assert.deepEqual(
        elsewhere.filter((x) => x.code === 'SQS061').map((x) => x.ignored),
        [undefined],
      );
      assert.equal(elsewhere.filter((x) => x.code === 'SQS091').length, 1);
    });
  });

  describe('the bundled CLI', () => {
    const cli = path.join(repoRoot, 'server/out/cli.js');
    before(() => {
      if (!existsSync(cli)) spawnSync(process.execPath, [path.join(repoRoot, 'esbuild.mjs')], { cwd: repoRoot, stdio: 'inherit' });
    });

    it('--show-ignored prints each silenced finding with its reason and counts them', () => {
      const dir = copyOf(liverpool, { [liv05]: (t) => swap('judgements:\n', 'judgements:   # sqs-ignore SQS051: health not seen\n')(noHealth(t)) });
      const plain = spawnSync(process.execPath, [cli, 'check', '.'], { cwd: dir, encoding: 'utf8' });
      assert.equal(plain.status, 0);
      assert.match(plain.stdout, /^0 errors, 0 warnings, 1 ignored in 35 files\.$/m);
      assert.doesNotMatch(plain.stdout, /SQS051/);
      const shown = spawnSync(process.execPath, [cli, 'check', '--show-ignored', '.'], { cwd: dir, encoding: 'utf8' });
      const line = lineOf(dir, liv05, 'judgements:');
      assert.match(
        shown.stdout,
        new RegExp(
          `^cases/liv-05\\.case\\.sqs\\.yaml:${line}:1 ignored \\(health not seen\\) information SQS051 4\\.4 Health and well-being: not yet judged`,
          'm',
        ),
      );
    });
  });
});

describe('severity settings', () => {
  const f = (code: string, severity: Finding['severity']): Finding => ({
    code,
    severity,
    message: '',
    uri: 'file:///x',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  });

  it('reads codes or names in any case, and reports entries it cannot use', () => {
    const { overrides, problems } = readSeverityOverrides({
      sqs051: 'OFF',
      'missing-reason': 'error',
      'reasons-on-sufficient': 'info',
      SQS777: 'hint',
      SQS030: 'loud',
    });
    assert.deepEqual(
      [...overrides],
      [
        ['SQS051', 'off'],
        ['SQS053', 'error'],
        ['SQS052', 'information'],
      ],
    );
    assert.equal(problems.length, 2);
    assert.match(problems[0]!, /"SQS777" is not a finding code or name/);
    assert.match(problems[1]!, /SQS030: "loud" is not a severity/);
  });

  it('a name of the object prototype is no code and no level (it used to be read as both)', () => {
    // JSON.parse makes "__proto__" an own key, as a settings file or `--severity __proto__=off` does.
    const { overrides, problems } = readSeverityOverrides(
      JSON.parse('{"SQS053": "constructor", "SQS042": "toString", "__proto__": "off", "constructor": "error", "SQS051": "hasOwnProperty"}') as Record<
        string,
        unknown
      >,
    );
    assert.deepEqual([...overrides], []);
    assert.deepEqual(problems, [
      'SQS053: "constructor" is not a severity; use error, warning, information, hint or off.',
      'SQS042: "toString" is not a severity; use error, warning, information, hint or off.',
      '"__proto__" is not a finding code or name (see docs/checks.md).',
      '"constructor" is not a finding code or name (see docs/checks.md).',
      'SQS051: "hasOwnProperty" is not a severity; use error, warning, information, hint or off.',
    ]);
  });

  it('the editor setting keeps such an entry, so it is logged, and findings keep their severity', () => {
    const settings = normaliseSettings(JSON.parse('{"diagnostics": {"severity": {"SQS053": "constructor", "__proto__": "off"}}}'));
    assert.deepEqual(Object.keys(settings.diagnostics.severity), ['SQS053', '__proto__']);
    assert.deepEqual(settingsProblems(settings).length, 2);
    const shown = applySettings([f('SQS053', 'warning')], settings);
    assert.deepEqual(
      shown.map((x) => x.severity),
      ['warning'],
    );
  });

  it('applies overrides purely: off drops, others change severity, the rest are untouched', () => {
    const input = [f('SQS051', 'information'), f('SQS053', 'warning'), f('SQS030', 'error')];
    const out = applySeverityOverrides(input, readSeverityOverrides({ 'not-yet-judged': 'off', SQS053: 'error' }).overrides);
    assert.deepEqual(
      out.map((x) => `${x.code} ${x.severity}`),
      ['SQS053 error', 'SQS030 error'],
    );
    assert.equal(out[1], input[2], 'untouched findings are the same objects');
    assert.equal(input[1]!.severity, 'warning', 'the input is not mutated');
  });
});
