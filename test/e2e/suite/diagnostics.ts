// Waiting on VS Code's diagnostics events rather than sleeping.
import * as vscode from 'vscode';

/**
 * The diagnostics of `uri` once `accept` holds for them: checked now, then on every change of that file's
 * diagnostics, until the deadline.
 */
export function diagnosticsWhere(
  uri: vscode.Uri,
  accept: (d: readonly vscode.Diagnostic[]) => boolean,
  { timeoutMs = 30_000, what }: { timeoutMs?: number; what: string },
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const settle = (): boolean => {
      const d = vscode.languages.getDiagnostics(uri);
      if (!accept(d)) return false;
      done();
      resolve(d);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) settle();
    });
    const timer = setTimeout(() => {
      done();
      reject(
        new Error(
          `timed out after ${timeoutMs} ms waiting for ${what}; diagnostics now: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => `${d.code} ${d.message}`))}`,
        ),
      );
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
    };
    settle();
  });
}
