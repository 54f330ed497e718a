import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  FileChangeType,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  ReferencesRequest,
  WorkspaceDiagnosticRequest,
  WorkspaceSymbolRequest,
  type CodeAction,
  type Diagnostic,
  type FileEvent,
  type Location,
  type Range,
  type TextDocumentEdit,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { main } from '../../../server/src/cli/main';
import { EditorsChangedNotification, InspectionStatusRequest, PreviewRequest } from '../../../server/src/protocol';
import { TestClient, type WorkspacePull } from '../harness';
import { applyEdit, linesOf, mutated, randomEdit, writable, type TextEdit } from './mutate';
import { Random, sequenceSeed } from './random';

// Random edit sequences against the bundled language server over stdio, as an editor and the disk would make them:
// incremental changes, versions out of order, documents closed and opened again, tabs closed, files written,
// created and deleted on disk with their watched-file events, folders appearing and vanishing, and requests of every
// kind in between. Invariants: the server stays alive and answers every request in time; it logs no error (a handler
// that threw, a check that failed); every range it sends lies inside its document; and at the end of each sequence,
// with the open documents' text written to disk, its findings (document pulls, a fresh workspace pull, and the stream
// of the workspace pull held since it started) equal what `sqs check --format json` finds in the same files.

const root = path.resolve(__dirname, '../../..');

export interface FuzzOptions {
  seed: number;
  /** Sequences to run, from `first` (default 0): sequence k is seeded from `seed` and k, so any can be replayed. */
  sequences: number;
  first?: number;
  /** Steps per sequence, at most (at least a quarter of it). */
  steps?: number;
  /** Sequences one server runs before a fresh one starts (a fresh one starts after a failure, too). */
  perServer?: number;
  /** Longest a request may take before the server counts as hung. */
  answerWithinMs?: number;
  /** Another build of the server to run (a copy of server/out, so a long run is not changed by a rebuild under it). */
  serverPath?: string;
  onSequence?: (done: number, failures: number) => void;
  /** Told each failure as it happens (a long run's failures are seen before it ends). */
  onFailure?: (failure: FuzzFailure) => void;
  /** Told the steps of every sequence, failed or not (to replay a run that failed from earlier sequences' state). */
  onSteps?: (sequence: number, steps: readonly string[]) => void;
}

export interface FuzzFailure {
  sequence: number;
  invariant: string;
  detail: string;
  /** The steps of the sequence up to the failure, for the report. */
  steps: string[];
  texts?: Record<string, string>;
}

export interface FuzzResult {
  sequences: number;
  steps: number;
  requests: number;
  filesCompared: number;
  servers: number;
  failures: FuzzFailure[];
  ms: number;
}

class Broken extends Error {
  constructor(
    readonly invariant: string,
    detail: string,
    /** The texts the failure is about, by file, for the report. */
    readonly texts?: Record<string, string>,
  ) {
    super(detail);
  }
}

/** The workspace the sequences start from: the Liverpool example, a second inspection, a case of no inspection. */
function pristine(): Map<string, string> {
  const files = new Map<string, string>();
  const add = (from: string, to: string) => {
    for (const name of readdirSync(from)) {
      const p = path.join(from, name);
      if (statSync(p).isDirectory()) add(p, `${to}${name}/`);
      else files.set(`${to}${name}`, readFileSync(p, 'utf8'));
    }
  };
  add(path.join(root, 'examples/liverpool-2013'), '');
  add(path.join(root, 'test/e2e/fixtures/second-inspection'), 'second/');
  files.set('loose/lost.case.sqs.yaml', files.get('second/cases/TT-01.case.sqs.yaml')!.replace('TT-01', 'LOST-1'));
  return files;
}

const severityNames = ['', 'error', 'warning', 'information', 'hint'];

/** A diagnostic as `sqs check`'s JSON gives it: code, severity, range, message. */
function asText(d: Diagnostic): string {
  return `${String(d.code)} ${severityNames[d.severity ?? 0]} ${JSON.stringify(d.range)} ${typeof d.message === 'string' ? d.message : d.message.value}`;
}

interface Doc {
  text: string;
  version: number;
}

