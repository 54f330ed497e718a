import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newNonce } from '../../client/src/preview/nonce';

// The preview's Content-Security-Policy lets a script run by its nonce: one that repeats or is short can be guessed.
// Made with Web Crypto, which the browser's extension host has too (node:crypto's randomBytes it has not).

describe("the preview page's nonce", () => {
  it('is 128 random bits in base64, new each time', () => {
    const nonces = Array.from({ length: 200 }, newNonce);
    for (const n of nonces) {
      assert.match(n, /^[A-Za-z0-9+/]{22}==$/);
      assert.equal(Buffer.from(n, 'base64').length, 16);
    }
    assert.equal(new Set(nonces).size, nonces.length);
  });
});
