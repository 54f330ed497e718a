import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildReport, Checker, markReport, type Finding } from '../core/api';
import { shortFormatName, type ReportFormat } from '../protocol';
import { renderReport } from '../render/renderReport';
import { displayPath, formatHuman, internalErrorsTo } from './report';
import { refusal, writeReport, WriteRefused } from '../safeWrite';
import { loadWorkspace, toUri, UsageError } from './files';
import { nodeFileOps } from './fileOps';

export interface RenderOptions {
  format: ReportFormat;
  /** Where to write; stdout when absent (text formats only). */
  out?: string;
  /** Render even when the inspection has errors. */
  force: boolean;
  /**
   * Where the text comes from, for the inspectors' own copy: DOCX a comment on each figure; HTML each
   * sentence's source places (file paths). Without it the output names no file, as a published report must not.
   */
  annotate?: boolean;
  /** The phrasebook for an inspection whose file names none (`--phrasebook`). */
  phrasebook?: string;
}

/**
 * `sqs render <inspection-folder>`: the report of one inspection. Refuses (exit 1, with the findings) when
 * the inspection has errors, since its figures cannot be trusted, unless --force.
 */
export async function render(folder: string, options: RenderOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const dir = path.resolve(folder);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new UsageError(`${folder}: not a folder. Name an inspection folder (the one holding inspection.sqs.yaml).`);
  if (options.format.binary && !options.out) {
    const name = shortFormatName(options.format);
    throw new UsageError(`--format ${name} writes a file: give --out FILE, e.g. --out report.${options.format.extension}`);
  }
  // Before the work, so a slip in --out costs nothing; writeReport asks again when it writes.
  const refused = options.out === undefined ? undefined : await refusal(path.resolve(options.out), nodeFileOps);
  if (refused !== undefined) throw new UsageError(`--out ${options.out}: ${refused}.`);
  const { index, notes } = loadWorkspace([dir]);
  for (const note of notes) err(`sqs render: ${note}`);
  const inspection = index.inspections().find((i) => i.folder === toUri(dir)) ?? index.inspectionOf(toUri(path.join(dir, 'inspection.sqs.yaml')));
  if (!inspection) throw new UsageError(`${folder}: no inspection.sqs.yaml here. Name the folder that holds it.`);

  const checker = new Checker(index, { onInternalError: internalErrorsTo(err) });
  const findings: Finding[] = inspection.uris.flatMap((uri) => checker.findingsFor(uri, { phrasebook: options.phrasebook })).filter((f) => !f.ignored);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0 && !options.force) {
    err(formatHuman(errors, inspection.uris.length));
    err(`sqs render: ${displayPath(inspection.file.uri)} has errors, so its figures cannot be trusted; fix them or use --force.`);
    return 1;
  }
  if (errors.length > 0) err(`sqs render: rendering despite ${errors.length} error${errors.length === 1 ? '' : 's'} (--force).`);

  const doc = buildReport(inspection, options.phrasebook ? { phrasebook: options.phrasebook } : {});
  for (const w of doc.warnings) err(`sqs render: ${w.message}`);
  // The paragraphs the preview marks are marked here too, with the same words: a report rendered despite its
  // errors says which figures are in doubt, and one with cases still to judge says what its figures count.
  const marks = markReport(doc, findings, inspection.catalogue);
  const content = await renderReport(options.format, doc, { marks, annotate: options.annotate ?? false });
  if (options.out) {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    try {
      await writeReport(path.resolve(options.out), bytes, nodeFileOps);
    } catch (e) {
      if (e instanceof WriteRefused) throw new UsageError(`--out ${options.out}: ${e.message}.`);
      throw e;
    }
    err(`sqs render: wrote ${options.out}`);
  } else {
    out(typeof content === 'string' ? content.replace(/\n$/, '') : '');
  }
  return 0;
}
