import { choosePhrasebook } from '../index/choosePhrasebook';
import type { Phrasebook } from '../commentary/phrasebook';
import { finding, inFile, type LocalFinding } from '../findings';
import type { CaseFacet } from '../index/caseFacets';
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
import { readsAsMapping } from '../yaml/reparsable';
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

/**
 * An inspection check, its name, the facet of the case files it reads (caseFacets.ts) and whether it reports in the
 * inspection file only. It is run again when the inspection file changes, a case comes or goes, or a case's facet
 * moves; without a facet (a check a test adds), on every change to the inspection. One that reports in the
 * inspection file only is not run for a case file's findings: a judgement flipped re-counts when the inspection
 * file is reported, not in the answer to the case file's pull. Those come first, as they always did.
 */
type Scoped = readonly [name: string, check: InspectionCheck, reads?: CaseFacet, reportsIn?: 'inspection file'];

const inspectionChecks: readonly Scoped[] = [
  ['sample size (SQS040)', sampleSize, 'tallies', 'inspection file'],
  ['stated counts (SQS021–SQS023)', statedCounts, 'tallies', 'inspection file'],
  ['subgroups (SQS024, SQS025)', subgroups, 'tallies', 'inspection file'],
  ['stated against tallied (SQS030)', statedVsTallied, 'tallies', 'inspection file'],
  ['case ids (SQS041)', duplicateCaseIds, 'identity'],
  ['look-alike case ids (SQS045)', lookAlikeCaseIds, 'identity'],
  ['criteria versions (SQS043)', criteriaVersions, 'identity'],
  ['personal data in text for the report (SQS070–SQS076)', personalDataCheck, 'identity'],
];
/** The commentary reads the inspection file and the tallies. */
const proseReads: CaseFacet = 'tallies';
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
   * Checks run after the built-in ones, and treated as they are: how a host adds a check of what only it knows
   * (the linked folders the editor's file system did not walk, links.ts), and how a test puts a new check through
   * the Checker's caches and result ids. Run again on every change to the inspection (Inspection.changed).
   */
  checks?: { inspection?: readonly Named<InspectionCheck>[]; cases?: readonly Named<CaseCheckInInspection>[] };
  /**
   * Told of files whose cross-file findings, and so keys, moved when the inspection checks ran again: the index
   * names only the file that changed and its inspection file, and what else a change reaches is known once the
   * checks have run. The language server reports those files too.
   */
  onFindingsMoved?: (uris: readonly string[]) => void;
}

/** What the Checker keeps per inspection revision. */
interface RevisionFindings {
  /** Each inspection check's findings, and the revision they were worked out for (its facet's, or the inspection's). */
  byCheck: { revision: number; findings: Finding[] }[];
  /**
   * The inspection checks' findings in each file that has any, settled: a case edit re-runs the checks,
   * but a file whose findings came out the same keeps its generation, so its key.
   */
  checks: Map<string, Settled>;
}

/**
 * The commentary's findings (all in the inspection file), per phrasebook asked for since this analysis of
 * the inspection file, and one generation for them all: a new revision works them out again for each of
 * those phrasebooks and takes a new generation if any came out different. A phrasebook asked for the first
 * time joins without one: the keys handed out before were never paired with its findings.
 */
interface Commentary {
  /** The tallies' revision it was worked out for. */
  revision: number;
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
  /** Per group of inspection checks (those reporting in the inspection file only, then the others). */
  private readonly caches = [new WeakMap<Inspection, RevisionFindings>(), new WeakMap<Inspection, RevisionFindings>()] as const;
  /**
   * Apart from the other inspection checks, and worked out only when the inspection file's findings or key are
   * asked for: a judgement changed re-checks the commentary once the inspection file is reported, not in the
   * answer to the case file's own pull.
   */
  private readonly commentaryCache = new WeakMap<Inspection, Commentary>();
  private readonly caseCache = new WeakMap<CaseFile, CaseFindings>();
  /**
   * A file outside an inspection: its cross-file findings as last worked out. They are worked out again each
   * time they are asked for (one finding at most, and nothing to know when it moves): this keeps their generation.
   */
  private readonly homelessCache = new WeakMap<SqsFile, Settled>();
  private readonly groups: readonly [inspectionFileOnly: readonly Scoped[], others: readonly Scoped[]];
  /** Per inspection, the case files whose case checks read it last time they ran: their keys follow its revision. */
  private readonly readers = new WeakMap<Inspection, Set<string>>();
  private readonly caseChecks: readonly Named<CaseCheckInInspection>[];

