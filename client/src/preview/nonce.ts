/** A fresh nonce for a page's Content-Security-Policy: 128 random bits, base64 (Web Crypto: Node and browsers alike). */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
