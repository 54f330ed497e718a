import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { base64ToBytes, bytesToBase64, exportedBytes } from '../../server/src/protocol';

// Binary content (a Word report, a file read through the editor) crosses the protocol as base64, written without
// Buffer so the web build can carry it. Node's Buffer is the reference it must agree with.

describe('bytes over the protocol', () => {
  it('base64 as Node writes it, at every length around the slices it is made in', () => {
    for (const n of [0, 1, 2, 3, 0x7fff, 0x8000, 0x8001, 3 * 0x8000 + 2]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + 7) & 0xff);
      const base64 = bytesToBase64(bytes);
      assert.equal(base64, Buffer.from(bytes).toString('base64'), `${n} bytes`);
      assert.deepEqual(base64ToBytes(base64), bytes, `${n} bytes back`);
    }
  });

  it('an export result as the file holds it: base64 decoded, text as UTF-8', () => {
    assert.deepEqual(exportedBytes({ encoding: 'base64', data: 'AAEC/w==' }), Uint8Array.of(0, 1, 2, 255));
    assert.deepEqual(
      exportedBytes({ encoding: 'utf8', data: '19 out of 22 – “sufficient”' }),
      new Uint8Array(Buffer.from('19 out of 22 – “sufficient”', 'utf8')),
    );
  });
});
