import { PassThrough } from 'node:stream';
import { dataTables, type DataLevel, type Inspection } from '../core/api';
import { dataFormat, dataLevels, type DataFormatId, type ExportDataParams, type ExportDataResult } from '../protocol';
import { writeData } from '../render/renderData';
import type { SettingsStore } from './settings';
import { applySettings } from './severity';
import type { Workspace } from './workspace';

// `sqs/exportData`: the data behind the reports, for *SQS: Export Data…* and the preview's button. The same tables and
// writers as `sqs export`; the client writes the file (atomically), since the server writes nothing.

export async function exportData(ws: Workspace, settings: SettingsStore, params: ExportDataParams): Promise<ExportDataResult | null> {
  const format = dataFormat(params.format);
  if (!format) return null;
  const inspections = chosen(ws, params);
  if (!inspections) return null;
  const errors = new Map<Inspection, number>();
  for (const inspection of inspections) {
    let n = 0;
    const each = await settings.getMany(inspection.uris.map((u) => ws.clientUri(u)));
    inspection.uris.forEach((u, i) => {
      const s = each[i]!;
      n += applySettings(ws.checker.findingsFor(u, { phrasebook: s.phrasebook }), s).filter((f) => f.severity === 'error' && !f.ignored).length;
    });
    errors.set(inspection, n);
  }
  // Checked, as everything a client sends: a level this server does not know is no level.
  const level = dataLevels.find((l) => l.id === params.level)?.id;
  const levels: DataLevel[] = level ? [level] : format.oneLevel ? ['cases'] : dataLevels.map((l) => l.id);
  const tables = dataTables(inspections, levels, { includeNotes: params.includeNotes === true, errors: (i) => errors.get(i) ?? 0 });
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  await writeData(format.id as DataFormatId, tables, stream);
  const bytes = Buffer.concat(chunks);
  return {
    inspections: inspections.length,
    ...(format.binary ? { encoding: 'base64', data: bytes.toString('base64') } : { encoding: 'utf8', data: bytes.toString('utf8') }),
  };
}

/** The inspection of the file named, or every inspection indexed (by folder); undefined when the file has none. */
function chosen(ws: Workspace, params: ExportDataParams): Inspection[] | undefined {
  if (params.scope === 'workspace') return [...ws.index.inspections()].sort((a, b) => a.folder.localeCompare(b.folder));
  const file = params.uri === undefined ? undefined : ws.file(params.uri);
  const inspection = file && ws.index.inspectionOf(file.uri);
  return inspection ? [inspection] : undefined;
}
