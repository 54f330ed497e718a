import { escapeAttribute as attr, escapeText as text } from 'entities/escape';
import type { CellState, GridColumn, GridRow, WireGrid } from '../../../server/src/protocol';

// How the judgement grid looks: its table as HTML, and each cell's text, class and explanation. Pure and free of
// VS Code, so the page module renders the first table with it, the webview script patches cells with the same
// words, and the tests read the result with an HTML parser. Every string from a file is escaped here.

/** What a cell shows: a short text (in the cell, beside its colour) and the words a reader or screen reader gets. */
export interface CellLook {
  text: string;
  words: string;
  /** A judgement the grid may write over (or clear). Cells the case's facts rule out are read-only. */
  editable: boolean;
}

export const cellLooks: Readonly<Record<CellState, CellLook>> = {
  sufficient: { text: 'S', words: 'sufficient', editable: true },
  'not-sufficient': { text: 'NS', words: 'not sufficient', editable: true },
  'not-applicable': { text: 'N/A', words: 'not applicable', editable: true },
  unjudged: { text: '?', words: 'not judged yet', editable: true },
  'ruled-out': { text: '–', words: 'does not apply, by the case’s facts', editable: false },
  'ruled-out-judged': { text: '!', words: 'judged, but the case’s facts say it does not apply: not counted', editable: false },
  'marked-not-applicable': { text: 'N/A!', words: 'not applicable, but the case’s facts say it applies: not counted', editable: true },
  unreadable: { text: '??', words: 'not a judgement as written: see the case file’s problems', editable: true },
  'not-counted': { text: '·', words: 'not counted: the case is on other criteria than its inspection', editable: false },
};

/** The legend above the grid, in the order a reader meets the states. */
export const legendStates: readonly CellState[] = ['sufficient', 'not-sufficient', 'not-applicable', 'unjudged', 'ruled-out'];

/**
 * protocol.ts's cellLetters read backwards. Written out here because the webview's bundle must not load protocol.ts
 * (it brings the LSP library with it); a test holds the two to each other.
 */
export const stateOfLetter: Readonly<Record<string, CellState>> = {
  s: 'sufficient',
  n: 'not-sufficient',
  a: 'not-applicable',
  u: 'unjudged',
  x: 'ruled-out',
  j: 'ruled-out-judged',
  m: 'marked-not-applicable',
  r: 'unreadable',
  c: 'not-counted',
};

export function cellState(column: GridColumn, row: number): CellState {
  return stateOfLetter[column.cells[row] ?? ''] ?? 'unreadable';
}

/** The cell's class: its state, for the stylesheet's colours. */
export function cellClass(state: CellState): string {
  return `cell ${state}`;
}

/** What a pointer over a cell (or a screen reader on it) is told: the case, the question, the judgement and its reasons. */
export function cellTitle(row: GridRow, column: GridColumn, rowIndex: number): string {
  const state = cellState(column, rowIndex);
  const reasons = column.reasons[rowIndex] ?? [];
  const why = reasons.length > 0 ? ` — reasons: ${reasons.map((code) => (row.reasons[code] ? `${code} (${row.reasons[code]})` : code)).join('; ')}` : '';
  return `${column.label}, ${row.label}: ${cellLooks[state].words}${why}`;
}

/** The tally at the end of a row: "19/22", with the reviews done and what is left to judge. */
export function tallyText(row: GridRow): string {
  const t = row.tally;
  const parts = [t.review ? `${t.sufficient}/${t.review.due} (done ${t.review.done})` : `${t.sufficient}/${t.relevant}`];
  if (t.unjudged > 0) parts.push(`${t.unjudged} to judge`);
  return parts.join(', ');
}

/** Whether the stated figures agree with the tally: undefined when the inspection file states none. */
export function statedAgrees(row: GridRow): boolean | undefined {
  return row.stated.length === 0 ? undefined : row.stated.every((s) => s.stated === s.tallied);
}

export function statedText(row: GridRow): string {
  const agrees = statedAgrees(row);
  if (agrees === undefined) return '';
  if (agrees) return 'agrees with the stated figures';
  return row.stated
    .filter((s) => s.stated !== s.tallied)
    .map((s) => `${s.field}: stated ${s.stated}, tallied ${s.tallied}`)
    .join('; ');
}

/** The column header's explanation: who examined the case, its sentence, and whether it counts. */
export function columnTitle(column: GridColumn, unsaved: boolean): string {
  const parts = [column.label];
  if (column.sentence) parts.push(column.sentence);
  if (column.inspector) parts.push(`inspector ${column.inspector}`);
  if (!column.counted) parts.push('not counted: on other criteria than its inspection');
  if (unsaved) parts.push('changed, not saved (Ctrl+S saves)');
  return parts.join(' · ');
}

