import { Utils, URI } from 'vscode-uri';
import type { Catalogue } from '../criteria/catalogue';
import { CatalogueRegistry } from '../criteria/registry';
import { inFile, type LocalFinding } from '../findings';
import { analyseCase, analyseInspection, fileKindOf, type CaseFile, type InspectionFile, type SqsFile } from '../model/sqsFile';
import type { Finding } from '../types';
import { decodeText } from '../text/decode';
import { notReadFinding, type NotRead } from '../text/notRead';
import { defaultLimits, parseYaml, withLineFeeds, type ParseLimits, type ParsedYaml } from '../yaml/parse';
import { Reparsable } from '../yaml/reparsable';
import { compareInspectionNames } from './inspectionFiles';
import { caseFacets, facetsOf, type CaseFacet } from './caseFacets';
import { TallyBook } from './tally';

/** One inspection: its inspection file, the case files under its folder, and their live tallies. */
export class Inspection {
  readonly cases = new Map<string, CaseFile>();
  tallies: TallyBook;
  /** Bumped on every change to the inspection or one of its cases; caches key on it. */
  revision = 0;
  /**
   * Bumped with `revision` when the inspection file changes or a case comes or goes, and otherwise only when a case's
   * facet changes: the cross-file checks that read a facet are run again when it moves, not on every keystroke.
   */
  readonly facetRevision: Record<CaseFacet, number> = { tallies: 0, identity: 0 };

  constructor(
    /** URI of the folder holding the inspection file; case files anywhere below it belong here. */
    readonly folder: string,
    public file: InspectionFile,
  ) {
    this.tallies = new TallyBook(file.catalogue);
  }

  get catalogue(): Catalogue {
    return this.file.catalogue;
  }

  get uris(): string[] {
    return [this.file.uri, ...this.cases.keys()];
  }

  /** Something every cross-file check may read changed: the inspection file, or which cases it has. */
  changed(): void {
    this.revision++;
    for (const facet of caseFacets) this.facetRevision[facet]++;
  }
}

export interface IndexOptions {
  registry?: CatalogueRegistry;
  limits?: ParseLimits;
  /**
   * Files whose parse is held however often it is let go (`letGo`): the documents open in the editor, which every
   * keystroke, hover and completion reads. Others are parsed again from their text when next read.
   */
  keepParsed?: (uri: string) => boolean;
}

/**
 * How many parses let go and built again since (a hover on a closed file, the grid reading its cases) are held at
 * once; the oldest is let go again. Enough for an inspection's grid, bounded for a national workspace.
 */
const rebuiltHeld = 256;

/** What an update touched: the files whose findings may differ now. */
export interface IndexChange {
  affected: string[];
}

/**
 * Every SQS file the server or CLI knows about, grouped into inspections. An update re-parses only the
 * file that changed and moves its contribution in its inspection's tallies; other files are re-analysed
 * (from their cached parse) only when their inspection's catalogue changes.
 */
export class InspectionIndex {
  readonly registry: CatalogueRegistry;
  private readonly limits: ParseLimits;
  private readonly files = new Map<string, SqsFile>();
  private readonly inspectionsByFolder = new Map<string, Inspection>();
  /**
   * Folder → its inspection files, preferred first (inspection.sqs.yaml and inspection.sqs.yml may both be
   * there). The first is the folder's inspection; the others are reported (SQS044) and count for nothing.
   */
  private readonly inspectionFiles = new Map<string, string[]>();
  /** Case file → folder of the inspection it belongs to (absent: outside any inspection). */
  private readonly homes = new Map<string, string>();
  /**
   * Folder → the files indexed anywhere below it, so the files of a deleted folder are found without a
   * scan of the index (a deleted node_modules reports thousands of paths, none with anything below).
   */
  private readonly below = new Map<string, Set<string>>();
  private readonly keepParsed: (uri: string) => boolean;
  /** Parses built again after being let go, oldest first: see rebuiltHeld. */
  private readonly rebuilt = new Set<Reparsable>();

  constructor(options: IndexOptions = {}) {
    this.registry = options.registry ?? CatalogueRegistry.builtIn();
    this.limits = options.limits ?? defaultLimits;
    this.keepParsed = options.keepParsed ?? (() => false);
  }

