import { choosePhrasebook } from '../index/choosePhrasebook';
import type { Phrasebook } from '../commentary/phrasebook';
import { finding, inFile, type LocalFinding } from '../findings';
import type { Inspection, InspectionIndex } from '../index/inspectionIndex';
import type { Contribution } from '../index/relevance';
import type { CaseFile, InspectionFile, SqsFile } from '../model/sqsFile';
import type { Finding } from '../types';
import type { CaseCheck, CaseContext } from './caseContext';
import { statedCounts } from './counts';
import { criteriaVersions, duplicateCaseIds, lookAlikeCaseIds, orphanCase, secondInspectionFile } from './identity';
import { applyIgnores } from './ignores';
import { personalDataCheck } from './personal/personalCheck';
import { prose } from './prose/proseCheck';
import { reasons } from './reasons';
import { fresh, nothing, serial, settle, type Settled } from './settled';
import { relevance } from './relevance';
import { sampleSize } from './sampleSize';
import { statedVsTallied } from './statedVsTallied';
import { subgroups } from './subgroups';
import { notYetJudged } from './unjudged';

// The checks. Whatever a check reads, its findings reach the result ids by their output (Checker.findingsKey),
// so a new check declares nothing. What it must keep to is what it is given, which is what its findings are
// cached on: an inspection check, the inspection (run once per revision); a case check, its case (run again
// when that case changes, or on every change to the inspection once it reads `ctx.inspection`).

/** A check over a whole inspection. Pure: same inspection revision, same findings. */
export type InspectionCheck = (inspection: Inspection) => Finding[];

/** A check and its name, for the internal-error finding (function names do not survive minifying). */
export type Named<Check> = readonly [name: string, check: Check];

const inspectionChecks: readonly Named<InspectionCheck>[] = [
  ['sample size (SQS040)', sampleSize],
  ['stated counts (SQS021–SQS023)', statedCounts],
  ['subgroups (SQS024, SQS025)', subgroups],
  ['stated against tallied (SQS030)', statedVsTallied],
  ['case ids (SQS041)', duplicateCaseIds],
  ['look-alike case ids (SQS045)', lookAlikeCaseIds],
  ['criteria versions (SQS043)', criteriaVersions],
  ['personal data in text for the report (SQS070–SQS076)', personalDataCheck],
];
// The commentary check also depends on the phrasebook, which the caller may choose: run and cached apart.
const proseCheck = 'commentary (SQS060–SQS062)';

/**
 * What a case check is given: its case file and contributions (CaseContext), and the inspection, for a check
 * that must read beyond its case (another case, the inspection file). Reading `inspection` is noticed: that
 * check is then run again on every change to the inspection, instead of only when its case file changes.
 */
export interface CaseCheckContext extends CaseContext {
  readonly inspection: Inspection;
}

/** A check of one case file, reporting in that file. A CaseCheck, which never reads the inspection, is one. */
export type CaseCheckInInspection = (ctx: CaseCheckContext) => LocalFinding[];

/** Checks of one case file against its contributions; re-run only when that case file changes. */
const caseChecks: readonly Named<CaseCheck>[] = [
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
  /**
   * Checks run after the built-in ones, and treated as they are: how a test puts a new check through the
   * Checker's caches and result ids.
   */
  checks?: { inspection?: readonly Named<InspectionCheck>[]; cases?: readonly Named<CaseCheckInInspection>[] };
}

/** What the Checker keeps per inspection revision. */
interface RevisionFindings {
  revision: number;
  /**
   * The inspection checks' findings in each file that has any, settled: a case edit re-runs the checks,
   * but a file whose findings came out the same keeps its generation, so its key.
   */
  checks: Map<string, Settled>;
  commentary: Commentary;
}

/**
 * The commentary's findings (all in the inspection file), per phrasebook asked for since this analysis of
 * the inspection file, and one generation for them all: a new revision works them out again for each of
 * those phrasebooks and takes a new generation if any came out different. A phrasebook asked for the first
 * time joins without one: the keys handed out before were never paired with its findings.
 */
interface Commentary {
  file: InspectionFile;
  byBook: Map<Phrasebook, Settled>;
  generation: number;
}

/**
 * A case file's case-check findings, kept until its contributions change (a new analysis is a new
 * CaseFile), except those of a check that read the inspection: they hold for `revision` only.
 */