/** One server's life: its folder, its documents, its held workspace pull. */
class Session {
  readonly client: TestClient;
  readonly dir = mkdtempSync(path.join(tmpdir(), 'sqs-fuzz-server-'));
  readonly docs = new Map<string, Doc>();
  /** The workspace pull held open, as vscode-languageclient holds one, and what it has said of each file so far. */
  stream: WorkspacePull | undefined;
  private streamed = 0;
  private readonly shown = new Map<string, Diagnostic[]>();
  requests = 0;
  /** The steps taken in the current sequence. */
  log: string[] = [];

  constructor(
    private readonly answerWithinMs: number,
    readonly base: ReadonlyMap<string, string>,
    serverPath: string | undefined,
  ) {
    this.client = new TestClient({ ...(serverPath && { serverPath }), giveUpAfterMs: answerWithinMs });
    for (const [rel, text] of base) this.write(rel, text);
  }

  uri(rel: string): string {
    return URI.file(path.join(this.dir, rel)).toString();
  }

  rel(uri: string): string {
    return path.relative(this.dir, URI.parse(uri).fsPath).split(path.sep).join('/');
  }

  write(rel: string, text: string): void {
    mkdirSync(path.dirname(path.join(this.dir, rel)), { recursive: true });
    writeFileSync(path.join(this.dir, rel), text);
  }

  onDisk(rel: string): string | undefined {
    const p = path.join(this.dir, rel);
    return existsSync(p) && statSync(p).isFile() ? readFileSync(p, 'utf8') : undefined;
  }

