import { Utils, URI } from 'vscode-uri';
import type { z } from 'zod';
import type { Catalogue } from '../criteria/catalogue';
import type { CatalogueRegistry } from '../criteria/registry';
import { finding, type LocalFinding } from '../findings';
import { quoted } from '../text/quote';
import type { ParsedYaml } from '../yaml/parse';
import { readCase, type CaseModel } from './caseModel';
import { caseFileSchema } from './caseSchema';
import { readInspection, type InspectionModel } from './inspectionModel';
import { inspectionFileSchema } from './inspectionSchema';
import { validateData } from './issues';
import { Reader } from './reader';

export type FileKind = 'inspection' | 'case';

/**
 * Our files are recognised by name only, never by content, so the extension never claims ordinary YAML:
 * `inspection.sqs.yaml` (one per inspection folder) and `<anything>.case.sqs.yaml`.
 */
export function fileKindOf(uri: string): FileKind | undefined {
  const name = Utils.basename(URI.parse(uri)).toLowerCase();
  if (/^inspection\.sqs\.ya?ml$/.test(name)) return 'inspection';
  if (/.\.case\.sqs\.ya?ml$/.test(name)) return 'case';
  return undefined;
}

interface Analysed {
  uri: string;
  parsed: ParsedYaml;
  catalogue: Catalogue;
  /** Findings about this file alone: syntax, shape, values. */
  findings: LocalFinding[];
}

export interface CaseFile extends Analysed {
  kind: 'case';
  model: CaseModel;
}

export interface InspectionFile extends Analysed {
  kind: 'inspection';
  model: InspectionModel;
}

export type SqsFile = CaseFile | InspectionFile;

const criterionMaps = ['judgements', 'tallies', 'commentary'];

export function analyseInspection(uri: string, parsed: ParsedYaml, registry: CatalogueRegistry): InspectionFile {
  const { catalogue, findings } = chooseCatalogue(parsed, registry, registry.latest);
  const schemas = schemasFor(catalogue);
  findings.push(...validated(parsed, schemas.inspection, catalogue));
  const model = readInspection(new Reader(parsed.data, parsed.source), catalogue);
  return { kind: 'inspection', uri, parsed, catalogue, findings, model };
}

/** `inherited` is the catalogue of the inspection the case belongs to; the case may name its own. */
export function analyseCase(uri: string, parsed: ParsedYaml, registry: CatalogueRegistry, inherited: Catalogue): CaseFile {
  const { catalogue, findings } = chooseCatalogue(parsed, registry, inherited);
  const schemas = schemasFor(catalogue);
  findings.push(...validated(parsed, schemas.case, catalogue));
  const model = readCase(new Reader(parsed.data, parsed.source), catalogue);
  return { kind: 'case', uri, parsed, catalogue, findings, model };
}

function validated(parsed: ParsedYaml, schema: z.ZodType, catalogue: Catalogue): LocalFinding[] {
  // A file too large to parse has no data, and a binary one no text; their finding already says why.
  if (parsed.data === undefined || (parsed.text === '' && parsed.readProblems.length > 0)) return [];
  // Where YAML itself failed, the structure is unreliable and zod would only echo the syntax error.
  if (parsed.data === null && parsed.findings.some((f) => f.code === 'SQS001')) return [];
  return validateData(parsed.data, parsed.source, { schema, catalogueId: catalogue.id, criterionMaps, keyHints: factHints(catalogue) });
}

/** What each case fact means, for the message when one is missing ("Write `psr: yes` if a pre-sentence report …"). */
function factHints(catalogue: Catalogue): Record<string, string> {
  return Object.fromEntries(
    catalogue.writtenFacts.map((f) => [f.id, ` Write \`${f.id}: yes\` if ${f.label.charAt(0).toLowerCase()}${f.label.slice(1)}, \`${f.id}: no\` if not.`]),
  );
}

function chooseCatalogue(parsed: ParsedYaml, registry: CatalogueRegistry, fallback: Catalogue) {
  const findings: LocalFinding[] = [...parsed.findings];
  const reader = new Reader(parsed.data, parsed.source);
  const ref = reader.raw(['criteria']);
  if (typeof ref !== 'string') return { catalogue: fallback, findings };
  const named = registry.get(ref);
  if (named) return { catalogue: named, findings };
  findings.push(
    finding(
      'SQS015',
      reader.range(['criteria']),
      `Unknown criteria version ${quoted(ref)}: known versions are ${registry.ids.join(', ')}. Checking against ${fallback.id}.`,
    ),
  );
  return { catalogue: fallback, findings };
}

const schemaCache = new WeakMap<Catalogue, { case: ReturnType<typeof caseFileSchema>; inspection: ReturnType<typeof inspectionFileSchema> }>();

/** Schemas are built from a catalogue once and reused for every file that uses it. */
export function schemasFor(catalogue: Catalogue) {
  let s = schemaCache.get(catalogue);
  if (!s) {
    s = { case: caseFileSchema(catalogue), inspection: inspectionFileSchema(catalogue) };
    schemaCache.set(catalogue, s);
  }
  return s;
}
