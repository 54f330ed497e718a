import { choosePhrasebook } from '../index/choosePhrasebook';
import type { Phrasebook } from '../commentary/phrasebook';
import { finding, inFile } from '../findings';
import type { Inspection, InspectionIndex } from '../index/inspectionIndex';
import type { Contribution } from '../index/relevance';
import type { CaseFile, SqsFile } from '../model/sqsFile';
import type { Finding } from '../types';
import type { CaseCheck } from './caseContext';
import { statedCounts } from './counts';
import { criteriaVersions, duplicateCaseIds, lookAlikeCaseIds, orphanCase, secondInspectionFile } from './identity';
import { applyIgnores } from './ignores';
import { prose, proseInputs } from './prose/proseCheck';
import { reasons } from './reasons';
import { relevance } from './relevance';
import { sampleSize } from './sampleSize';
import { statedVsTallied } from './statedVsTallied';
import { subgroups } from './subgroups';
import { notYetJudged } from './unjudged';

/** A check over a whole inspection. Pure: same inspection revision, same findings. */
export type InspectionCheck = (inspection: Inspection) => Finding[];

// Named for the internal-error finding (function names do not survive minifying).
const inspectionChecks: readonly (readonly [string, InspectionCheck])[] = [
  ['sample size (SQS040)', sampleSize],
  ['stated counts (SQS021–SQS023)', statedCounts],
  ['subgroups (SQS024, SQS025)', subgroups],
  ['stated against tallied (SQS030)', statedVsTallied],
  ['case ids (SQS041)', duplicateCaseIds],
  ['look-alike case ids (SQS045)', lookAlikeCaseIds],
  ['criteria versions (SQS043)', criteriaVersions],
];
// The commentary check also depends on the phrasebook, which the caller may choose: run and cached apart.
const proseCheck = 'commentary (SQS060–SQS062)';

/** Checks of one case file against its contributions; re-run only when that case file changes. */
const caseChecks: readonly (readonly [string, CaseCheck])[] = [
  ['relevance (SQS050, SQS055)', relevance],
  ['reasons (SQS052–SQS054)', reasons],
  ['what is left to judge (SQS051)', notYetJudged],
];

/** What the caller asks of one `findingsFor`. */
export interface FindingsOptions {
  /**
   * The phrasebook for inspections whose file names none: the editor's `sqs.phrasebook`, `sqs check
   * --phrasebook`. The commentary is held to what this phrasebook accepts, as the report is worded with
   * it (choosePhrasebook). Empty or unknown: the catalogue's choice.
   */
  phrasebook?: string;
}

export interface CheckerOptions {
  /**
   * Told of a check that threw. Its findings are missing, so the file gets an SQS009 finding in their
   * place and every other check still runs; the adapter logs the error with its stack, for a bug report.
   */
  onInternalError?: (error: unknown, check: string, uri: string) => void;
}

/** What the Checker keeps per inspection revision. */
interface RevisionFindings {
  revision: number;
  /** Cross-file findings by the file they are reported in. */
  byUri: Map<string, Finding[]>;
  /**
   * The inspection checks' findings in each file, serialised, with a generation that changes only when they
   * do: a case edit re-runs the checks, but a file whose cross-file findings came out the same keeps its key.
   */
  checks: Map<string, { json: string; generation: number }>;
  /** The commentary's findings (all in the inspection file) per phrasebook, worked out when asked for. */
  prose: Map<Phrasebook, Finding[]>;
  /** What those findings depend on besides the file and the phrasebook (proseInputs), with a generation as above. */
  proseInputs: { text: string; generation: number };
}

let nextGeneration = 1;
const serials = new WeakMap<object, number>();

/** A number for an object, the same for its lifetime: "this very analysis" in a few characters. */
function serial(o: object): number {
  let n = serials.get(o);
  if (n === undefined) {
    n = nextGeneration++;
    serials.set(o, n);
  }
  return n;
}