  /** The SQS files on disk, as the folder walk finds them (no hidden folders, node_modules, out or dist). */
  sqsFiles(dir = this.dir, rel = ''): string[] {
    return readdirSync(dir).flatMap((name) => {
      if (name.startsWith('.')) return [];
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) return ['node_modules', 'out', 'dist'].includes(name) ? [] : this.sqsFiles(p, `${rel}${name}/`);
      return /(^inspection|\.case)\.sqs\.ya?ml$/i.test(name) ? [`${rel}${name}`] : [];
    });
  }

  /** What the editor shows for a file: its open document, else the disk. */
  textOf(rel: string): string | undefined {
    return this.docs.get(rel)?.text ?? this.onDisk(rel);
  }

  async start(): Promise<void> {
    await this.client.start(this.uri('')).catch((e: unknown) => {
      throw new Broken('answers every request', `starting: ${e instanceof Error ? e.message : String(e)}`);
    });
    this.pullWorkspace([]);
  }

  /** Holds a workspace pull open, starting from what the client holds (result ids), as the client does after an answer. */
  pullWorkspace(held: { uri: string; value: string }[]): void {
    this.stream?.cancel();
    this.stream = this.client.workspacePull(held);
    this.streamed = 0;
  }

  /** What the Problems panel shows of each file, by the workspace pulls: full reports replace, `unchanged` keeps. */
  problemsPanel(): Map<string, Diagnostic[]> {
    const received = this.stream?.received ?? [];
    for (; this.streamed < received.length; this.streamed++) {
      const r = received[this.streamed]!;
      if (r.kind === 'full') this.shown.set(r.uri, r.items);
    }
    return this.shown;
  }

  /** A workspace pull answered at once replaces the held one: what it says is what the panel shows. */
  answered(items: readonly { uri: string; kind: string; items?: Diagnostic[] }[]): void {
    this.problemsPanel();
    for (const r of items) if (r.kind === 'full') this.shown.set(r.uri, r.items ?? []);
  }

  /** A request answered in time, or the invariant broken. */
  async ask<R>(what: string, request: Promise<R>): Promise<R> {
    this.requests++;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Broken('answers every request', `${what}: no answer within ${this.answerWithinMs} ms`)), this.answerWithinMs);
    });
    try {
      return await Promise.race([request, late]);
    } catch (e) {
      if (e instanceof Broken) throw e;
      throw new Broken('answers every request', `${what}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      clearTimeout(timer);
      this.checkAlive(what);
    }
  }

  checkAlive(after: string): void {
    if (this.client.exitCode !== null) throw new Broken('stays alive', `the server exited (${this.client.exitCode}) after ${after}`);
    if (this.client.errorsLogged.length > 0) throw new Broken('logs no error', `after ${after}: ${this.client.errorsLogged.join('\n')}`);
  }

  /** Every range of a file lies inside it (in the text the editor shows, as LSP counts lines and UTF-16 units). */
  inside(rel: string, range: Range, what: string): void {
    const text = this.textOf(rel);
    if (text === undefined) throw new Broken('ranges inside their document', `${what}: ${rel} is neither open nor on disk`);
    const lines = linesOf(text);
    for (const p of [range.start, range.end]) {
      const line = lines[p.line];
      if (line === undefined || p.character < 0 || p.character > line.length) {
        const around = lines.slice(Math.max(0, p.line - 1), p.line + 2).map((l) => JSON.stringify(l));
        throw new Broken(
          'ranges inside their document',
          `${what}: ${rel} ${JSON.stringify(range)} is outside the text (${lines.length} lines; around it: ${around.join(' / ')})`,
          { [rel]: text },
        );
      }
    }
    if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) {
      throw new Broken('ranges inside their document', `${what}: ${rel} ${JSON.stringify(range)} ends before it starts`);
    }
  }

  insideUri(uri: string, range: Range, what: string): void {
    this.inside(this.rel(uri), range, what);
  }

  async stop(): Promise<void> {
    this.stream?.cancel();
    await this.client.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const stepWeights = {
  edit: 30,
  replaceAll: 3,
  open: 9,
  openNew: 2,
  close: 5,
  tabClosed: 3,
  versionBack: 2,
  diskWrite: 8,
  diskCreate: 4,
  diskDelete: 4,
  folderCreate: 2,
  folderDelete: 1,
  spurious: 2,
  request: 22,
  applyFix: 4,
} as const;

type Step = keyof typeof stepWeights;

/** Runs one sequence on a session; throws Broken when an invariant fails. Returns the steps taken. */
async function runSequence(s: Session, rng: Random, maxSteps: number): Promise<number> {
  const steps = rng.between(Math.max(1, Math.floor(maxSteps / 4)), maxSteps);
  for (let i = 0; i < steps; i++) {
    const step = rng.weighted<Step>(stepWeights);
    await take(s, rng, step);
    s.checkAlive(step);
  }
  await settleAndCompare(s);
  return steps;
}

function pickOpen(s: Session, rng: Random): string | undefined {
  const open = [...s.docs.keys()];
  return open.length > 0 ? rng.pick(open) : undefined;
}

async function send(s: Session, what: string, notify: () => Promise<void>): Promise<void> {
  s.log.push(what);
  await notify();
}

async function change(s: Session, rel: string, edit: TextEdit | { text: string }, version?: number): Promise<void> {
  const doc = s.docs.get(rel)!;
  doc.text = 'text' in edit ? edit.text : applyEdit(doc.text, edit);
  doc.version = version ?? doc.version + 1;
  const change = 'text' in edit ? { text: edit.text } : { range: edit.range, text: edit.newText };
  await send(s, `change ${rel} v${doc.version} ${JSON.stringify(change).slice(0, 120)}`, () =>
    s.client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: s.uri(rel), version: doc.version },
      contentChanges: [change],
    }),
  );
}

async function open(s: Session, rel: string, text: string): Promise<void> {
  s.docs.set(rel, { text, version: 1 });
  await send(s, `open ${rel} (${text.length} chars)`, () =>
    s.client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: s.uri(rel), languageId: rel.endsWith('inspection.sqs.yaml') ? 'sqs-inspection' : 'sqs-case', version: 1, text },
    }),
  );
}

async function close(s: Session, rel: string, how: 'didClose' | 'tab'): Promise<void> {
  s.docs.delete(rel);
  await send(s, `${how === 'tab' ? 'last tab closed' : 'close'} ${rel}`, async () => {
    if (how === 'tab') {
      await s.client.connection.sendNotification(EditorsChangedNotification, { shown: [], hidden: [s.uri(rel)] });
      // VS Code's didClose follows, minutes later; here at once.
    }
    await s.client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: s.uri(rel) } });
  });
}

async function events(s: Session, changes: FileEvent[]): Promise<void> {
  await send(s, `events ${changes.map((c) => `${['', 'created', 'changed', 'deleted'][c.type]} ${s.rel(c.uri)}`).join(', ')}`, () =>
    s.client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes }),
  );
}

function newCaseName(s: Session, rng: Random, folder: string): string {
  for (;;) {
    const rel = `${folder}${rng.pick(['fz', 'LIV', 'x'])}-${rng.int(1000)}.case.sqs.${rng.chance(0.9) ? 'yaml' : 'yml'}`;
    if (s.onDisk(rel) === undefined && !s.docs.has(rel)) return rel;
  }
}

function someCaseText(s: Session, rng: Random): string {
  const cases = [...s.base.entries()].filter(([rel]) => rel.includes('.case.'));
  const [, text] = rng.pick(cases);
  return text.replace(/^case: .*$/m, `case: FZ-${rng.int(1000)}`);
}

async function take(s: Session, rng: Random, step: Step): Promise<void> {
  const files = s.sqsFiles();
  switch (step) {
    case 'edit': {
      const rel = pickOpen(s, rng);
      if (!rel) return take(s, rng, 'open');
      await change(s, rel, randomEdit(rng, s.docs.get(rel)!.text));
      return;
    }
    case 'replaceAll': {
      const rel = pickOpen(s, rng);
      if (!rel) return;
      await change(s, rel, { text: mutated(rng, rng.chance(0.5) ? s.docs.get(rel)!.text : (s.base.get(rel) ?? someCaseText(s, rng))) });
      return;
    }
    case 'open': {
      const closed = files.filter((f) => !s.docs.has(f));
      if (closed.length === 0) return;
      const rel = rng.pick(closed);
      const text = s.onDisk(rel) ?? '';
      await open(s, rel, rng.chance(0.7) ? text : mutated(rng, text));
      return;
    }
    case 'openNew': {
      // A file the editor has open that is not (yet) on disk.
      const rel = newCaseName(s, rng, rng.pick(['cases/', 'second/cases/', 'loose/', 'new/']));
      await open(s, rel, someCaseText(s, rng));
      return;
    }
    case 'close':
    case 'tabClosed': {
      const rel = pickOpen(s, rng);
      if (rel) await close(s, rel, step === 'close' ? 'didClose' : 'tab');
      return;
    }
    case 'versionBack': {
      const rel = pickOpen(s, rng);
      if (!rel) return;
      const doc = s.docs.get(rel)!;
      await change(s, rel, randomEdit(rng, doc.text), Math.max(0, doc.version - rng.between(1, 3)));
      return;
    }
    case 'diskWrite': {
      if (files.length === 0) return;
      const rel = rng.pick(files);
      const text = s.onDisk(rel) ?? '';
      let next = mutated(rng, text);
      if (rng.chance(0.1)) next = next.replace(/\r?\n/g, '\r\n');
      s.write(rel, writable(next));
      await events(s, [{ uri: s.uri(rel), type: FileChangeType.Changed }]);
      return;
    }
    case 'diskCreate': {
      const folder = rng.pick(['cases/', 'cases/day-2/', 'second/cases/', 'loose/', 'node_modules/pkg/', '']);
      const rel = rng.chance(0.1) && s.onDisk(`${folder}inspection.sqs.yaml`) === undefined ? `${folder}inspection.sqs.yaml` : newCaseName(s, rng, folder);
      const createdFolder = !existsSync(path.dirname(path.join(s.dir, rel)));
      s.write(rel, rel.endsWith('inspection.sqs.yaml') ? mutated(rng, s.base.get('second/inspection.sqs.yaml')!, rng.int(2)) : someCaseText(s, rng));
      // A new folder is reported alone, as VS Code reports it.
      const reported = createdFolder ? path.dirname(rel) : rel;
      await events(s, [{ uri: s.uri(reported), type: FileChangeType.Created }]);
      return;
    }
    case 'diskDelete': {
      if (files.length <= 1) return;
      const rel = rng.pick(files);
      rmSync(path.join(s.dir, rel));
      await events(s, [{ uri: s.uri(rel), type: FileChangeType.Deleted }]);
      return;
    }
    case 'folderCreate': {
      const folder = rng.pick(['cases/group-a', 'extra', 'second/cases/b', 'moved']);
      if (existsSync(path.join(s.dir, folder))) return;
      for (let i = rng.between(1, 3); i > 0; i--) s.write(newCaseName(s, rng, `${folder}/`), someCaseText(s, rng));
      if (rng.chance(0.3) && folder === 'extra') s.write('extra/inspection.sqs.yaml', s.base.get('second/inspection.sqs.yaml')!);
      await events(s, [{ uri: s.uri(folder), type: FileChangeType.Created }]);
      return;
    }
    case 'folderDelete': {
      const folders = ['cases/group-a', 'extra', 'second/cases/b', 'moved', 'cases/day-2', 'loose', 'new'].filter((f) => existsSync(path.join(s.dir, f)));
      if (folders.length === 0) return;
      const folder = rng.pick(folders);
      if (s.sqsFiles().every((f) => f.startsWith(`${folder}/`))) return;
      rmSync(path.join(s.dir, folder), { recursive: true, force: true });
      await events(s, [{ uri: s.uri(folder), type: FileChangeType.Deleted }]);
      return;
    }
    case 'spurious': {
      // Events that change nothing: a file changed that was not, a plain file created.
      if (rng.chance(0.5) && files.length > 0) await events(s, [{ uri: s.uri(rng.pick(files)), type: FileChangeType.Changed }]);
      else {
        s.write('notes.txt', 'not an SQS file');
        await events(s, [{ uri: s.uri('notes.txt'), type: FileChangeType.Created }]);
      }
      return;
    }
    case 'request':
      return request(s, rng, files);
    case 'applyFix':
      return applyFix(s, rng);
  }
}

function randomPosition(rng: Random, text: string): { line: number; character: number } {
  const lines = linesOf(text);
  if (rng.chance(0.05)) return { line: lines.length + rng.int(5), character: rng.int(10) };
  const line = rng.int(lines.length);
  return { line, character: rng.int(lines[line]!.length + (rng.chance(0.05) ? 5 : 1)) };
}

async function pull(s: Session, rel: string): Promise<Diagnostic[]> {
  const report = await s.ask(`pull ${rel}`, s.client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: s.uri(rel) } }));
  const items = report.kind === 'full' ? report.items : [];
  for (const d of items) {
    s.inside(rel, d.range, `diagnostic ${String(d.code)}`);
    for (const r of d.relatedInformation ?? []) s.insideUri(r.location.uri, r.location.range, `related information of ${String(d.code)}`);
  }
  return items;
}

async function request(s: Session, rng: Random, files: string[]): Promise<void> {
  const rel = pickOpen(s, rng) ?? (files.length > 0 ? rng.pick(files) : undefined);
  if (!rel) return;
  const text = s.textOf(rel) ?? '';
  const uri = s.uri(rel);
  const textDocument = { uri };
  const position = randomPosition(rng, text);
  // An editor asks about a position only in a document it has open; of a closed file, only its findings and reports.
  const isOpen = s.docs.has(rel);
  const kind = rng.weighted({
    pull: 30,
    hover: 12,
    completion: 12,
    codeAction: 12,
    symbols: 6,
    folding: 6,
    inlay: 6,
    definition: 5,
    references: 4,
    status: 3,
    preview: 2,
    wsSymbol: 2,
    ...(!isOpen && { hover: 0, completion: 0, codeAction: 0, symbols: 0, folding: 0, inlay: 0, definition: 0, references: 0 }),
  });
  s.log.push(`request ${kind} ${rel} ${JSON.stringify(position)}`);
  switch (kind) {
    case 'pull':
      await pull(s, rel);
      return;
    case 'hover': {
      const hover = await s.ask('hover', s.client.connection.sendRequest(HoverRequest.type, { textDocument, position }));
      if (hover?.range) s.inside(rel, hover.range, 'hover');
      return;
    }
    case 'completion': {
      const list = await s.ask('completion', s.client.connection.sendRequest(CompletionRequest.type, { textDocument, position }));
      const items = Array.isArray(list) ? list : (list?.items ?? []);
      for (const item of items) {
        const edit = item.textEdit;
        if (edit && 'range' in edit) s.inside(rel, edit.range, `completion ${item.label}`);
        if (edit && 'insert' in edit) s.inside(rel, edit.insert, `completion ${item.label}`);
      }
      return;
    }
    case 'codeAction': {
      const diagnostics = s.docs.has(rel) || rng.chance(0.5) ? await pull(s, rel) : [];
      const chosen = diagnostics.length > 0 ? [rng.pick(diagnostics)] : [];
      const range = chosen[0]?.range ?? { start: position, end: position };
      const actions = await s.ask(
        'codeAction',
        s.client.connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: chosen } }),
      );
      for (const action of (actions ?? []) as CodeAction[])
        for (const [u, edits] of editsOf(action)) for (const e of edits) s.insideUri(u, e.range, `code action ${action.title}`);
      return;
    }
    case 'symbols': {
      const symbols = await s.ask('documentSymbol', s.client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }));
      const walk = (list: unknown[]): void => {
        for (const sym of list as { range?: Range; selectionRange?: Range; location?: Location; children?: unknown[] }[]) {
          if (sym.range) s.inside(rel, sym.range, 'symbol');
          if (sym.selectionRange) s.inside(rel, sym.selectionRange, 'symbol selection');
          if (sym.location) s.insideUri(sym.location.uri, sym.location.range, 'symbol');
          walk(sym.children ?? []);
        }
      };
      walk(symbols ?? []);
      return;
    }
    case 'folding': {
      const ranges = await s.ask('foldingRange', s.client.connection.sendRequest(FoldingRangeRequest.type, { textDocument }));
      const lines = linesOf(text).length;
      for (const r of ranges ?? [])
        if (r.startLine < 0 || r.endLine >= lines || r.startLine > r.endLine)
          throw new Broken('ranges inside their document', `folding ${rel} ${JSON.stringify(r)} (${lines} lines)`);
      return;
    }
    case 'inlay': {
      const lines = linesOf(text);
      const hints = await s.ask(
        'inlayHint',
        s.client.connection.sendRequest(InlayHintRequest.type, {
          textDocument,
          range: { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]!.length } },
        }),
      );
      for (const h of hints ?? []) s.inside(rel, { start: h.position, end: h.position }, 'inlay hint');
      return;
    }
    case 'definition':
    case 'references': {
      const found =
        kind === 'definition'
          ? await s.ask('definition', s.client.connection.sendRequest(DefinitionRequest.type, { textDocument, position }))
          : await s.ask(
              'references',
              s.client.connection.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } }),
            );
      for (const l of (Array.isArray(found) ? found : found ? [found] : []) as (Location | { targetUri: string; targetRange: Range })[]) {
        if ('uri' in l) s.insideUri(l.uri, l.range, kind);
        else s.insideUri(l.targetUri, l.targetRange, kind);
      }
      return;
    }
    case 'status':
      await s.ask('sqs/inspectionStatus', s.client.connection.sendRequest(InspectionStatusRequest, { uri }));
      return;
    case 'preview':
      await s.ask('sqs/preview', s.client.connection.sendRequest(PreviewRequest, { uri }));
      return;
    case 'wsSymbol':
      for (const sym of ((await s.ask(
        'workspace/symbol',
        s.client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: rng.pick(['', 'LIV', 'T', 'zz']) }),
      )) ?? []) as {
        location: Location | { uri: string };
      }[]) {
        if ('range' in sym.location) s.insideUri(sym.location.uri, sym.location.range, 'workspace symbol');
      }
      return;
  }
}

function editsOf(action: CodeAction): [string, LspTextEdit[]][] {
  const edit = action.edit;
  if (!edit) return [];
  if (edit.changes) return Object.entries(edit.changes);
  return (edit.documentChanges ?? []).filter((c): c is TextDocumentEdit => 'textDocument' in c).map((c) => [c.textDocument.uri, c.edits as LspTextEdit[]]);
}

/** Asks for the fixes of an open document's finding and applies one, as the editor would: one change, its edits in order. */
async function applyFix(s: Session, rng: Random): Promise<void> {
  const rel = pickOpen(s, rng);
  if (!rel) return;
  const diagnostics = await pull(s, rel);
  if (diagnostics.length === 0) return;
  const d = rng.pick(diagnostics);
  const actions = ((await s.ask(
    'codeAction',
    s.client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: s.uri(rel) }, range: d.range, context: { diagnostics: [d] } }),
  )) ?? []) as CodeAction[];
  const usable = actions.filter((a) => !a.disabled && editsOf(a).every(([u]) => s.rel(u) === rel));
  if (usable.length === 0) return;
  const action = rng.pick(usable);
  s.log.push(`apply fix "${action.title}" to ${rel}`);
  const edits = editsOf(action).flatMap(([, e]) => e);
  for (const e of edits) s.inside(rel, e.range, `fix ${action.title}`);
  // Applied from the last to the first, so each range still means what it meant.
  const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
  for (const e of sorted) await change(s, rel, { range: e.range, newText: e.newText });
}

/** Writes every open document to disk, then compares the server's findings with `sqs check`'s on the same files. */
async function settleAndCompare(s: Session): Promise<void> {
  s.log.push('final check');
  const touched: FileEvent[] = [];
  for (const [rel, doc] of s.docs) {
    const text = writable(doc.text);
    if (text !== doc.text) await change(s, rel, { text });
    const existed = s.onDisk(rel) !== undefined;
    if (!existed || s.onDisk(rel) !== text) {
      s.write(rel, text);
      touched.push({ uri: s.uri(rel), type: existed ? FileChangeType.Changed : FileChangeType.Created });
    }
  }
  if (touched.length > 0) await events(s, touched);

  const expected = cliFindings(s);
  const files = s.sqsFiles();
  // The pull held since the server started (or since the last check) has streamed its way to the same findings.
  const stale = () => {
    const panel = s.problemsPanel();
    return [...new Set([...files, ...[...panel.keys()].map((u) => s.rel(u))])].filter((rel) => {
      const want = files.includes(rel) ? (expected.get(rel) ?? []).sort() : [];
      return JSON.stringify((panel.get(s.uri(rel)) ?? []).map(asText).sort()) !== JSON.stringify(want) || (files.includes(rel) && !panel.has(s.uri(rel)));
    });
  };
  await s.client
    .until(() => stale().length === 0, 'the held workspace pull to stream the findings of every file')
    .catch(async () => {
      const [first] = stale();
      const all = await s.client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] }).catch(() => ({ items: [] }));
      const indexed = all.items.map((r) => s.rel(r.uri));
      const ghosts = indexed.filter((f) => !files.includes(f));
      const unseen = files.filter((f) => !indexed.includes(f));
      const shown = (s.problemsPanel().get(s.uri(first ?? '')) ?? []).map(asText);
      throw new Broken(
        'findings equal sqs check',
        `the held workspace pull streamed stale findings for ${stale().join(', ')} (indexed, not on disk: ${ghosts.join(', ') || 'none'}; on disk, not indexed: ${unseen.join(', ') || 'none'}); for ${first}:\n  streamed: ${shown.join('\n            ')}\n  check:    ${(expected.get(first ?? '') ?? []).join('\n            ')}`,
      );
    });
  // Each file's document pull: answered once its inspection is settled (the disk events above read and applied).
  for (const rel of files) {
    const got = (await pull(s, rel)).map(asText).sort();
    const want = (expected.get(rel) ?? []).sort();
    if (JSON.stringify(got) !== JSON.stringify(want))
      throw new Broken('findings equal sqs check', `${rel}:\n  server: ${got.join('\n          ')}\n  check:  ${want.join('\n          ')}`);
  }
  // Every file the server reports on is on disk, and the other way round: a fresh workspace pull has them all. Asked
  // once everything is settled, since a workspace pull leaves out the files of an inspection still being read (the
  // client keeps what it had for them). It ends the held one (a client sends one pull at a time), so a new one is
  // held from here, with the ids now held.
  const fresh = await s.ask('workspace/diagnostic', s.client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] }));
  s.answered(fresh.items);
  const reported = fresh.items.filter((r) => r.kind === 'full').map((r) => s.rel(r.uri));
  const missing = files.filter((f) => !reported.includes(f));
  const extra = reported.filter((f) => !files.includes(f));
  if (missing.length + extra.length > 0) {
    throw new Broken(
      'findings equal sqs check',
      `the workspace pull has ${extra.length} file(s) not on disk (${extra.join(', ')}) and lacks ${missing.length} (${missing.join(', ')})`,
    );
  }
  s.pullWorkspace(fresh.items.flatMap((r) => (r.resultId ? [{ uri: r.uri, value: r.resultId }] : [])));
}

/** `sqs check --format json` on the session's folder, by file: "code severity range message". */
function cliFindings(s: Session): Map<string, string[]> {
  let stdout = '';
  let stderr = '';
  const code = main(
    ['check', '--format', 'json', s.dir],
    (t) => (stdout += t),
    (t) => (stderr += t),
  ) as number;
  if (code === 2) throw new Broken('findings equal sqs check', `sqs check could not check the folder: ${stderr}`);
  const byFile = new Map<string, string[]>();
  for (const f of JSON.parse(stdout) as { uri: string; code: string; severity: string; range: Range; message: string }[]) {
    const rel = s.rel(f.uri);
    byFile.set(rel, [...(byFile.get(rel) ?? []), `${f.code} ${f.severity} ${JSON.stringify(f.range)} ${f.message}`]);
  }
  return byFile;
}

/** Brings a session's folder and documents back to the start: every document closed, every file as it was. */
async function reset(s: Session): Promise<void> {
  for (const rel of [...s.docs.keys()]) await close(s, rel, 'didClose');
  const changes: FileEvent[] = [];
  for (const rel of s.sqsFiles()) {
    if (!s.base.has(rel)) {
      rmSync(path.join(s.dir, rel));
      changes.push({ uri: s.uri(rel), type: FileChangeType.Deleted });
    }
  }
  for (const [rel, text] of s.base) {
    const was = s.onDisk(rel);
    if (was === text) continue;
    s.write(rel, text);
    changes.push({ uri: s.uri(rel), type: was === undefined ? FileChangeType.Created : FileChangeType.Changed });
  }
  if (changes.length > 0) await events(s, changes);
}

export async function fuzzServer(options: FuzzOptions): Promise<FuzzResult> {
  const started = Date.now();
  const base = pristine();
  const maxSteps = options.steps ?? 40;
  const perServer = options.perServer ?? 25;
  const answerWithinMs = options.answerWithinMs ?? 20_000;
  const first = options.first ?? 0;
  const result: FuzzResult = { sequences: 0, steps: 0, requests: 0, filesCompared: 0, servers: 0, failures: [], ms: 0 };
  let session: Session | undefined;
  let onThisServer = 0;
  for (let k = first; k < first + options.sequences; k++) {
    if (session && onThisServer >= perServer) {
      result.requests += session.requests;
      await session.stop();
      session = undefined;
    }
    try {
      if (!session) {
        session = new Session(answerWithinMs, base, options.serverPath);
        result.servers++;
        onThisServer = 0;
        session.log = ['start a server'];
        await session.start();
      }
      session.log = [];
      result.steps += await runSequence(session, new Random(sequenceSeed(options.seed, k)), maxSteps);
      result.filesCompared += session.sqsFiles().length;
      await reset(session);
      onThisServer++;
    } catch (e) {
      const broken = e instanceof Broken ? e : new Broken('the fuzzer itself', e instanceof Error ? (e.stack ?? e.message) : String(e));
      result.failures.push({
        sequence: k,
        invariant: broken.invariant,
        detail: broken.message,
        steps: session?.log ?? [],
        ...(broken.texts && { texts: broken.texts }),
      });
      options.onFailure?.(result.failures[result.failures.length - 1]!);
      result.requests += session?.requests ?? 0;
      await session?.stop().catch(() => undefined);
      session = undefined;
    }
    result.sequences++;
    options.onSteps?.(k, session?.log ?? result.failures[result.failures.length - 1]?.steps ?? []);
    options.onSequence?.(result.sequences, result.failures.length);
  }
  if (session) {
    result.requests += session.requests;
    await session.stop();
  }
  result.ms = Date.now() - started;
  return result;
}