  constructor(
    private readonly index: InspectionIndex,
    private readonly options: CheckerOptions = {},
  ) {
    const all: readonly Scoped[] = [...inspectionChecks, ...(options.checks?.inspection ?? [])];
    this.groups = [all.filter((c) => c[3] === 'inspection file'), all.filter((c) => c[3] !== 'inspection file')];
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
      const checks = this.checksIn(inspection, uri).flatMap((settled) => settled.findings);
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
    // Its checks have read what they need of the tree; until the file changes they read their cached findings.
    if (file.kind === 'case' && inspection) this.index.letGo(uri);
    return withIgnores ?? [...all, ...failed];
  }

  /**
   * The findings of one file that no other file can change: what the server answers for a file edited while the rest
   * of its inspection is still being read, where findingsFor would count a half-read inspection. Once its inspection
   * file is read: its own findings (syntax, shape, values) and its case checks, which read the case and its
   * catalogue alone. Before that, the criteria it is read against are not known yet, so only what the text itself
   * says: the syntax and file findings (SQS001–SQS009). `# sqs-ignore` comments mark them as usual, but none is
   * called unused: what it silences may be a finding still to come.
   */
  ownFindingsFor(uri: string): Finding[] {
    const file = this.index.get(uri);
    if (!file) return [];
    const inspection = this.index.inspectionOf(uri);
    const own = this.index.fileFindings(uri);
    const all = inspection ? [...own, ...(file.kind === 'case' ? this.caseFindings(inspection, file).findings : [])] : own.filter((f) => f.code < 'SQS010');
    let withIgnores: Finding[] | undefined;
    const failed = this.contained('# sqs-ignore comments (SQS090, SQS091)', file, () => {
      withIgnores = applyIgnores(uri, file.parsed, all).filter((f) => f.code !== 'SQS091');
      return [];
    });
    return withIgnores ?? [...all, ...failed];
  }

  /** A key for `ownFindingsFor(uri)`, as findingsKey is for findingsFor (and never equal to one of those). */
  ownFindingsKey(uri: string): string {
    const file = this.index.get(uri);
    if (!file) return 'own-';
    const inspection = this.index.inspectionOf(uri);
    if (!inspection) return `text${serial(file)}`;
    return `own${serial(file)}.${file.kind === 'case' ? this.caseFindings(inspection, file).generation : 0}`;
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
    if (file.kind === 'case') return readsAsMapping(file.parsed) ? [orphanCase(file)] : [];
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
    const checks = this.checksIn(inspection, uri)
      .map((settled) => settled.generation)
      .join('-');
    const more =
      file.kind === 'case' ? this.caseFindings(inspection, file).generation : uri === inspection.file.uri ? this.commentary(inspection).generation : 0;
    return `${serial(file)}.${checks}.${more}`;
  }

  /** The commentary's findings, with the phrasebook the report is worded with: once per revision and phrasebook. */
  private commentaryFindings(inspection: Inspection, options: FindingsOptions): readonly Finding[] {
    const commentary = this.commentary(inspection);
    const book = choosePhrasebook(inspection, options.phrasebook || undefined);
    let found = commentary.byBook.get(book);
    if (!found) commentary.byBook.set(book, (found = settle(this.prose(inspection, book))));
    return found.findings;
  }

  private prose(inspection: Inspection, book: Phrasebook): Finding[] {
    return this.contained(proseCheck, inspection.file, () => prose(inspection, book));
  }

  /**
   * The case files of an inspection whose case checks read the inspection: their findings hold for one revision of
   * it, so a change to any of its files may change theirs (the language server reports them with the change).
   */
  readersOf(inspection: Inspection): readonly string[] {
    return [...(this.readers.get(inspection) ?? [])];
  }

  /**
   * Runs the inspection checks that what they read makes stale, so `onFindingsMoved` names the files whose findings
   * moved now rather than when one of them is next asked about: for an adapter whose client asks about an open
   * document only when told to.
   */
  checkInspection(inspection: Inspection): void {
    this.revision(inspection, 0);
    this.revision(inspection, 1);
  }

