import * as vscode from 'vscode';
import { State, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';
import type { RequestParam, RequestType } from 'vscode-languageserver-protocol';
import { fileSchemes, InspectionsChangedNotification, InspectionStatusRequest, languageIds, type InspectionsChangedParams } from '../../server/src/protocol';
import { answerFileRequests } from './editorFiles';
import type { LocalDisk } from './localDisk';
import { lookupInspection, type Lookup } from './inspectionLookup';
import { onEachRun } from './running';

/** The documents the server handles: SQS files (their names decide their language). */
export const documentSelector = fileSchemes.flatMap((scheme) => [
  { scheme, language: languageIds.inspection },
  { scheme, language: languageIds.case },
]);

/** What differs between the desktop's extension host and the browser's Web Worker. */
export interface ClientHost {
  /** The LanguageClient of this host (vscode-languageclient/node or /browser), with the id `sqs` and these options. */
  newClient(options: LanguageClientOptions): BaseLanguageClient;
  /** The server can write the data exports (their writers are Node streams). */
  exportsData: boolean;
  /** The desktop's own disk, where a command can prove a file it created is untouched (none in the browser). */
  localDisk?: LocalDisk;
}

/**
 * The language server as the rest of the extension sees it: typed requests, and an event when an
 * inspection's files change. Modules (status item, commands, the preview) depend on this, not on the
 * LanguageClient, so they survive restarts.
 */
export class SqsServer implements vscode.Disposable {
  readonly client: BaseLanguageClient;
  /** Whether *SQS: Export Data…* can be answered (not in the browser). */
  readonly exportsData: boolean;
  readonly localDisk: LocalDisk | undefined;
  private readonly changed = new vscode.EventEmitter<InspectionsChangedParams>();
  /** Fires when files of one or more inspections changed: typing, saving, files created or deleted. */
  readonly onInspectionsChanged = this.changed.event;
  private readonly started = new vscode.EventEmitter<void>();
  /** Fires when the server has (re)started and answers requests, including restarts after a crash. */
  readonly onDidStart = this.started.event;
  private readonly stateListener: vscode.Disposable;
  private readonly failed = new vscode.EventEmitter<string>();
  /** Fires with the reason when the server could not be started (or restarted). */
  readonly onDidFail = this.failed.event;
  private failure: string | undefined;

  private readonly fileRequests: vscode.Disposable;

  constructor(output: vscode.LogOutputChannel, host: ClientHost) {
    const clientOptions: LanguageClientOptions = {
      documentSelector,
      outputChannel: output,
      // Pull diagnostics for files visible in tabs too, not only the active editor.
      diagnosticPullOptions: { onChange: true, onSave: false, onTabs: true },
      markdown: { isTrusted: false, supportHtml: false },
    };
    this.client = host.newClient(clientOptions);
    this.exportsData = host.exportsData;
    this.localDisk = host.localDisk;
    this.fileRequests = answerFileRequests(this.client);
    this.client.onNotification(InspectionsChangedNotification, (params) => this.changed.fire(params));
    this.stateListener = onEachRun(this.client, State.Running, () => {
      this.failure = undefined;
      this.started.fire();
    });
  }

  start(): Promise<void> {
    return this.failing(this.client.start());
  }

  restart(): Promise<void> {
    // The browser's client has no restart of its own; the Node client's is this, with a check of the state.
    return this.failing((this.client.isRunning() ? this.client.stop() : Promise.resolve()).then(() => this.client.start()));
  }

  /** Why the server is not running, when starting it failed; undefined once it runs. */
  get startFailure(): string | undefined {
    return this.failure;
  }

  /** Remembers and announces a failed start, so the status item and previews can say so, then rethrows. */
  private async failing(starting: Promise<void>): Promise<void> {
    try {
      await starting;
    } catch (e) {
      this.failure = e instanceof Error ? e.message : String(e);
      this.failed.fire(this.failure);
      throw e;
    }
  }

  get running(): boolean {
    return this.client.isRunning();
  }

  request<P extends object, R>(type: RequestType<P, R, void>, params: P, token?: vscode.CancellationToken): Promise<R> {
    return this.client.sendRequest(type, params as RequestParam<P>, token);
  }

  /** The inspection `uri` belongs to, or why there is none, worded for the inspector (`what`: "to preview"). */
  inspectionOf(uri: vscode.Uri, what: string): Promise<Lookup> {
    return lookupInspection(uri, this.running ? (u) => this.request(InspectionStatusRequest, { uri: u }) : undefined, what);
  }

  stop(): Promise<void> {
    return this.client.isRunning() ? this.client.stop() : Promise.resolve();
  }

  dispose(): void {
    this.stateListener.dispose();
    this.fileRequests.dispose();
    this.failed.dispose();
    this.changed.dispose();
    this.started.dispose();
  }
}
