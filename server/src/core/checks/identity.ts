import { finding, inFile } from '../findings';
import type { Inspection } from '../index/inspectionIndex';
import type { CaseFile, InspectionFile } from '../model/sqsFile';
import { canonicalId, lookAlikeDifference, mixedScriptLetters, skeleton, visibleId } from '../text/lookAlike';
import { excerpt, quoted } from '../text/quote';
import type { Finding } from '../types';
import { replace } from './edits';
import { fileName, listing, place } from './names';

/** The case files of an inspection grouped by a key of their ids, each group in the order of their URIs. */
function groupedIds(inspection: Inspection, key: (id: string) => string): CaseFile[][] {
  const byKey = new Map<string, CaseFile[]>();
  for (const file of inspection.cases.values()) {
    const id = file.model.id?.value;
    const k = id === undefined ? '' : key(id);
    if (!k) continue;
    const files = byKey.get(k);
    if (files) files.push(file);
    else byKey.set(k, [file]);
  }
  return [...byKey.values()].map((files) => files.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0)));
}

/**
 * SQS041: a case id names one case; two files with the same id would count it twice. Ids are compared as a reader
 * reads them (canonicalId): `LÉO-01` typed with a combining accent, `LIV-01` with a zero-width space or in full-width
 * digits are `LIV-01`.
 */
export function duplicateCaseIds(inspection: Inspection): Finding[] {
  const out: Finding[] = [];
  for (const files of groupedIds(inspection, canonicalId)) {
    if (files.length < 2) continue;
    for (const file of files) {
      const others = files.filter((f) => f !== file);
      const id = file.model.id!;
      // Written differently there: say how, or the message would claim the same id twice.
      const spelt = (o: CaseFile) => (o.model.id!.value === id.value ? '' : ` (${quoted(visibleId(o.model.id!.value))} there)`);
      out.push(
        inFile(
          file.uri,
          finding(
            'SQS041',
            id.range,
            `Case id ${quoted(visibleId(id.value))} is also used by ${listing(others.map((o) => `${place({ uri: o.uri, range: o.model.id!.range })}${spelt(o)}`))}: each case file is one case.`,
            {
              related: others.map((o) => ({ uri: o.uri, range: o.model.id!.range, message: `case ${excerpt(visibleId(o.model.id!.value))}` })),
            },
          ),
        ),
      );
    }
  }
  return out;
}

/**
 * SQS045: a case id that looks like another of the inspection without being it (`LIV-O1` and `LIV-01`, a Cyrillic
 * `І` for a Latin `I`): perhaps one case typed twice, perhaps a slip of the keyboard. And an id mixing Latin
 * letters with look-alikes from another script, which search and sorting treat as a different id. Warnings: such
 * ids can be right.
 */
export function lookAlikeCaseIds(inspection: Inspection): Finding[] {
  const out: Finding[] = [];
  const flagged = new Set<CaseFile>();
  for (const files of groupedIds(inspection, skeleton)) {
    const distinct = new Map(files.map((f) => [canonicalId(f.model.id!.value), f]));
    if (distinct.size < 2) continue;
    for (const file of files) {
      const id = file.model.id!;
      const others = files.filter((o) => canonicalId(o.model.id!.value) !== canonicalId(id.value));
      const first = others[0]!;
      flagged.add(file);
      out.push(
        inFile(
          file.uri,
          finding(
            'SQS045',
            id.range,
            `Case id ${quoted(visibleId(id.value))} looks like ${quoted(visibleId(first.model.id!.value))} (${place({ uri: first.uri, range: first.model.id!.range })}): ${lookAlikeDifference(id.value, first.model.id!.value)}. If they are one case, keep one file; if not, make the ids plainly different.`,
            { related: others.map((o) => ({ uri: o.uri, range: o.model.id!.range, message: `case ${excerpt(visibleId(o.model.id!.value))}` })) },
          ),
        ),
      );
    }
  }
  for (const file of inspection.cases.values()) {
    const id = file.model.id;
    if (!id || flagged.has(file)) continue;
    const mixed = mixedScriptLetters(id.value);
    if (mixed.length === 0) continue;
    out.push(
      inFile(
        file.uri,
        finding(
          'SQS045',
          id.range,
          `Case id ${quoted(visibleId(id.value))} mixes scripts: ${listing(mixed.slice(0, 3))}${mixed.length > 3 ? ', …' : ''}. Search and sorting take it for another id: type it in Latin letters.`,
        ),
      ),
    );
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