  /** The inspection checks' findings in one file, settled, per group: only the inspection file has the first group's. */
  private checksIn(inspection: Inspection, uri: string): Settled[] {
    const groups = uri === inspection.file.uri ? [0, 1] : [1];
    return groups.map((g) => this.revision(inspection, g as 0 | 1).checks.get(uri) ?? nothing);
  }

  /** A group's inspection-check findings, each check run again only when what it reads moved. */
  private revision(inspection: Inspection, group: 0 | 1): RevisionFindings {
    const scoped = this.groups[group];
    const cache = this.caches[group];
    const cached = cache.get(inspection);
    const revisionOf = (reads: CaseFacet | undefined) => (reads ? inspection.facetRevision[reads] : inspection.revision);
    const stale = scoped.map(([, , reads], i) => cached?.byCheck[i]?.revision !== revisionOf(reads));
    if (cached && !stale.includes(true)) return cached;
    const byCheck = scoped.map(([name, check, reads], i) =>
      stale[i] ? { revision: revisionOf(reads), findings: this.contained(name, inspection.file, () => check(inspection)) } : cached!.byCheck[i]!,
    );
    const found = new Map<string, Finding[]>();
    for (const { findings } of byCheck) {
      for (const f of findings) {
        const list = found.get(f.uri);
        if (list) list.push(f);
        else found.set(f.uri, [f]);
      }
    }
    const checks = new Map([...found].map(([uri, findings]) => [uri, settle(findings, cached?.checks.get(uri))]));
    const entry: RevisionFindings = { byCheck, checks };
    cache.set(inspection, entry);
    if (cached) this.tellMoved(cached.checks, checks);
    return entry;
  }

  /** The files whose inspection-check findings are not the same settled object as before: their keys moved. */
  private tellMoved(before: ReadonlyMap<string, Settled>, after: ReadonlyMap<string, Settled>): void {
    if (!this.options.onFindingsMoved) return;
    const moved = [...after].filter(([uri, settled]) => before.get(uri) !== settled).map(([uri]) => uri);
    for (const uri of before.keys()) if (!after.has(uri)) moved.push(uri);
    if (moved.length > 0) this.options.onFindingsMoved(moved);
  }

  /** The commentary's findings as they stand: worked out again when what it reads moved. */
  private commentary(inspection: Inspection): Commentary {
    const before = this.commentaryCache.get(inspection);
    if (before?.revision === inspection.facetRevision[proseReads]) return before;
    const now = this.nextCommentary(inspection, before);
    this.commentaryCache.set(inspection, now);
    return now;
  }

  /** The commentary for a new revision: worked out again with every phrasebook asked for, if the inspection file is the same analysis. */
  private nextCommentary(inspection: Inspection, before: Commentary | undefined): Commentary {
    const revision = inspection.facetRevision[proseReads];
    // Another analysis of the inspection file changes its key by its serial; start again from no phrasebook.
    if (before?.file !== inspection.file) return { revision, file: inspection.file, byBook: new Map(), generation: fresh() };
    let changed = false;
    const byBook = new Map<Phrasebook, Settled>();
    for (const [book, settled] of before.byBook) {
      const now = settle(this.prose(inspection, book), settled);
      changed ||= now !== settled;
      byBook.set(book, now);
    }
    return { revision, file: inspection.file, byBook, generation: changed ? fresh() : before.generation };
  }

  /** A case file's case-check findings, settled. */
  private caseFindings(inspection: Inspection, file: CaseFile): Settled {
    // A case not counted against this inspection's criteria (SQS043) has no contributions to check.
    const contributions = inspection.tallies.contributionsOf(file.uri);
    if (!contributions) return nothing;
    // A file that does not read as a case (too large, binary, empty, broken at the root) has its own
    // finding; listing every criterion as "not yet judged" on top would bury it.
    if (!readsAsMapping(file.parsed)) return nothing;
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
    let readers = this.readers.get(inspection);
    if (byCheck.some((c) => c.readInspection)) {
      if (!readers) this.readers.set(inspection, (readers = new Set()));
      readers.add(file.uri);
    } else readers?.delete(file.uri);
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
