import type { ReportDocument } from '../core/api';
import { reportFormats, type ReportFormat } from '../protocol';
import type { FormatOptions, RenderReport } from './renderer';

/**
 * The report in a format of protocol.ts's `reportFormats`. Each format's renderer is the module named after its id
 * in ./formats/, found by that name: esbuild bundles every module of the folder (a glob import), and a test holds
 * the folder and the list to each other. So a new format is its module and its line in the list, nothing else.
 */
export async function renderReport(format: ReportFormat, doc: ReportDocument, options: FormatOptions = {}): Promise<string | Uint8Array> {
  // Only a format of the list names a module: an id never reaches the import from anywhere else.
  if (!(reportFormats as readonly ReportFormat[]).includes(format)) throw new Error(`not a report format: ${format.id}`);
  const { render } = (await import(`./formats/${format.id}.ts`)) as { render: RenderReport };
  return render(doc, options);
}
