import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { loadWorkspace } from '../../server/src/cli/files';
import { main } from '../../server/src/cli/main';
import { questionCounts } from '../../server/src/core/api';
import { parseCsv } from '../helpers/csv';
import { repoRoot } from '../helpers/example';
import { ensureLibreOffice } from '../helpers/libreoffice';

// The workbook opened by another program: LibreOffice Calc (installed from Debian when missing) reads the XLSX
// `sqs export` writes for both examples and saves every sheet as CSV, cells as shown; every cell must be the one
// `sqs export --format csv` writes for that level, and every figure the examples' tallies.

const examples = path.join(repoRoot, 'examples');
const dir = mkdtempSync(path.join(tmpdir(), 'sqs-xlsx-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function sqs(...args: string[]): Promise<string> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    args,
    (s) => (stdout += `${s}\n`),
    (s) => (stderr += `${s}\n`),
  );
  assert.equal(code, 0, stderr);
  return stdout;
}

describe('the XLSX export, opened in LibreOffice Calc', () => {
  it('holds every cell of the CSV export, and every figure of both examples', { timeout: 900_000 }, async () => {
    const soffice = ensureLibreOffice('calc');
    const workbook = path.join(dir, 'data.xlsx');
    await sqs('export', examples, '--format', 'xlsx', '--out', workbook);
    // Every sheet to its own CSV (the last option, -1), UTF-8, cells as shown (so a share reads "86.4%").
    const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';
    const profile = pathToFileURL(path.join(dir, 'profile')).toString();
    const r = spawnSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', dir, workbook], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);

    for (const [sheet, level] of [
      ['Cases', 'cases'],
      ['Tallies', 'tallies'],
    ] as const) {
      const calc = parseCsv(readFileSync(path.join(dir, `data-${sheet}.csv`), 'utf8'));
      const cli = parseCsv(await sqs('export', examples, '--level', level));
      assert.equal(calc.length, cli.length, `${sheet}: rows`);
      const share = cli[0]!.indexOf('percent_sufficient');
      cli.forEach((row, i) => {
        // The CSV writes a share as a percentage; the workbook keeps the share and shows it as one.
        const want = row.map((cell, c) => (c === share && i > 0 && cell !== '' ? `${Number(cell).toFixed(1)}%` : cell));
        assert.deepEqual(calc[i], want, `${sheet} row ${i + 1}`);
      });
    }

    const tallies = parseCsv(readFileSync(path.join(dir, 'data-Tallies.csv'), 'utf8'));
    const header = tallies[0]!;
    const col = (row: string[], key: string) => row[header.indexOf(key)]!;
    const { index } = loadWorkspace([examples]);
    let compared = 0;
    for (const inspection of index.inspections()) {
      for (const q of inspection.catalogue.questions.values()) {
        const row = tallies.find(
          (t) => col(t, 'figures_from') === (inspection.cases.size > 0 ? 'cases' : 'stated') && `${col(t, 'criterion')}/${col(t, 'question')}` === q.id,
        )!;
        const n = questionCounts(inspection, q);
        const text = (v: number | undefined) => (v === undefined ? '' : String(v));
        assert.deepEqual(
          ['relevant', 'done', 'sufficient', 'not_sufficient'].map((k) => col(row, k)),
          [n.relevant, n.done, n.sufficient, n.notSufficient].map(text),
          `${inspection.file.model.area?.value} ${q.id}`,
        );
        assert.equal(col(row, 'percent_sufficient'), n.share === undefined ? '' : `${(Math.round(n.share * 1000) / 10).toFixed(1)}%`);
        compared++;
      }
    }
    assert.equal(compared, tallies.length - 1, 'every tally row is a question of one of the examples');
  });
});
