import { URI, Utils } from 'vscode-uri';
import type { Catalogue } from '../criteria/catalogue';
import type { Inspection, InspectionIndex } from '../index/inspectionIndex';
import { caseFileNameLike, caseIdProblem, caseIdYaml } from './caseId';

// New files, as snippets (TextMate syntax: tab stops, choices) an editor inserts into an empty file.
// They come from the catalogue, so a new criteria version scaffolds itself.

export interface Scaffold {
  fileName: string;
  snippet: string;
  caseId?: string;
  /** Why the case id cannot be used (see caseIdProblem); `fileName` and `snippet` are then empty. */
  problem?: string;
}

export function scaffoldInspection(catalogue: Catalogue): Scaffold {
  const snippet = `inspection: \${1:Area}
service: $1 Youth Offending \${2|Service,Team|}
service_short: \${3|YOS,YOT|}
criteria: ${catalogue.id}
addressee:
  name: \${4:Name}
  role: \${5:Chair of the Management Board}
from:
  name: \${6:Name}
  role: \${7:Assistant Chief Inspector}
fieldwork:
  start: \${8:YYYY-MM-DD}
  end: \${9:YYYY-MM-DD}
lead_inspector:
  name: \${10:Name}
  pronoun: \${11|she,he,they|}
sample: \${12:0}
narrative:
  summary: >-
    \${13:What the inspection found, in a paragraph.}
  key_strengths:
    - \${14:A strength.}
  areas_for_improvement:
    - \${15:An area requiring improvement.}
$0`;
  return { fileName: 'inspection.sqs.yaml', snippet };
}

/**
 * A case file for the folder's inspection, with the next free case id unless one is given, named as the case files
 * beside it are. The sentence and the case facts are left for the inspector to answer (empty tab stops, each an
 * error until answered, with their answers offered by completion): filled in for them, they would decide which
 * criteria apply, and a scaffold left as it was would read as answered. An id that cannot be a case's
 * (caseIdProblem) gives no file, only the problem.
 */
export function scaffoldCase(index: InspectionIndex, folder: string, caseId?: string): Scaffold {
  const inspection = inspectionAbove(index, folder);
  const catalogue = inspection?.catalogue ?? index.registry.latest;
  const id = (caseId ?? nextCaseId(inspection)).trim();
  const problem = caseIdProblem(id);
  if (problem) return { fileName: '', snippet: '', caseId: id, problem };
  const facts = catalogue.writtenFacts.map((f, i) => `${f.id}: $${i + 3}`).join('\n');
  const snippet = `case: \${1:${escapePlaceholder(caseIdYaml(id))}}
sentence: $2
${facts}
inspector: \${${catalogue.writtenFacts.length + 3}:Name}
judgements:
  $0`;
  return { fileName: caseFileNameLike(id, namedLike(inspection, folder)), snippet, caseId: id };
}

/** The case files to name a new one like: those in the folder it goes in, else all of its inspection's. */
function namedLike(inspection: Inspection | undefined, folder: string): { id: string; fileName: string }[] {
  const target = URI.parse(folder).toString().replace(/\/$/, '');
  const all = [...(inspection?.cases.values() ?? [])].flatMap((c) => {
    const id = c.model.id?.value;
    return id === undefined ? [] : [{ id, fileName: Utils.basename(URI.parse(c.uri)), folder: Utils.dirname(URI.parse(c.uri)).toString() }];
  });
  const here = all.filter((c) => c.folder === target);
  return here.length > 0 ? here : all;
}

/** The inspection whose folder holds `folder` (or is it). */
function inspectionAbove(index: InspectionIndex, folder: string): Inspection | undefined {
  const target = URI.parse(folder).toString().replace(/\/$/, '');
  let best: Inspection | undefined;
  for (const i of index.inspections()) {
    const f = i.folder.replace(/\/$/, '');
    if ((target === f || target.startsWith(`${f}/`)) && (!best || f.length > best.folder.length)) best = i;
  }
  return best;
}

/** The id after the highest of the inspection's case ids ("LIV-09" → "LIV-10"), keeping their padding. */
export function nextCaseId(inspection: Inspection | undefined): string {
  const ids = [...(inspection?.cases.values() ?? [])].map((c) => c.model.id?.value).filter((v): v is string => v !== undefined);
  let best: { prefix: string; n: number; width: number } | undefined;
  for (const id of ids) {
    const m = /^(.*?)(\d+)$/.exec(id);
    if (!m) continue;
    const n = Number(m[2]);
    if (!best || n > best.n) best = { prefix: m[1]!, n, width: m[2]!.length };
  }
  if (!best) {
    const area = inspection?.file.model.area?.value;
    const prefix = area
      ? area
          .replace(/[^A-Za-z]/g, '')
          .slice(0, 3)
          .toUpperCase()
      : 'CASE';
    return `${prefix || 'CASE'}-01`;
  }
  return `${best.prefix}${String(best.n + 1).padStart(best.width, '0')}`;
}

function escapePlaceholder(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}
