import { reportFormats, type ReportFormat } from '../../../server/src/protocol';

/** The export command's pick list: every report format of the protocol's list, in its order. */
export function exportPicks(): { label: string; format: ReportFormat }[] {
  return reportFormats.map((format: ReportFormat) => ({ label: format.description, format }));
}