  /**
   * Done with a case file's parse tree for now. Its model (every judgement, fact and range a finding points at) is
   * what the tallies, the checks of a clean case and the views read; the tree is read for a finding's ranges and
   * fixes, a hover, an edit. So the tree of a case file in an inspection is let go as soon as the file is analysed,
   * unless `keepParsed` holds it, and again once its findings are worked out (the Checker says so), and it is
   * built again from the text when read. What a closed case file keeps is then its text, findings and model; a
   * tree dies young, which also keeps a national workspace's heap from filling with the trees of files read.
   */
  letGo(uri: string): void {
    const file = this.files.get(uri);
    if (file?.kind !== 'case' || !this.homes.has(uri) || !(file.parsed instanceof Reparsable) || this.keepParsed(uri)) return;
    this.dropTree(file.parsed);
  }

  private dropTree(parse: Reparsable): void {
    parse.letGo();
    this.rebuilt.delete(parse);
  }

  /** Adds or replaces a file's text. Files that are not SQS files are ignored. */
  set(uri: string, text: string): IndexChange {
    return this.update(uri, text, []);
  }

  /** Adds or replaces a file read from disk, decoding its bytes (BOMs, UTF-16, binary, bad UTF-8). */
  setBytes(uri: string, bytes: Uint8Array): IndexChange {
    const { text, problems } = decodeText(bytes);
    return this.update(uri, text, problems);
  }

  /** A file that is there but was not read, and why: it is indexed with no text and a finding saying so. */
  setUnread(uri: string, why: NotRead): IndexChange {
    return this.update(uri, '', [notReadFinding(why)]);
  }

  private update(uri: string, text: string, readProblems: LocalFinding[]): IndexChange {
    const kind = fileKindOf(uri);
    if (!kind) return { affected: [] };
    const previous = this.files.get(uri);
    if (!previous) {
      for (const folder of foldersAbove(uri)) {
        const files = this.below.get(folder);
        if (files) files.add(uri);
        else this.below.set(folder, new Set([uri]));
      }
    }
    const reuse = previous && previous.parsed.text === withLineFeeds(text) && readProblems.length === 0 && previous.parsed.readProblems.length === 0;
    const parsed = reuse ? previous.parsed : new Reparsable(parseYaml(text, this.limits, readProblems), this.limits, (p) => this.noteRebuilt(p));
    return kind === 'inspection' ? this.setInspection(uri, parsed) : this.setCase(uri, parsed);
  }

  delete(uri: string): IndexChange {
    const file = this.files.get(uri);
    if (!file) return { affected: [] };
    this.files.delete(uri);
    for (const folder of foldersAbove(uri)) {
      const files = this.below.get(folder);
      files?.delete(uri);
      if (files?.size === 0) this.below.delete(folder);
    }
    if (file.kind === 'case') {
      const home = this.homeOf(uri);
      this.homes.delete(uri);
      if (!home) return { affected: [uri] };
      home.cases.delete(uri);
      home.tallies.delete(uri);
      home.changed();
      return { affected: [uri, home.file.uri] };
    }
    const folder = folderOf(uri);
    const inspection = this.inspectionsByFolder.get(folder);
    const siblings = (this.inspectionFiles.get(folder) ?? []).filter((u) => u !== uri);
    if (siblings.length > 0) {
      this.inspectionFiles.set(folder, siblings);
      // Another inspection file in the folder: it stays (or becomes) the inspection, and keeps the cases.
      if (!inspection || inspection.file.uri !== uri) return { affected: [uri] };
      return { affected: [uri, ...this.replaceFile(inspection, this.files.get(siblings[0]!) as InspectionFile)] };
    }
    this.inspectionFiles.delete(folder);
    this.inspectionsByFolder.delete(folder);
    const moved = this.rehome(inspection ? [...inspection.cases.keys()] : []);
    return { affected: [uri, ...(inspection?.uris ?? []), ...moved] };
  }

  get(uri: string): SqsFile | undefined {
    return this.files.get(uri);
  }

