import type { Inspection } from './inspectionIndex';
import type { Phrasebook } from '../commentary/phrasebook';
import { PhrasebookRegistry } from '../commentary/phrasebookRegistry';

/**
 * The phrasebook an inspection's report is worded with. One rule for the report, the prose check and the
 * editor's hovers, so they never word a count differently: the inspection file's `phrasebook:` (the
 * report belongs to the inspection), then `preferred` (an editor's default for inspections that name
 * none), then the catalogue's choice, then the registry's default.
 */
export function choosePhrasebook(inspection: Inspection, preferred?: string, registry = PhrasebookRegistry.builtIn()): Phrasebook {
  const named = inspection.file.model.phrasebook?.value;
  const catalogueChoice = inspection.catalogue.report.phrasebook;
  return (
    (named !== undefined && registry.get(named)) ||
    (preferred !== undefined && registry.get(preferred)) ||
    (catalogueChoice !== undefined && registry.get(catalogueChoice)) ||
    registry.default
  );
}