/**
 * Runs the cross-file checks and merges them with each file's own findings. Inspection checks are cached
 * per inspection revision, so asking for the findings of many files after one edit runs them once; case
 * checks are cached per case file, so a keystroke in one case re-checks that case alone. Findings an
 * `# sqs-ignore` comment silences are returned marked `ignored`, for adapters to hide or list.
 */
export class Checker {
  private readonly cache = new WeakMap<Inspection, RevisionFindings>();
  private readonly caseCache = new WeakMap<CaseFile, { contributions: ReadonlyMap<string, Contribution>; findings: Finding[] }>();

  constructor(
    private readonly index: InspectionIndex,
    private readonly options: CheckerOptions = {},
  ) {}

  /**
   * Every finding of one file. A check that throws (a bug) costs its own findings only: the file gets an
   * SQS009 finding in their place and keeps all the others, its syntax errors above all.
   */
  findingsFor(uri: string, options: FindingsOptions = {}): Finding[] {
    const file = this.index.get(uri);
    if (!file) return [];
    const own = this.index.fileFindings(uri);
    const inspection = this.index.inspectionOf(uri);
    const cross = inspection
      ? [...(this.revision(inspection).byUri.get(uri) ?? []), ...(uri === inspection.file.uri ? this.commentaryFindings(inspection, options) : [])]
      : this.contained('a file outside an inspection (SQS042, SQS044)', file, () => this.homeless(file));
    const all = [...own, ...cross];
    let withIgnores: Finding[] | undefined;
    const failed = this.contained('# sqs-ignore comments (SQS090, SQS091)', file, () => {
      withIgnores = applyIgnores(uri, file.parsed, all);
      return [];
    });
    return withIgnores ?? [...all, ...failed];
  }

  /** The check's findings, or, if it throws, one SQS009 finding on `file` saying they are missing. */
  private contained(check: string, file: SqsFile, run: () => Finding[]): Finding[] {
    try {
      return run();
    } catch (error) {
      this.options.onInternalError?.(error, check, file.uri);
      const why = error instanceof Error ? error.message : String(error);
      const message = `Internal error in the check of ${check}: ${why}. Its findings are missing here; every other check ran. Please report this, with the file.`;
      return [inFile(file.uri, finding('SQS009', file.parsed.source.lineRange(0), message))];
    }
  }

  /** A file in no inspection: a case counted nowhere, or an inspection file its folder's preferred one outranks. */
  private homeless(file: SqsFile): Finding[] {
    if (file.kind === 'case') return isMapping(file.parsed.data) ? [orphanCase(file)] : [];
    const inUse = this.index.shadowedBy(file.uri);
    return inUse ? [secondInspectionFile(file, inUse)] : [];
  }

  /**
   * A key for `findingsFor(uri)`: equal keys, equal findings. Built from what those findings are cached on
   * (the file's analysis, its contributions to the tallies, the generation of the inspection checks' findings
   * in it), so it costs a few map lookups once the inspection's checks have run for its revision, and an
   * edit changes the keys of the files whose findings it may change, not of every file in the inspection.
   * Adapters use it as a result id, so an unchanged file is never re-sent or re-serialised. Keys compare
   * findings asked for with the same options (an adapter puts its settings' version beside the key).
   */
  findingsKey(uri: string): string {
    const file = this.index.get(uri);
    if (!file) return '-';
    const inspection = this.index.inspectionOf(uri);
    // A file in no inspection: its own findings and the orphan finding (of the file alone), or the name of
    // the inspection file that outranks it.
    if (!inspection) return `o${serial(file)}.${this.index.shadowedBy(uri)?.uri ?? ''}`;
    const revision = this.revision(inspection);
    const checks = revision.checks.get(uri)?.generation ?? 0;
    const contributions = file.kind === 'case' ? inspection.tallies.contributionsOf(uri) : undefined;
    // The commentary's findings are the inspection file's: a function of its text (serial), the phrasebook
    // (the options) and the figures proseInputs lists.
    const prose = uri === inspection.file.uri ? `.${revision.proseInputs.generation}` : '';
    return `${serial(file)}.${contributions ? serial(contributions) : 0}.${checks}.${serial(inspection.catalogue)}${prose}`;
  }

