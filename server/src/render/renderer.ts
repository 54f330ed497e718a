// What a report format's renderer is given and gives: formats/<id>.ts each export `render` of this type.
import type { ReportDocument, ReportMarks } from '../core/api';

/** What every format's renderer is asked for. */
export interface FormatOptions {
  /** The report's marks (core `markReport`): the same paragraphs marked, with the same words, in every format. */
  marks?: ReportMarks;
  /** The inspectors' own copy: where the text came from, when the format has room for it (ReportFormat.annotation). */
  annotate?: boolean;
}

/** A format's renderer: `export const render: RenderReport` in formats/<id>.ts. */
export type RenderReport = (doc: ReportDocument, options: FormatOptions) => string | Uint8Array | Promise<string | Uint8Array>;
