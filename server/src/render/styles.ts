// The report's CSS. `printCss` is for a file someone prints or saves as PDF (fixed colours, A4 pages);
// `themeCss` is for a VS Code webview, taking colours and fonts from the --vscode-* variables so the
// report follows the editor's theme. Both style the same markup (html.ts).

const layout = `
.sqs-report { max-width: 46em; margin: 0 auto; line-height: 1.45; overflow-wrap: break-word; }
.sqs-report h1 { font-size: 1.45em; margin: 1.2em 0 0.8em; }
.sqs-report h2 { font-size: 1.15em; margin: 1.4em 0 0.6em; }
.sqs-report h3 { font-size: 1.05em; margin: 1.2em 0 0.5em; }
.sqs-report p, .sqs-report li { margin: 0 0 0.7em; }
.sqs-report .letterhead p { margin: 0; font-size: 0.9em; }
.sqs-report .letterhead { margin-bottom: 1.5em; }
.sqs-report dl.memo { display: grid; grid-template-columns: max-content 1fr; gap: 0.25em 1em; margin: 0 0 1.5em; }
.sqs-report dl.memo div { display: contents; }
.sqs-report dl.memo dt { font-weight: bold; }
.sqs-report dl.memo dd { margin: 0; }
.sqs-report p.numbered { padding-left: 2.8em; }
/* Floated into the padding: the space after the number (kept for copied text) then starts the line and collapses. */
.sqs-report p.numbered > .number { float: left; width: 2.8em; margin-left: -2.8em; font-weight: bold; }
.sqs-report h3 > .number { margin-right: 0.3em; }
.sqs-report .quoted { font-style: italic; }
.sqs-report .copy-to table { border-collapse: collapse; width: 100%; }
.sqs-report .copy-to th, .sqs-report .copy-to td { text-align: left; vertical-align: top; padding: 0.3em 0.6em; border: 1px solid var(--sqs-rule); }
.sqs-report .copy-to th { font-weight: normal; width: 45%; }
.sqs-report .note { font-size: 0.9em; margin-top: 2em; }
.sqs-report .mark { font-weight: bold; padding: 0 0.3em; border-radius: 2px; }
.sqs-report .marked.error .mark { color: var(--sqs-error); border: 1px solid var(--sqs-error); }
.sqs-report .marked.warning .mark, .sqs-report .marked.information .mark { color: var(--sqs-warning); border: 1px solid var(--sqs-warning); }
`;

// The figures table and chart. Kept apart from the letter's rules so that a letter without figures prints exactly as
// it always has; the chart's SVG has classes and no style of its own.
const figuresLayout = `
.sqs-report table.figures { border-collapse: collapse; width: 100%; font-size: 0.9em; margin: 0 0 1.2em; }
.sqs-report table.figures caption { text-align: left; font-weight: bold; margin-bottom: 0.4em; }
.sqs-report table.figures th, .sqs-report table.figures td { text-align: left; vertical-align: top; padding: 0.2em 0.4em; border: 1px solid var(--sqs-rule); }
.sqs-report table.figures thead th { font-weight: bold; vertical-align: bottom; }
.sqs-report table.figures tbody th { font-weight: normal; white-space: nowrap; }
.sqs-report table.figures td.num { text-align: right; font-variant-numeric: tabular-nums; }
.sqs-report table.figures td.reasons { width: 38%; }
.sqs-report figure.chart { margin: 1em 0 1.5em; }
.sqs-report figure.chart figcaption { font-weight: bold; margin-bottom: 0.4em; }
.sqs-report figure.chart figcaption .legend { font-weight: normal; }
.sqs-report figure.chart svg { display: block; width: 100%; max-width: 640px; height: auto; }
.sqs-report .sqs-chart text { fill: currentColor; font-size: 11px; font-family: inherit; }
.sqs-report .sqs-chart .bar { fill: var(--sqs-bar); }
.sqs-report .sqs-chart .grid { stroke: var(--sqs-rule); stroke-width: 1; }
.sqs-report .sqs-chart .mean { stroke: var(--sqs-mean); stroke-width: 2.5; }
`;

/** Added to printCss for a report with figures. */
export const printFiguresCss = `
:root { --sqs-bar: #1f4e79; --sqs-mean: #c55a11; }
${figuresLayout}
@media print {
  .sqs-report figure.chart { break-inside: avoid; }
}
`.trim();

export const printCss = `
:root { --sqs-rule: #999; --sqs-error: #a00; --sqs-warning: #8a5a00; }
@page { size: A4; margin: 2cm 2.2cm; }
html { font-family: Arial, "Helvetica Neue", Helvetica, sans-serif; font-size: 11pt; color: #000; background: #fff; }
body { margin: 2em; }
${layout}
@media print {
  body { margin: 0; }
  .sqs-report { max-width: none; }
  .sqs-report h1, .sqs-report h2, .sqs-report h3 { break-after: avoid; }
  .sqs-report p, .sqs-report li, .sqs-report tr { break-inside: avoid; orphans: 3; widows: 3; }
}
`.trim();

export const themeCss = `
:root {
  --sqs-rule: var(--vscode-panel-border, #8888);
  --sqs-error: var(--vscode-editorError-foreground, #e51400);
  --sqs-warning: var(--vscode-editorWarning-foreground, #bf8803);
  --sqs-bar: var(--vscode-charts-blue, #3794ff);
  --sqs-mean: var(--vscode-charts-orange, #d18616);
}
body {
  font-family: var(--vscode-font-family, sans-serif);
  font-size: var(--vscode-font-size, 13px);
  color: var(--vscode-editor-foreground, inherit);
  background: var(--vscode-editor-background, transparent);
  padding: 0 1.5em 2em;
}
${layout}
${figuresLayout}
.sqs-report [data-sentence]:hover { background: var(--vscode-editor-hoverHighlightBackground, #8882); cursor: pointer; }
.sqs-report .highlighted { background: var(--vscode-editor-findMatchHighlightBackground, #ea5c0055); }
`.trim();
