import { buildReport, Checker, InspectionIndex, markReport, type Finding, type Range } from '../../server/src/core/api';
import { formatHuman, formatJson } from '../../server/src/cli/report';
import { reportFormats } from '../../server/src/protocol';
import { renderReport } from '../../server/src/render/renderReport';
import { canary, example, textOf, type FuzzDocument } from './documents';

// One fuzz step: a mutated document in place of one file of the Liverpool example, through everything the core
// and its renderers do with it (parse, checks, report, every format, the CLI's two outputs), and the invariants
// that must hold whatever the text. A broken invariant is thrown, with what broke.

const base = 'file:///fuzz/liverpool/';

/** What a step produced, compared between two runs of the same document. */
export interface StepResult {
  findings: string;
  reports: string[];
  cli: string;
}

/**
 * The example, indexed once: a step puts its document in place of one file and puts the file back after, as an
 * editor's keystrokes do (so the index's incremental updates are fuzzed too, and a step costs one parse).
 */
let shared: InspectionIndex | undefined;

function exampleIndex(): InspectionIndex {
  if (!shared) {
    shared = new InspectionIndex();
    for (const [file, text] of example) shared.set(base + file, text);
  }
  return shared;
}

export interface StepOptions {
  /** Render the report in every format (default true). */
  renderers?: boolean;
  /** The findings of every file (default), or of the document's own file and the inspection file. */
  files?: 'all' | 'own';
}

export async function step(doc: FuzzDocument, options: StepOptions = {}): Promise<StepResult> {
  const text = textOf(doc);
  const index = exampleIndex();
  index.set(base + doc.file, text);
  try {
    return await checked(index, doc, text, options);
  } finally {
    index.set(base + doc.file, example.get(doc.file)!);
  }
}

async function checked(index: InspectionIndex, doc: FuzzDocument, text: string, options: StepOptions): Promise<StepResult> {
  const errors: string[] = [];
  const checker = new Checker(index, { onInternalError: (e, check) => errors.push(`${check}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`) });
  const uris = (options.files === 'own' ? [...new Set([doc.file, 'inspection.sqs.yaml'])] : [...example.keys()]).map((f) => base + f);
  const findings = uris.flatMap((uri) => checker.findingsFor(uri));
  if (errors.length > 0) throw new Error(`a check threw (SQS009): ${errors[0]}`);

  const texts = new Map([...example].map(([f, t]) => [base + f, f === doc.file ? text : t]));
  for (const f of findings) {
    if (f.code === 'SQS009') throw new Error(`SQS009: ${f.message}`);
    const where = texts.get(f.uri)!;
    inside(where, f.range, `${f.code} ${f.message}`);
    for (const r of f.related ?? []) inside(texts.get(r.uri) ?? '', r.range, `related of ${f.code}: ${r.message}`);
    for (const fix of f.fixes ?? []) for (const e of fix.edits) inside(texts.get(e.uri ?? f.uri) ?? '', e.range, `fix of ${f.code}: ${fix.title}`);
    for (const message of [f.message, ...(f.related ?? []).map((r) => r.message)]) {
      for (let i = 0; i + 41 <= canary.length; i++)
        if (message.includes(canary.slice(i, i + 41))) throw new Error(`${f.code} quotes more than 40 characters of a value: ${message}`);
    }
  }

  const reports: string[] = [];
  const inspection = index.inspections()[0];
  if (inspection && options.renderers !== false) {
    const report = buildReport(inspection);
    const marks = markReport(report, findings, inspection.catalogue);
    for (const format of reportFormats) {
      const out = await renderReport(format, report, { marks, annotate: true });
      // A DOCX holds a creation time: what must repeat is its size and what the core put in it.
      reports.push(typeof out === 'string' ? out : `${format.id} ${out.length > 0}`);
    }
    reports.push(JSON.stringify(report));
  }
  return { findings: JSON.stringify(findings), reports, cli: formatHuman(findings, uris.length) + formatJson(findings) };
}

/** A range of LSP positions inside the document as an editor counts its lines (LF, CRLF and a CR alone end one). */
function inside(text: string, range: Range, what: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  const ok = (p: Range['start']) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line]!.length;
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  if (!ok(range.start) || !ok(range.end) || !ordered) throw new Error(`range ${JSON.stringify(range)} outside its document (${lines.length} lines): ${what}`);
}

/**
 * The long run's step: the document through the index and the checks of its own file and the inspection file (where
 * its effects on other files land), twice, to hold the output to the input; with `renderers`, the report too, in
 * every format. Returns how long the first pass took.
 */
export async function longRunStep(doc: FuzzDocument, options: { renderers: boolean; twice: boolean }): Promise<number> {
  const started = performance.now();
  const first = await step(doc, { renderers: options.renderers, files: 'own' });
  const took = performance.now() - started;
  if (options.twice) {
    const second = await step(doc, { renderers: false, files: 'own' });
    if (first.findings !== second.findings || first.cli !== second.cli) throw new Error('the same document gave other findings the second time');
  }
  return took;
}

/** Runs a step twice on fresh state: the same document must give the same output. */
export async function deterministicStep(doc: FuzzDocument, options: StepOptions = {}): Promise<void> {
  const first = await step(doc, options);
  const second = await step(doc, options);
  if (first.findings !== second.findings) throw new Error('the same document gave other findings the second time');
  if (first.cli !== second.cli) throw new Error('the same document gave other CLI output the second time');
  if (JSON.stringify(first.reports) !== JSON.stringify(second.reports)) throw new Error('the same document gave another report the second time');
}

export type { Finding };
