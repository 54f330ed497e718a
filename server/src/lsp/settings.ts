import type { Connection } from 'vscode-languageserver/node';
import { defaultSettings, normaliseSettings, settingsSection, type Settings } from '../protocol';

/**
 * Settings per resource: a workspace folder may set its own severities. Clients that support
 * `workspace/configuration` are asked once per file until the settings change; others push settings
 * with `workspace/didChangeConfiguration`, which then apply everywhere.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  private pushed: Settings = defaultSettings;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly connection: Connection,
    private readonly pull: boolean,
  ) {}

  get(uri: string): Promise<Settings> {
    if (!this.pull) return Promise.resolve(this.pushed);
    let s = this.cache.get(uri);
    if (!s) {
      s = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: settingsSection })
        .then(normaliseSettings, () => defaultSettings);
      this.cache.set(uri, s);
    }
    return s;
  }

  /** `workspace/didChangeConfiguration`: payload `{ sqs: {...} }` from push clients, nothing useful from pull ones. */
  changed(payload: unknown): void {
    this.cache.clear();
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
