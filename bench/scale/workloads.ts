import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { Checker, InspectionIndex, type Finding } from '../../server/src/core/api';

// The workloads of the scale benchmark, generated from the Liverpool example: one inspection of N case files, and a
// national workspace of many inspections. Case ids are unique, `sample:` is the number of case files, and every
// stated count is corrected to what the case files tally (the fixes SQS030 offers), so each inspection checks as
// clean as Liverpool does and the benchmark measures the work of a clean workspace, not of thousands of findings.

const root = path.resolve(__dirname, '../..');
const example = path.join(root, 'examples/liverpool-2013');
const cache = path.join(root, 'out/bench-workloads');

interface CaseText {
  name: string;
  text: string;
}

function liverpoolCases(): CaseText[] {
  return readdirSync(path.join(example, 'cases'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(example, 'cases', name), 'utf8') }));
}

/** `n` case files from Liverpool's 34, round and round, each with an id and a name of its own. */
function cases(n: number, prefix: string): CaseText[] {
  const base = liverpoolCases();
  const out: CaseText[] = [];
  for (let i = 0; i < n; i++) {
    const source = base[i % base.length]!;
    const round = Math.floor(i / base.length);
    const id = `${prefix}${String(i + 1).padStart(5, '0')}`;
    const text = source.text.replace(/^case: .*$/m, `case: ${id}`).replace(/^# LIV-\d+/m, `# ${id}`);
    out.push({ name: `${id.toLowerCase()}${round > 0 ? '' : ''}.case.sqs.yaml`, text });
  }
  return out;
}

/** Liverpool's inspection file for `n` cases: its sample and its stated counts as the case files tally them. */
function inspectionFor(caseTexts: CaseText[]): string {
  let text = readFileSync(path.join(example, 'inspection.sqs.yaml'), 'utf8').replace(/^sample: \d+/m, `sample: ${caseTexts.length}`);
  const folder = URI.file('/workload').toString();
  const inspectionUri = `${folder}/inspection.sqs.yaml`;
  for (let round = 0; round < 10; round++) {
    const index = new InspectionIndex();
    index.set(inspectionUri, text);
    for (const c of caseTexts) index.set(`${folder}/cases/${c.name}`, c.text);
    const fixes = new Checker(index)
      .findingsFor(inspectionUri)
      .filter((f: Finding) => f.code === 'SQS030' && f.fixes?.[0])
      .map((f) => f.fixes![0]!.edits[0]!);
    if (fixes.length === 0) break;
    const lines = text.split('\n');
    const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    for (const e of [...fixes].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
      text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
    }
  }
  // Hand-written commentary states Liverpool's own figures: at another size it would be (rightly) contradicted.
  return text.replace(/\ncommentary:\n(?:[ #].*\n|\n)*/g, '\n');
}

function writeInspection(dir: string, n: number, prefix: string): void {
  const caseTexts = cases(n, prefix);
  mkdirSync(path.join(dir, 'cases'), { recursive: true });
  writeFileSync(path.join(dir, 'inspection.sqs.yaml'), inspectionFor(caseTexts));
  for (const c of caseTexts) writeFileSync(path.join(dir, 'cases', c.name), c.text);
}

/** A folder holding one inspection of `n` case files (made once, then reused from out/bench-workloads/). */
export function oneInspection(n: number): string {
  const dir = path.join(cache, `inspection-${n}`);
  if (!existsSync(path.join(dir, '.complete'))) {
    rmSync(dir, { recursive: true, force: true });
    writeInspection(dir, n, 'C-');
    writeFileSync(path.join(dir, '.complete'), '');
  }
  return dir;
}

/** A folder holding `inspections` inspections of `perInspection` case files each. */
export function nationalWorkspace(inspections = 200, perInspection = 50): string {
  const dir = path.join(cache, `national-${inspections}x${perInspection}`);
  if (!existsSync(path.join(dir, '.complete'))) {
    rmSync(dir, { recursive: true, force: true });
    // Every inspection has the same figures, so their stated counts are worked out once.
    const model = cases(perInspection, 'X-');
    const inspection = inspectionFor(model);
    for (let i = 1; i <= inspections; i++) {
      const folder = path.join(dir, `yot-${String(i).padStart(3, '0')}`);
      mkdirSync(path.join(folder, 'cases'), { recursive: true });
      writeFileSync(path.join(folder, 'inspection.sqs.yaml'), inspection.replace(/^inspection: .*$/m, `inspection: Area ${i}`));
      for (const c of cases(perInspection, `Y${String(i).padStart(3, '0')}-`)) writeFileSync(path.join(folder, 'cases', c.name), c.text);
    }
    writeFileSync(path.join(dir, '.complete'), '');
  }
  return dir;
}

/** Every SQS file under a folder. */
export function sqsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.sqs\.ya?ml$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}