interface CaseFindings {
  contributions: ReadonlyMap<string, Contribution>;
  inspection: Inspection;
  revision: number;
  byCheck: CheckRun[];
  settled: Settled;
}

interface CheckRun {
  findings: Finding[];
  readInspection: boolean;
}

/**
 * Runs the cross-file checks and merges them with each file's own findings. Inspection checks are cached
 * per inspection revision, so asking for the findings of many files after one edit runs them once; case
 * checks are cached per case file, so a keystroke in one case re-checks that case alone. Findings an
 * `# sqs-ignore` comment silences are returned marked `ignored`, for adapters to hide or list.
 *
 * Every check's findings are kept settled (serialised once, when worked out, with a generation that changes
 * only when the serialisation does), and `findingsKey` is made of those generations: nothing a check reads
 * has to be listed anywhere for the key to follow its findings.
 */
export class Checker {
  private readonly cache = new WeakMap<Inspection, RevisionFindings>();
  private readonly caseCache = new WeakMap<CaseFile, CaseFindings>();
  /**
   * A file outside an inspection: its cross-file findings as last worked out. They are worked out again each
   * time they are asked for (one finding at most, and nothing to know when it moves): this keeps their generation.
   */
  private readonly homelessCache = new WeakMap<SqsFile, Settled>();
  private readonly inspectionChecks: readonly Named<InspectionCheck>[];
  private readonly caseChecks: readonly Named<CaseCheckInInspection>[];

  constructor(
    private readonly index: InspectionIndex,
    private readonly options: CheckerOptions = {},
  ) {
    this.inspectionChecks = [...inspectionChecks, ...(options.checks?.inspection ?? [])];
    this.caseChecks = [...caseChecks, ...(options.checks?.cases ?? [])];
  }

