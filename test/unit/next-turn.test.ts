import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';

// The workspace pull yields between slices through lsp/nextTurn.ts (a MessageChannel, which the Web Worker has too).
// In Node the channel's port must keep the process alive while a turn is awaited, and not once none is: played in
// a process of its own, where nothing else holds the event loop open.

const root = path.resolve(__dirname, '../..');

function runAlone(script: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=commonjs', '-e', `(async () => {${script}})()`], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('nextTurn', () => {
  it('resolves, turn after turn, in a process with nothing else to do, which then ends', () => {
    const r = runAlone(`
      const { nextTurn } = require('./server/src/lsp/nextTurn.ts');
      let n = 0;
      for (let i = 0; i < 1000; i++) { await nextTurn(); n++; }
      await Promise.all([nextTurn(), nextTurn(), nextTurn()]);
      console.log('turns', n);
    `);
    assert.equal(r.signal, null, 'the process was stopped: an idle port kept it alive');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), 'turns 1000');
  });

  it('lets timers and I/O queued before it run first', () => {
    const r = runAlone(`
      const { nextTurn } = require('./server/src/lsp/nextTurn.ts');
      const seen = [];
      setImmediate(() => seen.push('immediate'));
      await nextTurn();
      await nextTurn();
      console.log(seen.join(','));
    `);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), 'immediate');
  });
});