  /** The files indexed anywhere below a folder (its URI, with or without a trailing slash). */
  filesUnder(folderUri: string): string[] {
    return [...(this.below.get(folderUri.replace(/\/+$/, '')) ?? [])];
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  /** The inspection a file belongs to: its own, for an inspection file. */
  inspectionOf(uri: string): Inspection | undefined {
    const file = this.files.get(uri);
    if (file?.kind === 'inspection') {
      const inspection = this.inspectionsByFolder.get(folderOf(uri));
      return inspection?.file.uri === uri ? inspection : undefined;
    }
    return this.homeOf(uri);
  }

  /**
   * For an inspection file that shares its folder with a preferred one (inspection.sqs.yml beside
   * inspection.sqs.yaml): the folder's inspection file, which this one is ignored for.
   */
  shadowedBy(uri: string): InspectionFile | undefined {
    if (this.files.get(uri)?.kind !== 'inspection') return undefined;
    const inspection = this.inspectionsByFolder.get(folderOf(uri));
    return inspection && inspection.file.uri !== uri ? inspection.file : undefined;
  }

  inspections(): Inspection[] {
    return [...this.inspectionsByFolder.values()];
  }

  /** Case files not under any inspection folder. */
  orphans(): CaseFile[] {
    return [...this.files.values()].filter((f): f is CaseFile => f.kind === 'case' && !this.homes.has(f.uri));
  }

  all(): SqsFile[] {
    return [...this.files.values()];
  }

  /** The file's own findings (syntax, shape, values). Cross-file checks are added by `checks/`. */
  fileFindings(uri: string): Finding[] {
    const file = this.files.get(uri);
    return file ? file.findings.map((f) => inFile(uri, f)) : [];
  }

  /**
   * A case file's new text. Its own findings change; the other files' only through the cross-file checks, which
   * run again when a facet they read moved (the inspection file's stated counts after a judgement changed). Which
   * of those files' findings then change, the Checker says (`onFindingsMoved`) as it runs them: a keystroke costs
   * the edited file, not the inspection.
   */
  private setCase(uri: string, parsed: ParsedYaml): IndexChange {
    const counted = this.homeOf(uri);
    const home = counted ?? this.nearestInspection(uri);
    const file = analyseCase(uri, parsed, this.registry, home?.catalogue ?? this.registry.latest);
    const previous = this.files.get(uri);
    this.files.set(uri, file);
    if (!home) return { affected: [uri] };
    this.homes.set(uri, home.folder);
    home.cases.set(uri, file);
    this.tally(home, file);
    if (!counted || previous?.kind !== 'case') {
      home.changed();
      this.letGo(uri);
      return { affected: [uri, home.file.uri] };
    }
    home.revision++;
    // Worked out when a case is replaced, from the analysis it replaces: reading a folder (sqs check, startup) costs none.
    const before = facetsOf(previous);
    const facets = facetsOf(file);
    if (previous.parsed !== parsed && previous.parsed instanceof Reparsable) this.dropTree(previous.parsed);
    this.letGo(uri);
    const moved = caseFacets.filter((facet) => facets[facet] !== before[facet]);
    for (const facet of moved) home.facetRevision[facet]++;
    return { affected: moved.length > 0 ? [uri, home.file.uri] : [uri] };
  }

  private setInspection(uri: string, parsed: ParsedYaml): IndexChange {
    const file = analyseInspection(uri, parsed, this.registry);
    this.files.set(uri, file);
    const folder = folderOf(uri);
    const claimants = this.inspectionFiles.get(folder) ?? [];
    if (!claimants.includes(uri)) {
      claimants.push(uri);
      claimants.sort((a, b) => compareInspectionNames(baseName(a), baseName(b)));
      this.inspectionFiles.set(folder, claimants);
    }
    const existing = this.inspectionsByFolder.get(folder);
    if (existing) {
      // A file the folder's preferred inspection file outranks changes nothing but its own findings.
      if (claimants[0] !== uri) return { affected: [uri] };
      const displaced = existing.file.uri === uri ? [] : [existing.file.uri];
      return { affected: [...displaced, ...this.replaceFile(existing, file)] };
    }
    const inspection = new Inspection(folder, file);
    this.inspectionsByFolder.set(folder, inspection);
    // The files below it, found as `below` spells folders (the inspection file's URI up to its last slash).
    const moved = this.rehome(this.below.get(uri.slice(0, uri.lastIndexOf('/'))) ?? []);
    return { affected: [...new Set([...inspection.uris, ...moved])] };
  }

  /** The inspection's file is new text, or another file of its folder: its cases stay, re-read if the catalogue changed. */
  private replaceFile(inspection: Inspection, file: InspectionFile): string[] {
    const catalogueChanged = inspection.catalogue !== file.catalogue;
    inspection.file = file;
    if (catalogueChanged) this.reanalyseCases(inspection);
    inspection.changed();
    return inspection.uris;
  }

  /** Re-reads every case of an inspection against its (new) catalogue, from the cached parse. */
  private reanalyseCases(inspection: Inspection): void {
    inspection.tallies = new TallyBook(inspection.catalogue);
    for (const [uri, old] of inspection.cases) {
      const file = analyseCase(uri, old.parsed, this.registry, inspection.catalogue);
      this.files.set(uri, file);
      inspection.cases.set(uri, file);
      this.tally(inspection, file);
    }
  }

  private tally(inspection: Inspection, file: CaseFile): void {
    // A case that names another catalogue cannot be counted against this one; checks report it.
    if (file.catalogue === inspection.catalogue) inspection.tallies.set(file.uri, file.model);
    else inspection.tallies.delete(file.uri);
  }

  /**
   * Recomputes which inspection each of `uris` belongs to after an inspection file appeared (the files below its
   * folder) or went away (its cases), moving only the cases whose home changed. Returns the URIs touched.
   */
  private rehome(uris: Iterable<string>): string[] {
    const touched: string[] = [];
    for (const uri of [...uris]) {
      const file = this.files.get(uri);
      if (file?.kind !== 'case') continue;
      const beforeFolder = this.homes.get(file.uri);
      const after = this.nearestInspection(file.uri);
      if (beforeFolder === after?.folder) continue;
      touched.push(file.uri);
      const before = beforeFolder === undefined ? undefined : this.inspectionsByFolder.get(beforeFolder);
      if (before) {
        before.cases.delete(file.uri);
        before.tallies.delete(file.uri);
        before.changed();
        touched.push(...before.uris);
      }
      const analysed = analyseCase(file.uri, file.parsed, this.registry, after?.catalogue ?? this.registry.latest);
      this.files.set(file.uri, analysed);
      if (after) {
        this.homes.set(file.uri, after.folder);
        after.cases.set(file.uri, analysed);
        this.tally(after, analysed);
        after.changed();
        touched.push(...after.uris);
      } else {
        this.homes.delete(file.uri);
      }
    }
    return [...new Set(touched)];
  }

  private noteRebuilt(parse: Reparsable): void {
    this.rebuilt.add(parse);
    if (this.rebuilt.size <= rebuiltHeld) return;
    const [oldest] = this.rebuilt;
    this.dropTree(oldest!);
  }

  private homeOf(caseUri: string): Inspection | undefined {
    const folder = this.homes.get(caseUri);
    return folder === undefined ? undefined : this.inspectionsByFolder.get(folder);
  }

  private nearestInspection(caseUri: string): Inspection | undefined {
    let dir = URI.parse(caseUri);
    for (;;) {
      const parent = Utils.dirname(dir);
      const found = this.inspectionsByFolder.get(parent.toString());
      if (found) return found;
      if (parent.path === dir.path) return undefined;
      dir = parent;
    }
  }
}

function folderOf(uri: string): string {
  return Utils.dirname(URI.parse(uri)).toString();
}

/** "file:///ws/a/b.case.sqs.yaml" → "file:///ws/a", "file:///ws": each folder above, as URIs spell them. */
function foldersAbove(uri: string): string[] {
  const out: string[] = [];
  // The path starts after "scheme://authority"; the root folder itself is never watched or removed.
  const pathStart = uri.indexOf('/', uri.indexOf('://') + 3);
  for (let i = uri.lastIndexOf('/'); i > pathStart; i = uri.lastIndexOf('/', i - 1)) out.push(uri.slice(0, i));
  return out;
}

function baseName(uri: string): string {
  return Utils.basename(URI.parse(uri));
}
