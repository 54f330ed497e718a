import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  buildReport,
  Checker,
  comparisonFor,
  inspectorsCopy,
  markReport,
  notPublished,
  publicationBlockers,
  type Comparison,
  type Finding,
  type Inspection,
} from '../core/api';
import { shortFormatName, type ReportFormat } from '../protocol';
import { renderReport } from '../render/renderReport';
import { displayPath, formatHuman, internalErrorsTo } from './report';
import { loadWorkspace, toUri, UsageError } from './files';
import { refusalAt, writeFileAtomically, WriteRefused } from './atomicFile';

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
  /** `--figures` / `--no-figures`: the figures table and chart, whatever the inspection file and --annotate say. */
  figures?: boolean;
  /** `--compare FOLDER…`: the inspections to set this one's figures beside. */
  compare?: string[];
}

/**
 * `sqs render <inspection-folder>`: the report of one inspection. Refuses (exit 1, with the findings) when
 * the inspection has errors, since its figures cannot be trusted, unless --force; and while text that reaches the
 * report could identify a child (SQS07x), whatever the options, unless it is the inspectors' copy (--annotate).
 */
export async function render(folder: string, options: RenderOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const dir = path.resolve(folder);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new UsageError(`${folder}: not a folder. Name an inspection folder (the one holding inspection.sqs.yaml).`);
  if (options.format.binary && !options.out) {
    const name = shortFormatName(options.format);
    throw new UsageError(`--format ${name} writes a file: give --out FILE, e.g. --out report.${options.format.extension}`);
  }
  // Before the work, so a slip in --out costs nothing; the writer asks again when it writes.
  const refused = options.out === undefined ? undefined : refusalAt(options.out);
  if (refused !== undefined) throw new UsageError(`--out ${options.out}: ${refused}.`);
  const { index, notes } = loadWorkspace([dir]);
  for (const note of notes) err(`sqs render: ${note}`);
  const inspection = index.inspections().find((i) => i.folder === toUri(dir)) ?? index.inspectionOf(toUri(path.join(dir, 'inspection.sqs.yaml')));
  if (!inspection) throw new UsageError(`${folder}: no inspection.sqs.yaml here. Name the folder that holds it.`);

  const checker = new Checker(index, { onInternalError: internalErrorsTo(err) });
  const findings: Finding[] = inspection.uris.flatMap((uri) => checker.findingsFor(uri, { phrasebook: options.phrasebook })).filter((f) => !f.ignored);
  // Nothing that could identify a child is published: --force does not override this; `# sqs-ignore` on the
  // finding, with a reason, does, and --annotate renders the inspectors' copy, which says what it is.
  const blockers = publicationBlockers(findings);
  if (blockers.length > 0 && !options.annotate) {
    err(formatHuman(blockers, inspection.uris.length));
    err(`sqs render: ${notPublished(blockers)} --force does not override this; --annotate renders the inspectors' copy.`);
    return 1;
  }
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0 && !options.force) {
    err(formatHuman(errors, inspection.uris.length));
    err(`sqs render: ${displayPath(inspection.file.uri)} has errors, so its figures cannot be trusted; fix them or use --force.`);
    return 1;
  }
  if (errors.length > 0) err(`sqs render: rendering despite ${errors.length} error${errors.length === 1 ? '' : 's'} (--force).`);

  const comparison = options.compare ? compareWith(inspection, options.compare, options.phrasebook, err) : undefined;
  const doc = buildReport(inspection, {
    ...(options.phrasebook && { phrasebook: options.phrasebook }),
    ...(options.figures !== undefined && { figures: options.figures }),
    inspectorsCopy: options.annotate ?? false,
    ...(comparison && { comparison }),
  });
  for (const w of doc.warnings) err(`sqs render: ${w.message}`);
  // The paragraphs the preview marks are marked here too, with the same words: a report rendered despite its
  // errors says which figures are in doubt, and one with cases still to judge says what its figures count.
  const marked = markReport(doc, findings, inspection.catalogue);
  const marks = options.annotate ? inspectorsCopy(marked, blockers) : marked;
  const content = await renderReport(options.format, doc, { marks, annotate: options.annotate ?? false });
  if (options.out) {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    try {
      await writeFileAtomically(options.out, async (stream) => void stream.end(bytes));
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

/**
 * The inspections under the `--compare` folders, read into an index of their own (so nothing of them reaches the
 * report's own checks), and this inspection's figures set beside theirs. A folder that holds no inspection on the
 * report's criteria is worth saying so: the comparison would be silently empty.
 */
function compareWith(inspection: Inspection, folders: string[], phrasebook: string | undefined, err: (s: string) => void): Comparison {
  const { index } = loadWorkspace(folders);
  const checker = new Checker(index, { onInternalError: internalErrorsTo(err) });
  const comparison = comparisonFor(inspection, index.inspections(), checker, phrasebook ? { phrasebook } : {});
  const others = index.inspections().filter((i) => i.folder !== inspection.folder && i.catalogue.id === inspection.catalogue.id).length;
  const left = others - comparison.inspections;
  err(
    `sqs render: comparing with ${comparison.inspections} inspection${comparison.inspections === 1 ? '' : 's'} on ${inspection.catalogue.id}` +
      (left > 0 ? ` (${left} left out: they have errors)` : '') +
      '.',
  );
  return comparison;
}
