import type { Diagnostic } from 'vscode-languageserver';
import type { Settings } from '../protocol';
import { toDiagnostic } from './convert';
import { errorText, type Logger } from './safe';
import type { SettingsStore } from './settings';
import { applySettings, settingsProblems } from './severity';
import type { Workspace } from './workspace';

/**
 * Every diagnostics path (document pulls, the workspace pull, pushes) takes its reports from here, so a
 * result id means the same thing in each: the client may hold an id from a document pull and send it back in
 * a workspace pull.
 *
 * A result id is this server run, the settings version and the checker's findings key: equal ids, equal
 * diagnostics, and computing one is a few map lookups. Asking whether a file changed never computes or
 * serialises its diagnostics, which matters when a workspace pull covers thousands of files. The key
 * follows the checks' findings themselves; the settings version stands for everything else the diagnostics
 * depend on: the phrasebook the findings are asked with (the key holds only for findings asked with the same
 * one) and the severities applied to them.
 */
export class DiagnosticReports {
  /** Ids from an earlier run of the server mean nothing now. */
  private readonly run = `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
  /** Settings problems already logged, for the settings version they were logged in. */
  private warned = { version: -1, problems: new Set<string>() };

  constructor(
    private readonly ws: Workspace,
    private readonly settings: SettingsStore,
    private readonly log: Logger,
  ) {}

  /** Document pulls being answered, by canonical URI. */
  private readonly pulling = new Map<string, number>();
  private readonly answered = new Set<(uri: string) => void>();

  /**
   * Runs the answer to a document pull of `uri`, then tells onDidAnswerPull. A client may hold what a document pull
   * gave it above anything the workspace pull says of the same file (vscode-languageclient does, while it pulls the
   * document itself), so what the workspace pull has to say about a closed file must reach it after that answer.
   */
  async answeringPull<T>(uri: string, answer: () => Promise<T>): Promise<T> {
    this.pulling.set(uri, (this.pulling.get(uri) ?? 0) + 1);
    try {
      return await answer();
    } finally {
      const left = (this.pulling.get(uri) ?? 1) - 1;
      if (left > 0) this.pulling.set(uri, left);
      else this.pulling.delete(uri);
      for (const listener of this.answered) listener(uri);
    }
  }

  /** Whether a document pull of the file is being answered. */
  isPulled(uri: string): boolean {
    return this.pulling.has(uri);
  }

  /** Told after each document pull is answered (just before the answer is sent). */
  onDidAnswerPull(listener: (uri: string) => void): { dispose(): void } {
    this.answered.add(listener);
    return { dispose: () => this.answered.delete(listener) };
  }

  /** The settings version to pair with settings read from now on (read it before awaiting them). */
  get settingsVersion(): number {
    return this.settings.version;
  }

  /** The result id of a file's diagnostics now. Call after `ws.sync()`, with the version read before the settings. */
  resultId(uri: string, settingsVersion: number): string {
    return `${this.run}.${settingsVersion}.${this.ws.checker.findingsKey(uri)}`;
  }

  /** A file's diagnostics now, after the severity settings. Call after `ws.sync()`. */
  items(uri: string, settings: Settings): Diagnostic[] {
    this.warnAbout(settings);
    return applySettings(this.ws.checker.findingsFor(uri, { phrasebook: settings.phrasebook }), settings).map(toDiagnostic);
  }

  /** As resultId, for a file's own findings alone (Checker.ownFindingsFor): what a file edited during indexing is answered. */
  ownResultId(uri: string, settingsVersion: number): string {
    return `${this.run}.${settingsVersion}.${this.ws.checker.ownFindingsKey(uri)}`;
  }

  /** As items, for a file's own findings alone. */
  ownItems(uri: string, settings: Settings): Diagnostic[] {
    this.warnAbout(settings);
    return applySettings(this.ws.checker.ownFindingsFor(uri), settings).map(toDiagnostic);
  }

  /**
   * `items` for one of many files: a failure (a bug in a check) is logged and costs that file's report only,
   * not the rest of a workspace pull or of a push.
   */
  itemsOrNothing(uri: string, settings: Settings): Diagnostic[] | undefined {
    try {
      return this.items(uri, settings);
    } catch (e) {
      this.log.error(`diagnostics of ${uri} failed: ${errorText(e)}`);
      return undefined;
    }
  }

  /** Misnamed codes in `sqs.diagnostics.severity` are logged once per settings change, not once per file. */
  private warnAbout(settings: Settings): void {
    if (this.warned.version !== this.settings.version) this.warned = { version: this.settings.version, problems: new Set() };
    for (const p of settingsProblems(settings)) {
      if (this.warned.problems.has(p)) continue;
      this.warned.problems.add(p);
      this.log.warn(`sqs.diagnostics.severity: ${p}`);
    }
  }
}
