import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { InspectionIndex, Checker, defaultLimits, parseYaml } from '../../server/src/core/api';
import { at, textOf, workspace, minimalCase } from '../helpers/index';

describe('parsing and ranges', () => {
  it('reports a syntax error on the line where it is', () => {
    const text = `${minimalCase('T-1')}bad: [unclosed\n`;
    const { findings } = workspace({ 'c/t1.case.sqs.yaml': text });
    const syntax = findings('c/t1.case.sqs.yaml').filter((f) => f.code === 'SQS001');
    assert.ok(syntax.length > 0);
    const badLine = text.split('\n').findIndex((l) => l.startsWith('bad:'));
    assert.ok(
      syntax.some((f) => f.range.start.line >= badLine),
      JSON.stringify(syntax.map(at)),
    );
  });

  it('puts a wrong value on the value and an unknown key on the key', () => {
    const text = 'case: T-1\nsentence: referral order\npsr: maybe\nrisk_of_harm: no\nidentifiable_victim: no\ncolour: blue\n';
    const { findings } = workspace({ 't.case.sqs.yaml': text });
    const fs = findings('t.case.sqs.yaml');
    const psr = fs.find((f) => f.code === 'SQS011')!;
    assert.equal(textOf(text, psr), 'maybe');
    const unknown = fs.find((f) => f.code === 'SQS010')!;
    assert.equal(textOf(text, unknown), 'colour');
  });

  it('keeps ranges right with CRLF line ends and a BOM', () => {
    const text = '\uFEFFcase: T-1\r\nsentence: referral order\r\npsr: maybe\r\nrisk_of_harm: no\r\nidentifiable_victim: no\r\n';
    const { findings } = workspace({ 't.case.sqs.yaml': text });
    const psr = findings('t.case.sqs.yaml').find((f) => f.code === 'SQS011')!;
    assert.equal(at(psr), '3:6 SQS011');
    assert.equal(psr.range.end.character, 10);
  });

  it('counts a lone CR as a line break, as VS Code and LSP do, read from disk or typed, mixed with LF and CRLF', () => {
    const lf = `# LIV-05  YRO, 9 months\n${minimalCase('T-1').replace('psr: yes', 'psr: perhaps')}  "1.3": |\n    one\n    two\n  "4.4": sufficent\n`;
    for (const text of [lf.replace(/\n/g, '\r'), lf.replace(/\n/g, (_, i: number) => (i % 2 ? '\r' : '\r\n'))]) {
      // As the server reads a closed file and `sqs check` reads any file: bytes from the disk.
      const index = new InspectionIndex();
      index.setBytes('file:///ws/t.case.sqs.yaml', new TextEncoder().encode(text));
      const fs = new Checker(index).findingsFor('file:///ws/t.case.sqs.yaml');
      const lines = text.split(/\r\n|\r|\n/);
      const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle));
      const psr = fs.find((f) => f.code === 'SQS011' && f.range.start.line === lineOf('psr:'));
      assert.ok(psr, JSON.stringify(fs.map(at)));
      assert.deepEqual(psr.range, { start: { line: lineOf('psr:'), character: 5 }, end: { line: lineOf('psr:'), character: 12 } });
      assert.ok(
        fs.some((f) => f.code === 'SQS011' && f.range.start.line === lineOf('sufficent')),
        'a misspelt judgement below a block scalar',
      );
      assert.ok(
        fs.every((f) => f.range.end.line < lines.length && f.range.end.character <= lines[f.range.end.line]!.length),
        'inside the document',
      );
      const typed = workspace({ 't.case.sqs.yaml': text }).findings('t.case.sqs.yaml');
      assert.deepEqual(typed.map(at), fs.map(at), 'typed in the editor');
    }
  });

  it('gives each unclosed bracket one finding, never the same finding twice', () => {
    for (const brackets of ['[[[', '{{{', '[{[', '[a, [b, {c: [']) {
      const text = `${minimalCase('T-1')}notes: ${brackets}\n`;
      const found = workspace({ 't.case.sqs.yaml': text }).findings('t.case.sqs.yaml');
      const seen = found.map((f) => `${at(f)} ${JSON.stringify(f.range.end)} ${f.message}`);
      assert.deepEqual(seen, [...new Set(seen)], brackets);
      assert.ok(found.some((f) => f.code === 'SQS001' && f.range.start.line === 10));
    }
  });

  it('100,000 unclosed brackets: distinct findings, at most 100 syntax findings and one saying how many more', () => {
    for (const [what, text] of <[string, string][]>[
      ['[ ×100,000', `${minimalCase('T-1')}notes: ${'['.repeat(100_000)}\n`],
      ['{ ×100,000', `${minimalCase('T-1')}notes: ${'{'.repeat(100_000)}\n`],
      ['- ×50,000', `${minimalCase('T-1')}notes:\n  ${'- '.repeat(50_000)}x\n`],
    ]) {
      const parsed = parseYaml(text);
      const seen = parsed.findings.map((f) => `${f.code} ${JSON.stringify(f.range)} ${f.message}`);
      assert.deepEqual(seen.length, new Set(seen).size, `${what}: no finding twice`);
      assert.ok(parsed.findings.length <= 101, `${what}: ${parsed.findings.length} findings`);
      const deep = parsed.findings.find((f) => /nested more than \d+ deep/.test(f.message));
      assert.ok(deep, `${what}: ${seen.slice(0, 3).join('\n')}`);
      assert.ok(deep.range.start.line === 10 || deep.range.start.line === 11, `${what}: on the line where it nests, not ${deep.range.start.line}`);
    }
  });

  it('past 100 syntax findings, one more says how many are not listed', () => {
    const text = `${minimalCase('T-1')}${'\tx: 1\n'.repeat(300)}`;
    const syntax = parseYaml(text).findings;
    assert.equal(syntax.length, 101);
    assert.match(syntax[100]!.message, /^\d+ more problems of this kind in this file are not listed/);
    assert.ok(
      syntax.slice(0, 100).every((f, i, all) => i === 0 || f.range.start.line >= all[i - 1]!.range.start.line),
      'the first ones, in order',
    );
  });

  it('past 100 lists or mappings left open, the rest of the file is not read, and a finding says so where it starts', () => {
    // `a: [` on each line: yaml ends each at the next line (so nothing nests), with an error each, and took over a
    // second for 20,000 of them (the bench's "a: [ on each of 20,000 lines").
    const head = minimalCase('T-1');
    const first = head.split('\n').length - 1;
    const many = parseYaml(`${head}${'a: [\n'.repeat(20_000)}late: x\n`);
    assert.equal(many.findings.length, 102);
    assert.match(many.findings[100]!.message, /^\d+ more problems of this kind in this file are not listed/);
    const rest = many.findings[101]!;
    assert.match(rest.message, /^More than 100 lists or mappings in this file are never closed: the rest of the file, from here, is not read/);
    assert.equal(rest.range.start.line, first + 100, 'on the line of the 101st');
    assert.equal((many.data as Record<string, unknown>).late, undefined, 'nothing after it is read');
    // Fewer: every one found, and the file read to its end.
    const some = parseYaml(`${head}${'a: [\n'.repeat(90)}late: x\n`);
    assert.ok(!some.findings.some((f) => f.message.startsWith('More than 100 lists')));
    assert.equal((some.data as Record<string, unknown>).late, 'x');
  });

  it('puts findings on their own lines after a stray ] that makes yaml read several lines as one token (found by fuzzing)', () => {
    const text = `${minimalCase('T-1')}  "1.3":\n]    notes: Sentence plan did not address education.\n  "2.1":\n    judgement: not sufficient\n`;
    const found = parseYaml(text).findings;
    const lines = text.split('\n');
    assert.equal(
      found[0]!.range.start.line,
      lines.findIndex((l) => l.startsWith(']')),
    );
    for (const f of found) {
      for (const p of [f.range.start, f.range.end])
        assert.ok(p.line < lines.length && p.character <= lines[p.line]!.length, `${JSON.stringify(f.range)} ${f.message}`);
      assert.equal(lines[f.range.start.line]!.slice(f.range.start.character).trim().length > 0, true, 'on text, not past its line');
    }
  });

  it('counts columns in UTF-16 code units, as LSP does', () => {
    const text = 'case: T-1\nsentence: referral order\nnotes: "🙂 é"\npsr: maybe\nrisk_of_harm: no\nidentifiable_victim: no\n';
    const { findings } = workspace({ 't.case.sqs.yaml': text });
    const f = findings('t.case.sqs.yaml').find((x) => x.code === 'SQS011')!;
    assert.equal(textOf(text, f), 'maybe');
  });

  it('decodes UTF-16 with a BOM and reports bad UTF-8 without losing the rest', () => {
    const index = new InspectionIndex();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('case: T-1\npsr: maybe\n', 'utf16le')]);
    index.setBytes('file:///a.case.sqs.yaml', utf16);
    const latin1 = Buffer.from('case: T-1\nnotes: caf\xe9\npsr: maybe\n', 'latin1');
    index.setBytes('file:///b.case.sqs.yaml', latin1);
    const checker = new Checker(index);
    const a = checker.findingsFor('file:///a.case.sqs.yaml');
    assert.ok(
      a.some((f) => f.code === 'SQS011' && f.range.start.line === 1),
      'UTF-16 text is read',
    );
    const b = checker.findingsFor('file:///b.case.sqs.yaml');
    assert.ok(
      b.some((f) => f.code === 'SQS004' && f.range.start.line === 1),
      'bad byte reported on its line',
    );
    assert.ok(
      b.some((f) => f.code === 'SQS011' && f.range.start.line === 2),
      'the rest is still checked',
    );
  });

  it('reports a binary file once, with no schema noise', () => {
    const index = new InspectionIndex();
    index.setBytes('file:///bin.case.sqs.yaml', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
    const fs = new Checker(index).findingsFor('file:///bin.case.sqs.yaml');
    assert.deepEqual(
      fs.map((f) => f.code),
      ['SQS004'],
    );
  });

  it('keeps the typed text of keys: 1.10 is not merged into 1.1, and duplicates are reported with both places', () => {
    const text = `${minimalCase('T-1')}  1.10: sufficient\n  "1.2": no\n`;
    const { findings } = workspace({ 't.case.sqs.yaml': text });
    const fs = findings('t.case.sqs.yaml');
    const unknown = fs.find((f) => f.code === 'SQS013')!;
    assert.equal(textOf(text, unknown), '1.10');
    const dup = fs.find((f) => f.code === 'SQS005')!;
    assert.equal(textOf(text, dup), '"1.2"');
    assert.equal(
      dup.related?.[0]?.range.start.line,
      text.split('\n').findIndex((l) => l.startsWith('  "1.2": sufficient')),
    );
  });

  it('knows where a scalar’s text is: a block scalar after its header line, a quoted one inside its quotes', () => {
    const text = [
      'folded: >-   # a comment on the header',
      '',
      '    Folded text',
      '    on two lines.',
      '',
      'literal: |+',
      '  Kept',
      '',
      'double: "in quotes"',
      "single: 'it''s'",
      'plain: as typed',
      'empty: |',
      'last: x',
      '',
    ].join('\n');
    const { source } = parseYaml(text);
    const at = (key: string) => {
      const r = source.textRange([key])!;
      const lines = text.split('\n');
      return r.start.line === r.end.line
        ? lines[r.start.line]!.slice(r.start.character, r.end.character)
        : [lines[r.start.line]!.slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), lines[r.end.line]!.slice(0, r.end.character)].join(
            '\n',
          );
    };
    assert.equal(at('folded'), 'Folded text\n    on two lines.');
    assert.equal(at('literal'), 'Kept');
    assert.equal(at('double'), 'in quotes');
    assert.equal(at('single'), "it''s");
    assert.equal(at('plain'), 'as typed');
    // The whole value (header and quotes included) is still where findings go.
    assert.equal(source.valueRange(['folded'])!.start.line, 0);
    assert.equal(source.spansOf(['plain'])!.text, undefined, 'plain text is its whole value');
    assert.equal(source.spansOf(['empty'])!.text, undefined, 'an empty block has no text to point at');
  });

  it('stops an alias bomb with a finding instead of expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const text = `case: T-1\nnotes:\n${levels.map((l) => `  ${l}`).join('\n')}\n`;
    const started = process.hrtime.bigint();
    const parsed = parseYaml(text);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.ok(parsed.findings.some((f) => f.code === 'SQS006'));
    assert.ok(ms < 5000, `bounded work (${ms} ms)`); // a guard against runaway expansion, not a benchmark
  });

  it('puts SQS006 on the alias whose expansion went over the limit, where it is used', () => {
    // Each level holds ten of the one before: d's aliases are where the 10,000 values run out.
    const text = [
      'case: X',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefg'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefg'[i]}`).join(', ')}]`),
      'notes: *g',
      '',
    ].join('\n');
    const parsed = parseYaml(text);
    const bombs = parsed.findings.filter((f) => f.code === 'SQS006');
    assert.equal(bombs.length, 1);
    const { start, end } = bombs[0]!.range;
    assert.equal(text.split('\n')[start.line]!.slice(start.character, end.character), '*c');
    assert.match(text.split('\n')[start.line]!, /^d: &d \[/);
    assert.equal(
      bombs[0]!.message,
      'Alias *c expands to more data than an SQS file can hold (an alias bomb?): the rest of it, and every alias after it, is read as empty.',
    );
  });

  it('says lists nested too deeply, once, where they went too deep, and reads the rest of the file (not an alias bomb)', () => {
    const parsed = parseYaml(`case: X\nnotes: ${'['.repeat(3000)}${']'.repeat(3000)}\ninspector: JS\n`);
    const nesting = parsed.findings.filter((f) => /nested/.test(f.message));
    assert.deepEqual(
      nesting.map((f) => [f.code, f.range.start.line, f.range.start.character]),
      [['SQS001', 1, 7 + 64]],
    );
    assert.doesNotMatch(nesting[0]!.message, /alias|call stack/i);
    assert.match(nesting[0]!.message, /^Lists or mappings are nested more than 64 deep here/);
    assert.equal((parsed.data as { inspector: string }).inspector, 'JS');
    // Nested by indentation, which the scan before parsing leaves to the walk of the values.
    const indented = parseYaml(`${Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\ninspector: JS\n`);
    assert.deepEqual(
      indented.findings.map((f) => [f.code, f.range.start.line]),
      [['SQS001', 64]],
    );
    assert.equal((indented.data as { inspector: string }).inspector, 'JS');
  });

  it('reads a key written as an alias as the text it names', () => {
    const single = parseYaml('x: &k name\n*k : 3\n');
    assert.deepEqual(single.data, { x: 'name', name: 3 });
    assert.deepEqual(single.findings, []);
    assert.deepEqual(single.source.keyRange(['name'])!.start, { line: 1, character: 0 }, 'the key is where the alias is written');
    // Two different aliases are two keys, not a duplicate; the same one twice is.
    const two = parseYaml('x: &k name\ny: &j other\n*k : 1\n*j : 2\n');
    assert.deepEqual(two.data, { x: 'name', y: 'other', name: 1, other: 2 });
    assert.deepEqual(two.findings, []);
    assert.deepEqual(
      parseYaml('x: &k name\n*k : 1\n*k : 2\n').findings.map((f) => [f.code, f.message]),
      [['SQS005', 'Duplicate key "name": only the first one (line 2) is used.']],
    );
  });

  it('an alias key naming a list or mapping is SQS007, and an alias naming no anchor is SQS001, on the alias', () => {
    const list = parseYaml('x: &k [a]\n*k : 3\n');
    assert.deepEqual(
      list.findings.map((f) => [f.code, f.range.start.line, f.message]),
      [['SQS007', 1, 'A key must be plain text, not a list or mapping (*k names one).']],
    );
    assert.deepEqual(list.data, { x: ['a'] });
    for (const text of ['*nope : 1\n', 'a: *nope\n']) {
      const f = parseYaml(text).findings;
      assert.deepEqual(
        f.map((x) => [x.code, x.message]),
        [['SQS001', 'Alias *nope names no anchor: an anchor (&nope) must be set on a value above it.']],
        text,
      );
      assert.equal(text.slice(f[0]!.range.start.character, f[0]!.range.end.character), '*nope');
    }
  });

  it('reports a self-referencing alias', () => {
    const parsed = parseYaml('a: &x [1, *x]\n');
    assert.ok(parsed.findings.length > 0);
  });

  it('refuses files over the size limit with one finding', () => {
    const parsed = parseYaml('x: 1\n'.repeat(10), { ...defaultLimits, maxLength: 20 });
    assert.deepEqual(
      parsed.findings.map((f) => f.code),
      ['SQS003'],
    );
    assert.equal(parsed.data, undefined);
  });

  it('gives every file of the YAML test suite error corpus, named as a case file, an error without crashing', () => {
    const dir = path.join(__dirname, '../fixtures/yaml-test-suite/error');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    assert.equal(files.length, 94);
    for (const f of files) {
      const index = new InspectionIndex();
      const uri = `file:///corpus/${f.replace(/\.yaml$/, '')}.case.sqs.yaml`;
      index.setBytes(uri, readFileSync(path.join(dir, f)));
      const fs = new Checker(index).findingsFor(uri);
      assert.ok(
        fs.some((x) => x.severity === 'error'),
        `${f}: no error reported`,
      );
    }
  });
});