  /** Cross-file findings of one inspection, grouped by the file they are reported in. */
  inspectionFindings(inspection: Inspection, options: FindingsOptions = {}): Map<string, Finding[]> {
    const commentary = this.commentaryFindings(inspection, options);
    const byUri = new Map(this.revision(inspection).byUri);
    if (commentary.length > 0) byUri.set(inspection.file.uri, [...(byUri.get(inspection.file.uri) ?? []), ...commentary]);
    return byUri;
  }

  /** The commentary's findings, with the phrasebook the report is worded with: once per revision and phrasebook. */
  private commentaryFindings(inspection: Inspection, options: FindingsOptions): Finding[] {
    const revision = this.revision(inspection);
    const book = choosePhrasebook(inspection, options.phrasebook || undefined);
    let found = revision.prose.get(book);
    if (!found) revision.prose.set(book, (found = this.contained(proseCheck, inspection.file, () => prose(inspection, book))));
    return found;
  }

  private revision(inspection: Inspection): RevisionFindings {
    const cached = this.cache.get(inspection);
    if (cached && cached.revision === inspection.revision) return cached;
    const byUri = new Map<string, Finding[]>();
    const add = (map: Map<string, Finding[]>, f: Finding) => {
      const list = map.get(f.uri);
      if (list) list.push(f);
      else map.set(f.uri, [f]);
    };
    const fromChecks = new Map<string, Finding[]>();
    for (const [name, check] of inspectionChecks) {
      for (const f of this.contained(name, inspection.file, () => check(inspection))) {
        add(byUri, f);
        add(fromChecks, f);
      }
    }
    const checks = new Map<string, { json: string; generation: number }>();
    for (const [uri, findings] of fromChecks) {
      const json = JSON.stringify(findings);
      const before = cached?.checks.get(uri);
      checks.set(uri, before?.json === json ? before : { json, generation: nextGeneration++ });
    }
    for (const file of inspection.cases.values()) for (const f of this.caseFindings(inspection, file)) add(byUri, f);
    const inputs = proseInputsOrUnknown(inspection);
    const proseState = inputs !== undefined && cached?.proseInputs.text === inputs ? cached.proseInputs : { text: inputs ?? '', generation: nextGeneration++ };
    const entry: RevisionFindings = { revision: inspection.revision, byUri, checks, prose: new Map(), proseInputs: proseState };
    this.cache.set(inspection, entry);
    return entry;
  }

  private caseFindings(inspection: Inspection, file: CaseFile): Finding[] {
    // A case not counted against this inspection's criteria (SQS043) has no contributions to check.
    const contributions = inspection.tallies.contributionsOf(file.uri);
    if (!contributions) return [];
    // A file that does not read as a case (too large, binary, empty, broken at the root) has its own
    // finding; listing every criterion as "not yet judged" on top would bury it.
    if (!isMapping(file.parsed.data)) return [];
    const cached = this.caseCache.get(file);
    if (cached && cached.contributions === contributions) return cached.findings;
    const ctx = { file, catalogue: inspection.catalogue, contributions };
    const findings = caseChecks.flatMap(([name, check]) => this.contained(name, file, () => check(ctx).map((f) => inFile(file.uri, f))));
    this.caseCache.set(file, { contributions, findings });
    return findings;
  }
}

/** proseInputs, or undefined if it throws (then the commentary check throws too, and is contained there). */
function proseInputsOrUnknown(inspection: Inspection): string | undefined {
  try {
    return proseInputs(inspection);
  } catch {
    return undefined;
  }
}

/** Only a file that reads as a case (a mapping) is worth calling homeless; an empty or unreadable one has its own finding. */
function isMapping(data: unknown): boolean {
  return data !== null && typeof data === 'object' && !Array.isArray(data);
}
