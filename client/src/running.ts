// When the language server becomes usable. Its own file, free of `vscode`, so the rule is tested as it is.

/** The part of a LanguageClient this needs: its state changes (State from vscode-languageclient). */
export interface StateSource<S> {
  onDidChangeState(listener: (e: { oldState: S; newState: S }) => void): { dispose(): void };
}

/**
 * Calls `listener` each time the client becomes running: after our start() and restart(), and also after
 * vscode-languageclient restarts a crashed server by itself, which no call of ours precedes. Listening to
 * the state, rather than firing after start(), covers all three, once each.
 */
export function onEachRun<S>(client: StateSource<S>, running: S, listener: () => void): { dispose(): void } {
  return client.onDidChangeState((e) => {
    if (e.newState === running && e.oldState !== running) listener();
  });
}
