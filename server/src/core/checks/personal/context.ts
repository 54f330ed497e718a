import { Utils, URI } from 'vscode-uri';
import type { Inspection } from '../../index/inspectionIndex';
import type { InspectionModel } from '../../model/inspectionModel';

// What an inspection itself allows in its prose: its own people (lead inspector, addressee, sender, copy list)
// may be named, its own area, service and the places in its people's roles (the police force area of "Police and
// Crime Commissioner for Lancashire") are not names, the lead inspector's phone and e-mail may be given, and its
// own dates (fieldwork, publication) are no child's. Its case ids and case file names are what a case reference
// looks like here.

export interface PersonalContext {
  /** Lower-case words of the inspection's own people's names. */
  readonly people: ReadonlySet<string>;
  /** Lower-case words of its area, service and its people's roles. */
  readonly places: ReadonlySet<string>;
  /** The lead inspector's phone number, as digits (national form: 0…). */
  readonly phones: ReadonlySet<string>;
  readonly emails: ReadonlySet<string>;
  /** ISO dates of the fieldwork and of publication. */
  readonly dates: ReadonlySet<string>;
  /** Case ids and case file names (without `.case.sqs.yaml`), lower case. */
  readonly cases: ReadonlySet<string>;
  /** The letters case ids start with ("wyr" for WYR-07), lower case: any number after them is a case id. */
  readonly casePrefixes: ReadonlySet<string>;
  /** Equal keys, equal contexts: what results are cached on. */
  readonly key: string;
}

const words = (text: string | undefined) => (text ?? '').toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? [];

export function contextOf(inspection: Inspection): PersonalContext {
  const model = inspection.file.model;
  const caseNames = [...inspection.cases.values()].flatMap((c) => [c.model.id?.value ?? '', caseFileName(c.uri)]);
  return personalContext(model, caseNames);
}

const fileNames = new Map<string, string>();

/** A case file's name without its ending, as the inspectors may write it: worked out once per file (URI parses add up). */
function caseFileName(uri: string): string {
  let name = fileNames.get(uri);
  if (name === undefined) {
    if (fileNames.size > 100_000) fileNames.clear();
    fileNames.set(uri, (name = Utils.basename(URI.parse(uri)).replace(/\.case\.sqs\.ya?ml$/i, '')));
  }
  return name;
}

/** The context of an inspection file's model and its cases' ids and file names (for tests, without an index). */
export function personalContext(model: InspectionModel, caseNames: readonly string[]): PersonalContext {
  const people = [model.leadInspector, model.addressee, model.from].flatMap((p) => (p ? [p.name.value] : []));
  people.push(...model.copyTo.flatMap((row) => row.names.map((n) => n.value)));
  const roles = [model.leadInspector, model.addressee, model.from].flatMap((p) => (p?.role ? [p.role.value] : []));
  roles.push(...model.copyTo.map((row) => row.role.value));
  const places = [model.area?.value, model.service?.value, model.serviceShort?.value, ...roles];
  const lead = model.leadInspector;
  const cases = new Set(caseNames.map((c) => c.trim().toLowerCase()).filter((c) => c !== ''));
  const casePrefixes = new Set([...cases].flatMap((c) => /^([a-z]+)[-_ ]?\d+$/.exec(c)?.[1] ?? []));
  const context = {
    people: new Set(people.flatMap(words)),
    places: new Set(places.flatMap(words)),
    phones: new Set(lead?.phone ? [phoneDigits(lead.phone.value)] : []),
    emails: new Set(lead?.email ? [lead.email.value.trim().toLowerCase()] : []),
    dates: inspectionDates(model),
    cases,
    casePrefixes,
  };
  const key = JSON.stringify(Object.values(context).map((s) => [...s].sort()));
  return { ...context, key };
}

/** A phone number's digits in national form: "+44 (0)7700 900461" and "07700-900461" are both 07700900461. */
export function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.startsWith('440')) return digits.slice(2);
  if (digits.startsWith('44')) return `0${digits.slice(2)}`;
  return digits;
}

/** Every day of the fieldwork (at most two months of it) and the publication date. */
function inspectionDates(model: InspectionModel): Set<string> {
  const out = new Set<string>();
  if (model.published) out.add(model.published.value);
  const start = model.fieldworkStart?.value;
  const end = model.fieldworkEnd?.value ?? start;
  if (start && end) {
    const day = new Date(`${start}T00:00:00Z`);
    const last = new Date(`${end}T00:00:00Z`);
    for (let i = 0; i < 62 && day <= last; i++) {
      out.add(day.toISOString().slice(0, 10));
      day.setUTCDate(day.getUTCDate() + 1);
    }
  }
  return out;
}
