import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { writeFileAtomically } from '../../server/src/cli/atomicFile';
import { loadWorkspace } from '../../server/src/cli/files';
import { main } from '../../server/src/cli/main';
import { caseColumns, dataTablesInOnePass, tallyColumns, type Inspection } from '../../server/src/core/api';
import { neutralise } from '../../server/src/render/data/writer';
import { csvRecords } from '../helpers/csv';
import { copyOf, liverpool, liverpoolTalliesOnly, repoRoot, swap } from '../helpers/example';

// `sqs export`: the judgements and tallies of one inspection or many, as CSV, XLSX and JSON; text that a
// spreadsheet would run neutralised; the inspectors' notes and quotes only when asked; the file written whole or
// not at all; exit codes as `sqs check`'s.

const scratch = mkdtempSync(path.join(tmpdir(), 'sqs-export-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

async function sqs(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    args,
    (s) => (stdout += `${s}\n`),
    (s) => (stderr += `${s}\n`),
  );
  return { code, stdout, stderr };
}

async function sheets(file: string): Promise<Map<string, Record<string, unknown>[]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const out = new Map<string, Record<string, unknown>[]>();
  book.eachSheet((sheet) => {
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, (row.values as unknown[])[i + 1] ?? null])));
    });
    out.set(sheet.name, rows);
  });
  return out;
}

