import * as z from 'zod/mini';
import { fileSchemes } from '../../server/src/protocol';

/**
 * A file URI in a webview's message or saved state: of a scheme the extension's documents have (protocol.ts
 * fileSchemes: `file` on the desktop, `vscode-remote` in the browser build and remote windows, `vscode-vfs`), of sane
 * length. The panels only compare it with their own files, never open it as it is; `file:` alone refused every
 * edit from the grid, every click in the preview and every restore in the browser build.
 */
export const fileUriSchema = z.string().check(
  z.maxLength(4096),
  z.refine((uri) => fileSchemes.some((scheme) => uri.startsWith(`${scheme}:`))),
);