  /**
   * Every finding of one file. A check that throws (a bug) costs its own findings only: the file gets an
   * SQS009 finding in their place and keeps all the others, its syntax errors above all.
   */
  findingsFor(uri: string, options: FindingsOptions = {}): Finding[] {
    const file = this.index.get(uri);
    if (!file) return [];
    const own = this.index.fileFindings(uri);
    const inspection = this.index.inspectionOf(uri);
    let cross: readonly Finding[];
    if (!inspection) cross = this.homelessFindings(file).findings;
    else {
      const checks = this.revision(inspection).checks.get(uri)?.findings ?? [];
      const more =
        file.kind === 'case' ? this.caseFindings(inspection, file).findings : uri === inspection.file.uri ? this.commentaryFindings(inspection, options) : [];
      cross = [...checks, ...more];
    }
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
  private homelessFindings(file: SqsFile): Settled {
    const found = this.contained('a file outside an inspection (SQS042, SQS044)', file, () => this.homeless(file));
    const settled = settle(found, this.homelessCache.get(file));
    this.homelessCache.set(file, settled);
    return settled;
  }

  private homeless(file: SqsFile): Finding[] {
    if (file.kind === 'case') return isMapping(file.parsed.data) ? [orphanCase(file)] : [];
    const inUse = this.index.shadowedBy(file.uri);
    return inUse ? [secondInspectionFile(file, inUse)] : [];
  }

  /**
   * A key for `findingsFor(uri)`: equal keys, equal findings. Made of the serial of the file's analysis (its
   * own findings and its `# sqs-ignore` comments are functions of it) and the generations of every check's
   * findings in it, which change when those findings do and only then. So it costs a few map lookups once
   * the inspection's checks have run for its revision, and an edit changes the keys of the files whose
   * findings it changed (and of the edited file), not of every file in the inspection, whatever a check
   * reads. Adapters use it as a result id, so an unchanged file is never re-sent or re-serialised.
   *
   * Keys compare findings asked for with the same options (an adapter puts its settings' version beside the
   * key): the commentary's findings depend on the phrasebook, and the key covers them as worked out with
   * each phrasebook `findingsFor` has been asked for.
   */
  findingsKey(uri: string): string {
    const file = this.index.get(uri);
    if (!file) return '-';
    const inspection = this.index.inspectionOf(uri);
    if (!inspection) return `o${serial(file)}.${this.homelessFindings(file).generation}`;
    const revision = this.revision(inspection);
    const checks = revision.checks.get(uri)?.generation ?? 0;
    const more = file.kind === 'case' ? this.caseFindings(inspection, file).generation : uri === inspection.file.uri ? revision.commentary.generation : 0;
    return `${serial(file)}.${checks}.${more}`;
  }

  /** The commentary's findings, with the phrasebook the report is worded with: once per revision and phrasebook. */
  private commentaryFindings(inspection: Inspection, options: FindingsOptions): readonly Finding[] {
    const commentary = this.revision(inspection).commentary;
    const book = choosePhrasebook(inspection, options.phrasebook || undefined);
    let found = commentary.byBook.get(book);
    if (!found) commentary.byBook.set(book, (found = settle(this.prose(inspection, book))));
    return found.findings;
  }

  private prose(inspection: Inspection, book: Phrasebook): Finding[] {
    return this.contained(proseCheck, inspection.file, () => prose(inspection, book));
  }

  private revision(inspection: Inspection): RevisionFindings {
    const cached = this.cache.get(inspection);
    if (cached && cached.revision === inspection.revision) return cached;
    const found = new Map<string, Finding[]>();
    for (const [name, check] of this.inspectionChecks) {
      for (const f of this.contained(name, inspection.file, () => check(inspection))) {
        const list = found.get(f.uri);
        if (list) list.push(f);
        else found.set(f.uri, [f]);
      }
    }
    const checks = new Map([...found].map(([uri, findings]) => [uri, settle(findings, cached?.checks.get(uri))]));
    const entry: RevisionFindings = { revision: inspection.revision, checks, commentary: this.nextCommentary(inspection, cached?.commentary) };
    this.cache.set(inspection, entry);
    return entry;
  }

  /** The commentary for a new revision: worked out again with every phrasebook asked for, if the inspection file is the same analysis. */
  private nextCommentary(inspection: Inspection, before: Commentary | undefined): Commentary {
    // Another analysis of the inspection file changes its key by its serial; start again from no phrasebook.
    if (before?.file !== inspection.file) return { file: inspection.file, byBook: new Map(), generation: fresh() };
    let changed = false;
    const byBook = new Map<Phrasebook, Settled>();
    for (const [book, settled] of before.byBook) {
      const now = settle(this.prose(inspection, book), settled);
      changed ||= now !== settled;
      byBook.set(book, now);
    }
    return { file: inspection.file, byBook, generation: changed ? fresh() : before.generation };
  }

  /** A case file's case-check findings, settled. */
  private caseFindings(inspection: Inspection, file: CaseFile): Settled {
    // A case not counted against this inspection's criteria (SQS043) has no contributions to check.
    const contributions = inspection.tallies.contributionsOf(file.uri);
    if (!contributions) return nothing;
    // A file that does not read as a case (too large, binary, empty, broken at the root) has its own
    // finding; listing every criterion as "not yet judged" on top would bury it.
    if (!isMapping(file.parsed.data)) return nothing;
    const cached = this.caseCache.get(file);
    const kept = cached?.contributions === contributions && cached.inspection === inspection ? cached : undefined;
    if (kept && (kept.revision === inspection.revision || !kept.byCheck.some((c) => c.readInspection))) return kept.settled;
    const byCheck = this.caseChecks.map(([name, check], i) => {
      const before = kept?.byCheck[i];
      return before && !before.readInspection ? before : this.caseCheck(name, check, inspection, file, contributions);
    });
    const settled = settle(
      byCheck.flatMap((c) => c.findings),
      cached?.settled,
    );
    this.caseCache.set(file, { contributions, inspection, revision: inspection.revision, byCheck, settled });
    return settled;
  }

  /** One case check's findings, and whether it read the inspection (which makes them hold for this revision only). */
  private caseCheck(
    name: string,
    check: CaseCheckInInspection,
    inspection: Inspection,
    file: CaseFile,
    contributions: ReadonlyMap<string, Contribution>,
  ): CheckRun {
    let readInspection = false;
    const ctx: CaseCheckContext = {
      file,
      catalogue: inspection.catalogue,
      contributions,
      get inspection() {
        readInspection = true;
        return inspection;
      },
    };
    const findings = this.contained(name, file, () => check(ctx).map((f) => inFile(file.uri, f)));
    return { findings, readInspection };
  }
}

/** Only a file that reads as a case (a mapping) is worth calling homeless; an empty or unreadable one has its own finding. */
function isMapping(data: unknown): boolean {
  return data !== null && typeof data === 'object' && !Array.isArray(data);
}
