import { finding, inFile } from '../findings';
import type { Inspection } from '../index/inspectionIndex';
import type { CaseFile, InspectionFile } from '../model/sqsFile';
import { excerpt, quoted } from '../text/quote';
import type { Finding } from '../types';
import { replace } from './edits';
import { fileName, listing, place } from './names';

/** SQS041: a case id names one case; two files with the same id would count it twice. */
export function duplicateCaseIds(inspection: Inspection): Finding[] {
  const byId = new Map<string, CaseFile[]>();
  for (const file of inspection.cases.values()) {
    const id = file.model.id?.value.trim().toLowerCase();
    if (!id) continue;
    const files = byId.get(id);
    if (files) files.push(file);
    else byId.set(id, [file]);
  }
  const out: Finding[] = [];
  for (const files of byId.values()) {
    if (files.length < 2) continue;
    files.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    for (const file of files) {
      const others = files.filter((f) => f !== file);
      const id = file.model.id!;
      out.push(
        inFile(
          file.uri,
          finding(
            'SQS041',
            id.range,
            `Case id ${quoted(id.value)} is also used by ${listing(others.map((o) => place({ uri: o.uri, range: o.model.id!.range })))}: each case file is one case.`,
            {
              related: others.map((o) => ({ uri: o.uri, range: o.model.id!.range, message: `case ${excerpt(o.model.id!.value)}` })),
            },
          ),
        ),
      );
    }
  }
  return out;
}

/** SQS043: a case judged against other criteria than its inspection's cannot be counted with the rest. */
export function criteriaVersions(inspection: Inspection): Finding[] {
  const out: Finding[] = [];
  const inspectionRef = inspection.file.model.criteriaRef;
  for (const file of inspection.cases.values()) {
    const ref = file.model.criteriaRef;
    if (file.catalogue === inspection.catalogue || !ref) continue;
    const where = inspectionRef ? ` — ${place({ uri: inspection.file.uri, range: inspectionRef.range })}` : '';
    out.push(
      inFile(
        file.uri,
        finding(
          'SQS043',
          ref.range,
          `This case uses criteria ${file.catalogue.id} but its inspection uses ${inspection.catalogue.id}${where}; the case is not counted.`,
          {
            related: inspectionRef
              ? [{ uri: inspection.file.uri, range: inspectionRef.range, message: `the inspection's criteria: ${inspection.catalogue.id}` }]
              : [],
            fixes: [
              { title: `Use the inspection's criteria (${inspection.catalogue.id})`, edits: [replace(ref.range, inspection.catalogue.id)], preferred: true },
            ],
          },
        ),
      ),
    );
  }
  return out;
}

/** SQS042: reported by the Checker for case files that belong to no inspection. */
export function orphanCase(file: CaseFile): Finding {
  const range = file.model.id?.range ?? file.parsed.source.lineRange(0);
  return inFile(
    file.uri,
    finding(
      'SQS042',
      range,
      'This case file is in no inspection: there is no inspection.sqs.yaml in its folder or a folder above, so its judgements are counted nowhere.',
    ),
  );
}

/**
 * SQS044: a second inspection file in a folder (inspection.sqs.yml beside inspection.sqs.yaml). One is the
 * folder's inspection by a fixed rule of their names; this one is read for nothing, which must not go unsaid.
 */
export function secondInspectionFile(file: InspectionFile, inspection: InspectionFile): Finding {
  const first = { uri: inspection.uri, range: inspection.parsed.source.lineRange(0) };
  return inFile(
    file.uri,
    finding(
      'SQS044',
      file.parsed.source.lineRange(0),
      `${fileName(inspection.uri)} is this folder's inspection, so this file is ignored: nothing in it is checked against the cases or reported. Keep one inspection file per folder.`,
      { related: [{ ...first, message: 'the inspection file in use' }] },
    ),
  );
}