describe('sqs export', () => {
  it('writes the tallies of both examples as the index counts them, and the stated figures beside them', async () => {
    const r = await sqs('export', path.join(repoRoot, 'examples'), '--level', 'tallies');
    assert.equal(r.code, 0, r.stderr);
    const rows = csvRecords(r.stdout);
    assert.deepEqual(
      Object.keys(rows[0]!),
      tallyColumns.map((c) => c.key),
    );
    const { index } = loadWorkspace([path.join(repoRoot, 'examples')]);
    const inspections = index.inspections();
    assert.equal(
      rows.length,
      inspections.reduce((n, i) => n + i.catalogue.questions.size, 0),
      'a row per inspection and question',
    );
    const cases = inspections.find((i) => i.cases.size > 0)!;
    for (const t of cases.tallies.all()) {
      const row = rows.find((x) => x.figures_from === 'cases' && `${x.criterion}/${x.question}` === t.question.id)!;
      const due = t.question.kind === 'review';
      assert.deepEqual(
        [row.relevant, row.done, row.sufficient, row.not_sufficient, row.unjudged],
        [t.relevant, due ? t.done : '', t.sufficient, t.notSufficient, t.unjudged].map(String),
        t.question.id,
      );
      assert.equal(row.percent_sufficient, t.relevant === 0 ? '' : String(Math.round((t.sufficient / t.relevant) * 1000) / 10));
      const given = (t.question.reasons?.codes ?? []).flatMap((r) => (t.reasons.has(r.code) ? [`${r.code}: ${t.reasons.get(r.code)}`] : []));
      assert.equal(row.reasons, given.join('; '), 'in catalogue order');
    }
    const stated = rows.find((x) => x.figures_from === 'cases' && x.criterion === '1.1' && x.question === 'report')!;
    assert.deepEqual([stated.stated_relevant, stated.stated_sufficient, stated.stated_agrees], ['22', '19', 'yes']);
    assert.equal(rows.find((x) => x.figures_from === 'stated' && x.criterion === '2.4')!.not_sufficient, '11', 'tallies only: the stated counts');
  });

  it('writes a row per case and question the case answers, with the case facts, in CSV, XLSX and JSON alike', async () => {
    const csv = csvRecords((await sqs('export', liverpool)).stdout);
    const { index } = loadWorkspace([liverpool]);
    const inspection = index.inspections()[0]!;
    const expected = [...inspection.cases.keys()].reduce((n, uri) => n + inspection.tallies.contributionsOf(uri)!.size, 0);
    assert.equal(csv.length, expected);
    const liv05 = csv.find((r) => r.case === 'LIV-05' && r.criterion === '2.2' && r.question === 'assessment')!;
    assert.deepEqual(
      { sentence: liv05.sentence, psr: liv05.psr, custody: liv05.custody, outcome: liv05.outcome, inspector: liv05.inspector },
      { sentence: 'youth-rehabilitation-order', psr: 'yes', custody: 'no', outcome: 'not sufficient', inspector: 'JS' },
    );
    assert.equal(liv05.reasons, 'previous-violence-ignored');
    const json = JSON.parse((await sqs('export', liverpool, '--format', 'json')).stdout) as Record<string, Record<string, unknown>[]>;
    assert.deepEqual(Object.keys(json), ['cases', 'tallies']);
    assert.equal(json.cases!.length, expected);
    assert.deepEqual(json.cases![0], Object.fromEntries(Object.entries(csv[0]!).map(([k, v]) => [k, v === '' ? null : v])));
    assert.equal(json.tallies!.find((t) => t.criterion === '1.1' && t.question === 'report')!.percent_sufficient, 86.4);
    const file = path.join(scratch, 'liverpool.xlsx');
    const w = await sqs('export', liverpool, '--format', 'xlsx', '--out', file);
    assert.equal(w.code, 0, w.stderr);
    const book = await sheets(file);
    assert.deepEqual([...book.keys()], ['Cases', 'Tallies']);
    assert.equal(book.get('Cases')!.length, expected);
    assert.equal(book.get('Tallies')!.find((t) => t.criterion === '1.1' && t.question === 'report')!.percent_sufficient, 19 / 22);
  });

  it('neutralises text a spreadsheet would read as a formula (= + - @, tab, CR), in CSV and XLSX', async () => {
    const dir = copyOf(liverpool, {
      'cases/liv-01.case.sqs.yaml': (t) =>
        swap('inspector: JS\n', 'inspector: "=HYPERLINK(\\"http://x.invalid\\",\\"click\\")"\n')(t).replace(/^notes: .*$/m, 'notes: "+1 @SUM(A1)"'),
      'cases/liv-02.case.sqs.yaml': (t) => t.replace(/^inspector: .*$/m, 'inspector: "-2+3"'),
      'cases/liv-03.case.sqs.yaml': (t) => t.replace(/^inspector: .*$/m, 'inspector: "@cmd"'),
      'cases/liv-04.case.sqs.yaml': (t) => t.replace(/^inspector: .*$/m, 'inspector: "\\t=1+1"'),
    });
    try {
      const expected: Record<string, string> = {
        'LIV-01': `'=HYPERLINK("http://x.invalid","click")`,
        'LIV-02': `'-2+3`,
        'LIV-03': `'@cmd`,
        'LIV-04': `'\t=1+1`,
      };
      const csv = csvRecords((await sqs('export', dir, '--include-notes')).stdout);
      for (const [id, want] of Object.entries(expected)) assert.equal(csv.find((r) => r.case === id)!.inspector, want, id);
      assert.equal(csv.find((r) => r.case === 'LIV-01')!.case_notes, "'+1 @SUM(A1)");
      const liv07 = /^inspector: (.*)$/m.exec(readFileSync(path.join(dir, 'cases/liv-07.case.sqs.yaml'), 'utf8'))![1];
      assert.equal(csv.find((r) => r.case === 'LIV-07')!.inspector, liv07, 'other text as it is');
      const file = path.join(dir, 'data.xlsx');
      await sqs('export', dir, '--format', 'xlsx', '--out', file);
      const cases = (await sheets(file)).get('Cases')!;
      for (const [id, want] of Object.entries(expected)) assert.equal(cases.find((r) => r.case === id)!.inspector, want, `${id} (XLSX)`);
      // A carriage return opening a value reaches the writers as a line break (YAML reads a lone CR as one); the
      // rule itself takes both.
      assert.deepEqual(['\r=1+1', '\t=1', '=1', '+1', '-1', '@A1', 'A=1', ' =1', ''].map(neutralise), [
        "'\r=1+1",
        "'\t=1",
        "'=1",
        "'+1",
        "'-1",
        "'@A1",
        'A=1',
        ' =1',
        '',
      ]);
      const json = JSON.parse((await sqs('export', dir, '--format', 'json')).stdout) as { cases: Record<string, unknown>[] };
      assert.equal(json.cases.find((r) => r.case === 'LIV-02')!.inspector, '-2+3', 'JSON is read by programs: text as typed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the notes and quotes out unless --include-notes', async () => {
    // Words of a note, a quote and a case's notes in the example.
    const words = ['ETE and lifestyle sections blank', 'From the outset there was extensive', 'ABH on a peer outside school'];
    for (const format of ['csv', 'json', 'xlsx']) {
      const plainFile = path.join(scratch, `plain.${format}`);
      const notesFile = path.join(scratch, `notes.${format}`);
      await sqs('export', liverpool, '--format', format, '--out', plainFile);
      await sqs('export', liverpool, '--format', format, '--out', notesFile, '--include-notes');
      const read = async (f: string) => (format === 'xlsx' ? JSON.stringify([...(await sheets(f)).values()]) : readFileSync(f, 'utf8'));
      const plain = await read(plainFile);
      const notes = await read(notesFile);
      for (const w of words) {
        assert.ok(!plain.includes(w), `${format}: "${w}" left out`);
        assert.ok(notes.includes(w), `${format}: "${w}" with --include-notes`);
      }
      for (const column of ['notes', 'quote', 'case_notes']) {
        assert.ok(!plain.includes(`"${column}"`) && !plain.split('\n')[0]!.split(',').includes(column), `${format}: no ${column} column`);
      }
    }
    assert.deepEqual(
      caseColumns([], { includeNotes: true })
        .map((c) => c.key)
        .slice(-3),
      ['notes', 'quote', 'case_notes'],
    );
  });

  it('exits as sqs check: 1 with the errors listed, the data written all the same; 2 for a usage problem', async () => {
    const dir = copyOf(liverpool, { 'cases/liv-01.case.sqs.yaml': swap('    report: sufficient\n', '    report: not sufficient\n') });
    try {
      const file = path.join(dir, 'tallies.csv');
      const r = await sqs('export', dir, '--level', 'tallies', '--out', file);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /error SQS030/);
      assert.match(r.stderr, /have errors|has errors/);
      const rows = csvRecords(readFileSync(file, 'utf8'));
      assert.ok(rows.every((x) => Number(x.errors) > 0));
      assert.equal(rows.find((x) => x.criterion === '1.1' && x.question === 'report')!.stated_agrees, 'no');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.equal((await sqs('export', liverpool, '--format', 'xlsx')).code, 2, 'xlsx needs --out');
    assert.equal((await sqs('export', liverpool, '--format', 'pdf')).code, 2);
    assert.equal((await sqs('export', liverpool, '--level', 'everything')).code, 2);
    assert.equal((await sqs('export', path.join(scratch, 'nowhere'))).code, 2);
    assert.equal((await sqs('export', liverpoolTalliesOnly)).code, 0);
  });
});

describe('sqs export, an inspection at a time', () => {
  /** Both examples, an inspection nested in another's, one whose folder sorts apart by code point and by locale, errors, and cases in no inspection. */
  function messyWorkspace(): string {
    const dir = mkdtempSync(path.join(scratch, 'messy-'));
    cpSync(path.join(repoRoot, 'examples'), dir, { recursive: true });
    cpSync(liverpool, path.join(dir, 'liverpool-2013/nested'), { recursive: true });
    cpSync(liverpool, path.join(dir, 'Zeta inspection'), { recursive: true });
    const edit = (file: string, from: string, to: string) => writeFileSync(path.join(dir, file), readFileSync(path.join(dir, file), 'utf8').replace(from, to));
    edit('liverpool-2013/cases/liv-05.case.sqs.yaml', 'case: LIV-05', 'case: LIV-06');
    edit('Zeta inspection/cases/liv-01.case.sqs.yaml', '    report: sufficient\n', '    report: not sufficient\n');
    mkdirSync(path.join(dir, 'loose'));
    cpSync(path.join(liverpool, 'cases/liv-07.case.sqs.yaml'), path.join(dir, 'loose/liv-07.case.sqs.yaml'));
    return dir;
  }

  it('writes, byte for byte, what exporting the whole workspace at once writes, and lists the same errors', async () => {
    const dir = messyWorkspace();
    // Folders that overlap are loaded whole (files.ts inspectionGroups): the same inspections, all in memory at once.
    const whole = [dir, path.join(dir, 'loose')];
    for (const args of [
      ['--format', 'json'],
      ['--format', 'csv', '--include-notes'],
      ['--format', 'csv', '--level', 'tallies'],
    ]) {
      const inTurn = await sqs('export', dir, ...args);
      const atOnce = await sqs('export', ...whole, ...args);
      assert.equal(inTurn.code, 1, inTurn.stderr);
      assert.equal(inTurn.stdout, atOnce.stdout, args.join(' '));
      assert.equal(inTurn.stderr, atOnce.stderr);
    }
    const json = JSON.parse((await sqs('export', dir, '--format', 'json')).stdout) as { cases: { inspection: string }[]; tallies: { errors: number }[] };
    const inspections = loadWorkspace([dir]).index.inspections();
    assert.equal(inspections.length, 4, 'both examples, the nested one and Zeta');
    assert.equal(
      json.tallies.length,
      inspections.reduce((n, i) => n + i.catalogue.questions.size, 0),
    );
    assert.ok(json.tallies.some((t) => t.errors > 0) && json.tallies.some((t) => t.errors === 0));
    const inTurn = await sqs('export', dir, '--format', 'xlsx', '--out', path.join(dir, 'in-turn.xlsx'));
    const atOnce = await sqs('export', ...whole, '--format', 'xlsx', '--out', path.join(dir, 'at-once.xlsx'));
    assert.equal(inTurn.code, atOnce.code);
    assert.deepEqual(await sheets(path.join(dir, 'in-turn.xlsx')), await sheets(path.join(dir, 'at-once.xlsx')));
  });

  it('makes every row of an inspection before the next is pulled, and the tallies once the cases are made', () => {
    const { index } = loadWorkspace([path.join(repoRoot, 'examples')]);
    const all = index.inspections();
    const pulled: string[] = [];
    const inTurn = function* (): Generator<Inspection> {
      for (const i of all) {
        pulled.push(i.folder);
        yield i;
      }
    };
    const [cases, tallies] = dataTablesInOnePass(
      inTurn(),
      all.map((i) => i.catalogue),
      ['cases', 'tallies'],
      { errors: () => 0 },
    );
    assert.throws(() => [...tallies!.rows], /once its cases are/);
    const seen: string[] = [];
    for (const row of cases!.rows) {
      // The inspection a row is of is the last one pulled.
      const of = all.find((i) => i.file.model.area?.value === row.inspection && i.cases.size > 0)!;
      assert.equal(pulled.at(-1), of.folder);
      seen.push(of.folder);
    }
    assert.ok(seen.length > 0);
    assert.deepEqual(
      pulled,
      all.map((i) => i.folder),
      'each pulled once',
    );
    assert.equal(
      [...tallies!.rows].length,
      all.reduce((n, i) => n + i.catalogue.questions.size, 0),
    );
  });
});

describe('writing a file whole or not at all', () => {
  it('replaces the target only once everything is written, and leaves nothing behind', async () => {
    const dir = mkdtempSync(path.join(scratch, 'atomic-'));
    const target = path.join(dir, 'data.csv');
    writeFileSync(target, 'the analyst’s last export\n');
    await assert.rejects(
      writeFileAtomically(target, async (out) => {
        out.write('half a file');
        // Seen from outside while being written: the target is still the old file.
        assert.equal(readFileSync(target, 'utf8'), 'the analyst’s last export\n');
        throw new Error('the disk is full');
      }),
      /the disk is full/,
    );
    assert.equal(readFileSync(target, 'utf8'), 'the analyst’s last export\n');
    assert.deepEqual(readdirSync(dir), ['data.csv'], 'no half-written file left');
    await writeFileAtomically(target, async (out) => {
      out.end('new data\n');
    });
    assert.equal(readFileSync(target, 'utf8'), 'new data\n');
    assert.deepEqual(readdirSync(dir), ['data.csv']);
  });
});
