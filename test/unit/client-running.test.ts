import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { onEachRun, type StateSource } from '../../client/src/running';

// The status item and the previews ask the server again whenever it (re)starts; that must include the
// restarts vscode-languageclient makes by itself after a crash, with no call of ours before them.

enum State {
  Stopped = 1,
  Running = 2,
  Starting = 3,
}

class FakeClient implements StateSource<State> {
  private state = State.Stopped;
  private readonly listeners = new Set<(e: { oldState: State; newState: State }) => void>();
  onDidChangeState(listener: (e: { oldState: State; newState: State }) => void) {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
  to(newState: State): void {
    const oldState = this.state;
    this.state = newState;
    for (const l of this.listeners) l({ oldState, newState });
  }
}

describe('the server started event (onEachRun)', () => {
  it('fires once per start: the first, a restart asked for, and one the client makes after a crash', () => {
    const client = new FakeClient();
    let runs = 0;
    onEachRun(client, State.Running, () => runs++);
    client.to(State.Starting);
    assert.equal(runs, 0, 'not while starting');
    client.to(State.Running);
    assert.equal(runs, 1);
    // The server crashed; the client restarts it on its own.
    client.to(State.Starting);
    client.to(State.Running);
    assert.equal(runs, 2);
    // restart(): stopped, then started.
    client.to(State.Stopped);
    client.to(State.Starting);
    client.to(State.Running);
    assert.equal(runs, 3);
  });

  it('stops firing once disposed', () => {
    const client = new FakeClient();
    let runs = 0;
    onEachRun(client, State.Running, () => runs++).dispose();
    client.to(State.Running);
    assert.equal(runs, 0);
  });
});
