import { ResponseError, type Connection } from 'vscode-languageserver';

// A bug in one handler must cost one answer, never the server: each handler is wrapped so an exception
// is logged and the client gets the handler's neutral answer (no hover, no items, no diagnostics).

export type Logger = Pick<Connection['console'], 'error' | 'warn' | 'info' | 'log'>;

/** A failure as the log shows it: the stack where there is one, to find the bug from the Output panel. */
export function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

export function guarded<A extends unknown[], R>(
  log: Logger,
  name: string,
  fallback: () => R,
  handler: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (e) {
      // A deliberate protocol answer (cancelled, …) goes to the client as it is.
      if (e instanceof ResponseError) throw e;
      log.error(`${name} failed: ${errorText(e)}`);
      return fallback();
    }
  };
}

/** For notifications: nothing to answer, but the failure is logged. */
export function guardedNotification<A extends unknown[]>(log: Logger, name: string, handler: (...args: A) => void | Promise<void>): (...args: A) => void {
  return (...args: A) => {
    void guarded(log, name, () => undefined, handler)(...args);
  };
}
