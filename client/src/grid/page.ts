import { escapeAttribute as attr, escapeText as text } from 'entities/escape';
import type { WireGrid } from '../../../server/src/protocol';
import { checkNonce, contentSecurityPolicy } from '../preview/page';
import { casesShown, cellLooks, gridTable, legendStates } from './table';

// The judgement grid's page. Pure (no VS Code), so the HTML the webview receives is tested as it is, and held to the
// preview's rules: the page's own script only (by nonce), stylesheets from the extension's media folder only, no
// inline style, handler or style attribute, no forms; every string from a file escaped (table.ts and below).

export interface GridPageOptions {
  nonce: string;
  cspSource: string;
  scriptUri: string;
  styleUris: readonly string[];
  seq: number;
  inspection: string;
  /** Undefined while the server has no grid for the inspection (starting, not indexed, not an inspection any more). */
  grid: WireGrid | undefined;
  /** Shown instead of a grid when there is none. */
  message?: string;
  unsaved: readonly string[];
}

export const gridKeys =
  'Arrow keys, Home, End, Page Up and Page Down move; S sufficient, N not sufficient, A not applicable, Delete clears; Enter opens the case file there.';

export function gridTitle(area: string | undefined): string {
  return `Judgements: ${area ?? 'inspection'}`;
}

export function gridPage(o: GridPageOptions): string {
  checkNonce(o.nonce);
  const grid = o.grid;
  const inspectors = [...new Set((grid?.columns ?? []).map((c) => c.inspector).filter((i): i is string => i !== undefined))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  const title = gridTitle(grid?.area);
  const body = grid
    ? gridTable(grid, new Set(o.unsaved))
    : `<p class="sqs-empty">${text(o.message ?? 'No grid: the language server has not read this inspection yet.')}</p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${o.styleUris.map((href) => `<link rel="stylesheet" href="${attr(href)}">`).join('\n')}
<title>${text(title)}</title>
</head>
<body data-seq="${o.seq}" data-inspection="${attr(o.inspection)}">
<nav class="sqs-toolbar" aria-label="Judgement grid">
<span class="sqs-title" id="sqs-title">${text(title)}</span>
<label>Inspector <select id="sqs-inspector"><option value="">All</option>${inspectors.map((i) => `<option value="${attr(i)}">${text(i)}</option>`).join('')}</select></label>
<label><input type="checkbox" id="sqs-unjudged"> Unjudged only</label>
<span id="sqs-count" class="sqs-count">${text(casesShown(grid?.columns.length ?? 0, grid?.columns.length ?? 0))}</span>
<button type="button" id="sqs-save" data-action="save" title="Save the case files changed here (Ctrl+S)"${o.unsaved.length ? '' : ' hidden'}>Save ${o.unsaved.length} unsaved</button>
</nav>
<p class="sqs-help" id="sqs-help">${text(gridKeys)}</p>
<ul class="sqs-legend" aria-label="Legend">${legendStates.map((s) => `<li><span class="cell ${s}">${cellLooks[s].text}</span> ${text(cellLooks[s].words)}</li>`).join('')}</ul>
<div id="sqs-live" class="sqs-live" role="status" aria-live="polite"></div>
<div class="grid-scroll" id="sqs-grid-area">${body}</div>
<script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>
</body>
</html>
`;
}
