import type { Connection } from 'vscode-languageserver';
import { defaultSettings, normaliseSettings, settingsSection, type Settings } from '../protocol';

/** Files per `workspace/configuration` request when many are asked for at once. */
const batch = 500;

/**
 * Settings per resource: a workspace folder may set its own severities. Clients that support
 * `workspace/configuration` are asked once per file until the settings change; others push settings
 * with `workspace/didChangeConfiguration`, which then apply everywhere.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  /**
   * One object per distinct set of settings: every file of a workspace is asked about and nearly all answer the same,
   * and what is read from a Settings (its severity overrides) is worked out once per object.
   */
  private readonly distinct = new Map<string, Settings>();
  private pushed: Settings = defaultSettings;
  private readonly listeners = new Set<() => void>();
  /** Bumped on every change: part of each diagnostic result id, so a settings change re-sends everything. */
  version = 0;

  constructor(
    private readonly connection: Connection,
    private readonly pull: boolean,
  ) {}

  get(uri: string): Promise<Settings> {
    if (!this.pull) return Promise.resolve(this.pushed);
    let s = this.cache.get(uri);
    if (!s) {
      s = this.connection.workspace.getConfiguration({ scopeUri: uri, section: settingsSection }).then(
        (value) => this.shared(normaliseSettings(value)),
        () => defaultSettings,
      );
      this.cache.set(uri, s);
    }
    return s;
  }

  /**
   * Settings of many files at once: one `workspace/configuration` request per few hundred files not yet
   * asked about, instead of one each (a workspace pull covers every file of the workspace).
   */
  getMany(uris: readonly string[]): Promise<Settings[]> {
    if (!this.pull) return Promise.resolve(uris.map(() => this.pushed));
    const missing = [...new Set(uris.filter((u) => !this.cache.has(u)))];
    for (let i = 0; i < missing.length; i += batch) {
      const slice = missing.slice(i, i + batch);
      const answer = this.connection.workspace.getConfiguration(slice.map((scopeUri) => ({ scopeUri, section: settingsSection }))) as Promise<unknown[]>;
      slice.forEach((uri, k) =>
        this.cache.set(
          uri,
          answer.then(
            (values) => this.shared(normaliseSettings(values[k])),
            () => defaultSettings,
          ),
        ),
      );
    }
    return Promise.all(uris.map((u) => this.get(u)));
  }

  private shared(settings: Settings): Settings {
    const key = JSON.stringify(settings);
    const known = this.distinct.get(key);
    if (known) return known;
    this.distinct.set(key, settings);
    return settings;
  }

  /** `workspace/didChangeConfiguration`: payload `{ sqs: {...} }` from push clients, nothing useful from pull ones. */
  changed(payload: unknown): void {
    this.cache.clear();
    this.distinct.clear();
    this.version++;
    if (!this.pull) {
      const all = payload !== null && typeof payload === 'object' ? (payload as Record<string, unknown>)[settingsSection] : undefined;
      this.pushed = normaliseSettings(all);
    }
    for (const l of this.listeners) l();
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