export function rowTitle(row: GridRow): string {
  return `${row.label} ${row.criterionTitle}: ${row.wording}`;
}

/** How many cases the filters leave: "34 cases", "9 of 34 cases". */
export function casesShown(shown: number, all: number): string {
  return shown === all ? `${all} case${all === 1 ? '' : 's'}` : `${shown} of ${all} cases`;
}

/** What of the grid a table shows: which cases (the filters), which of those are drawn, which questions. */
export interface GridView {
  /** Indices of the cases shown, in order. */
  shown: readonly number[];
  /** The window of `shown` drawn as cells, [from, to): the rest are spacer columns of the same widths. */
  from: number;
  to: number;
  /** Rows the filters hide. */
  hiddenRows: ReadonlySet<number>;
}

/** How many cases the first page draws: a screen's worth and more; the webview's script draws others as it scrolls. */
export const firstWindow = 60;

export function wholeView(grid: WireGrid, window = firstWindow): GridView {
  const shown = grid.columns.map((_, j) => j);
  return { shown, from: 0, to: Math.min(shown.length, window), hiddenRows: new Set() };
}

/** A grid brought up to date by the server's answer to a request naming the grid held (`since`). */
export function withDelta(held: WireGrid, answer: WireGrid): WireGrid {
  if (!answer.delta) return answer;
  const columns = held.columns.slice();
  answer.delta.indices.forEach((index, n) => (columns[index] = answer.columns[n]!));
  const { delta: _delta, ...whole } = answer;
  return { ...whole, columns };
}

/** The cell of one case in one row, drawn. */
export function cellHtml(column: GridColumn, row: number, j: number, position: number): string {
  const state = cellState(column, row);
  return `<td class="${cellClass(state)}" data-c="${j}" aria-colindex="${position + 2}">${cellLooks[state].text}</td>`;
}

export function tallyHtml(row: GridRow, position: number): string {
  const agrees = statedAgrees(row);
  const stated = agrees === undefined ? '' : ` <span class="stated ${agrees ? 'agrees' : 'differs'}">${agrees ? '✓' : '≠'}</span>`;
  return `<td class="tally" data-c="tally" aria-colindex="${position + 2}" title="${attr(statedText(row))}">${text(tallyText(row))}${stated}</td>`;
}

/**
 * The grid as a table: the ARIA grid pattern (the webview script moves the focus and edits), with every shown case a
 * column of fixed width (table-layout: fixed, in the stylesheet) but only a window of them drawn, the rest spanned by
 * a spacer either side: a thousand cases are thirty thousand cells, which a browser lays out in seconds.
 */
export function gridTable(grid: WireGrid, unsaved: ReadonlySet<string>, view: GridView = wholeView(grid)): string {
  const name = grid.area ?? 'this';
  const { shown, from, to } = view;
  const spacer = (tag: 'td' | 'th', span: number) => (span > 0 ? `<${tag} class="spacer" colspan="${span}" role="presentation"></${tag}>` : '');
  const drawn = shown.slice(from, to);
  const cols = `<colgroup><col class="question">${'<col class="case">'.repeat(shown.length)}<col class="tally"></colgroup>`;
  const head = drawn
    .map((j, k) => {
      const c = grid.columns[j]!;
      return `<th scope="col" class="case${c.counted ? '' : ' uncounted'}${unsaved.has(c.uri) ? ' unsaved' : ''}" data-col="${j}" aria-colindex="${from + k + 2}" title="${attr(columnTitle(c, unsaved.has(c.uri)))}">${text(c.label)}</th>`;
    })
    .join('');
  const body = grid.rows
    .map((r, i) => {
      const cells = drawn.map((j, k) => cellHtml(grid.columns[j]!, i, j, from + k)).join('');
      const hidden = view.hiddenRows.has(i) ? ' hidden' : '';
      return `<tr data-row="${i}" data-question="${attr(r.question)}" aria-rowindex="${i + 2}"${hidden}><th scope="row" class="question" aria-colindex="1" title="${attr(rowTitle(r))}">${text(r.label)}</th>${spacer('td', from)}${cells}${spacer('td', shown.length - to)}${tallyHtml(r, shown.length)}</tr>`;
    })
    .join('\n');
  return `<table id="sqs-grid" class="grid" role="grid" aria-describedby="sqs-help" aria-label="Judgements of the ${attr(name)} inspection: ${grid.rows.length} questions by ${grid.columns.length} cases" aria-rowcount="${grid.rows.length + 1}" aria-colcount="${shown.length + 2}">
${cols}
<thead><tr aria-rowindex="1"><th scope="col" class="corner" aria-colindex="1">Question</th>${spacer('th', from)}${head}${spacer('th', shown.length - to)}<th scope="col" class="tally" aria-colindex="${shown.length + 2}">Tally</th></tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}
