import { escapeAttribute, escapeText } from 'entities';
import { reportFormats } from '../../../server/src/protocol';
import type { ToWebview } from './messages';

type RenderMessage = Extract<ToWebview, { type: 'render' }>;

// The preview's page around the report body. Pure (no VS Code), so the HTML the webview receives is tested as
// it is. Safety lives here: a Content-Security-Policy that allows the preview's own script (by nonce) and the
// stylesheets of the extension's media folder, and nothing else — no other script, no inline style, handler or
// style attribute, no remote anything, no forms. User text reaches the page only through the report body (escaped
// by the renderer) and the attributes below (escaped here).

export interface PageOptions {
  /** Fresh for every page load: the only script allowed to run carries it. */
  nonce: string;
  /** The webview's `cspSource`: where the stylesheet and the script are served from. */
  cspSource: string;
  scriptUri: string;
  /** The report's theme stylesheet (the renderer's --vscode-* colours and fonts, built into media/out/), then the preview's own. */
  styleUris: readonly string[];
  /** What the page shows first (a render message but its type); the webview script keeps it current after that. */
  initial: Omit<RenderMessage, 'type'>;
}

const nonceShape = /^[A-Za-z0-9+/=_-]{16,}$/;

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** A nonce with quotes or spaces in it would break out of the policy: refuse rather than weaken it. */
export function checkNonce(nonce: string): void {
  if (!nonceShape.test(nonce)) throw new Error('a webview page needs a base64 nonce of at least 16 characters');
}

export function previewPage(o: PageOptions): string {
  checkNonce(o.nonce);
  const i = o.initial;
  const a = escapeAttribute;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${a(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${o.styleUris.map((href) => `<link rel="stylesheet" href="${a(href)}">`).join('\n')}
<title>${escapeText(i.title)}</title>
</head>
<body data-seq="${i.seq}" data-inspection="${a(i.inspection)}" data-locked="${i.locked}" data-reveal-on="${a(i.revealOn)}">
<nav class="sqs-toolbar" aria-label="Report preview">
<span class="sqs-title" id="sqs-title">${escapeText(i.title)}</span>
<button type="button" class="sqs-lock" data-action="toggleLock" aria-pressed="${i.locked}" title="Locked previews stay on their inspection; unlocked ones follow the active editor">${i.locked ? 'Locked' : 'Follows editor'}</button>
<span class="sqs-exports" role="group" aria-label="Export">
${reportFormats.map((f) => `<button type="button" data-action="export" data-format="${a(f.id)}" title="Export the report as ${a(f.fileType)}">${escapeText(f.label)}</button>`).join('\n')}
</span>
<button type="button" class="sqs-data" data-action="exportData" title="Export the data behind the report (judgements and tallies) as CSV, XLSX or JSON">Data…</button>
</nav>
<div id="sqs-status" class="sqs-status" role="status" aria-live="polite"></div>
<main id="sqs-report" class="sqs-report" lang="${a(i.language)}">${i.html}</main>
<script nonce="${a(o.nonce)}" src="${a(o.scriptUri)}"></script>
</body>
</html>
`;
}

/** The body shown instead of a report (no inspection, no server): a message, escaped. */
export function emptyReport(message: string): string {
  return `<p class="sqs-empty">${escapeText(message)}</p>`;
}
