import type { JudgementWord, WireGrid } from '../../../../server/src/protocol';
import type { FromGrid, GridState, ToGrid } from '../messages';
import {
  casesShown,
  cellClass,
  cellLooks,
  cellState,
  cellTitle,
  columnTitle,
  gridTable,
  stateOfLetter,
  statedAgrees,
  statedText,
  tallyText,
  withDelta,
  type GridView,
} from '../table';

// The judgement grid's own script, bundled for the browser (media/out/grid.js) and loaded with the page's nonce.
// It presents the grid the extension sends and turns key presses into requests; it writes no file itself: a
// judgement set here is a message to the extension, which asks the language server for the edit and applies it to
// the case file, and the grid shows the result when the server's grid comes back. Keyboard: the ARIA grid
// pattern (one cell in the tab order, arrow keys move the focus). Only the cases in view are drawn (table.ts): this
// script draws others as the grid scrolls or the focus moves to them.

interface VsCodeApi {
  postMessage(message: FromGrid): void;
  getState(): unknown;
  setState(state: GridState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const body = document.body;
const area = document.getElementById('sqs-grid-area')!;
const live = document.getElementById('sqs-live')!;
const inspectorFilter = document.getElementById('sqs-inspector') as HTMLSelectElement;
const unjudgedFilter = document.getElementById('sqs-unjudged') as HTMLInputElement;
const saveButton = document.getElementById('sqs-save') as HTMLButtonElement;
const count = document.getElementById('sqs-count')!;

/** The tally's column, in `active.col`. */
const TALLY = -1;
/** Cases drawn beyond those in view on either side, so a short scroll draws nothing. */
const margin = 12;
const unjudgedLetter = Object.keys(stateOfLetter).find((letter) => stateOfLetter[letter] === 'unjudged')!;

let seq = Number(body.dataset.seq ?? 0);
const inspection = body.dataset.inspection ?? '';
let grid: WireGrid | undefined;
let unsaved = new Set<string>();
/** What the table shows; the page drew the first window of every case. */
let view: GridView | undefined;
/** The cell in the tab order: a row, and a case by its index in the grid (or TALLY). */
let active = { row: 0, col: 0 };

const post = (m: FromGrid) => vscode.postMessage(m);
const table = () => area.querySelector<HTMLTableElement>('table.grid');

// ------------------------------------------------------------------------------------------------ state

const saved = vscode.getState() as Partial<GridState> | undefined;
if (saved?.inspection === inspection) {
  if (typeof saved.inspector === 'string') inspectorFilter.value = saved.inspector;
  unjudgedFilter.checked = saved.unjudgedOnly === true;
}

function saveState(): void {
  vscode.setState({ inspection, ...(inspectorFilter.value && { inspector: inspectorFilter.value }), ...(unjudgedFilter.checked && { unjudgedOnly: true }) });
}

function say(message: string): void {
  // Cleared first, so the same words said twice are announced twice.
  live.textContent = '';
  requestAnimationFrame(() => (live.textContent = message));
}

// ------------------------------------------------------------------------------------------------ drawing

/** The cases and questions the filters leave. */
function filtered(g: WireGrid): { shown: number[]; hiddenRows: Set<number> } {
  const who = inspectorFilter.value;
  const onlyUnjudged = unjudgedFilter.checked;
  const shown = g.columns.flatMap((c, j) => ((who === '' || c.inspector === who) && (!onlyUnjudged || c.cells.includes(unjudgedLetter)) ? [j] : []));
  const hiddenRows = new Set(g.rows.flatMap((_, i) => (onlyUnjudged && !shown.some((j) => g.columns[j]!.cells[i] === unjudgedLetter) ? [i] : [])));
  return { shown, hiddenRows };
}

/** Widths as laid out: the question column, a case's, the tally's (fixed by the stylesheet). */
function widths(): { question: number; case: number; tally: number } {
  const t = table();
  const px = (selector: string, fallback: number) => t?.querySelector<HTMLElement>(selector)?.getBoundingClientRect().width || fallback;
  return { question: px('thead th.corner', 120), case: px('thead th.case', 40), tally: px('thead th.tally', 150) };
}

/** The window of shown cases in view (with a margin), for the scroll position now. */
function windowFor(count: number): { from: number; to: number } {
  const w = widths();
  const first = Math.floor(area.scrollLeft / w.case);
  const inView = Math.ceil(Math.max(area.clientWidth - w.question - w.tally, w.case) / w.case) + 1;
  return { from: Math.max(0, first - margin), to: Math.min(count, first + inView + margin) };
}

/** Draws the table for the filters and the scroll position, keeping the focus on its case and question. */
function draw(): void {
  if (!grid) return;
  const { shown, hiddenRows } = filtered(grid);
  const { from, to } = windowFor(shown.length);
  const hadFocus = document.activeElement instanceof HTMLTableCellElement;
  view = { shown, from, to, hiddenRows };
  count.textContent = casesShown(shown.length, grid.columns.length);
  const template = document.createElement('template');
  template.innerHTML = gridTable(grid, unsaved, view);
  const left = area.scrollLeft;
  area.replaceChildren(template.content);
  area.scrollLeft = left;
  keepActiveVisible(hadFocus);
}

/** Draws again when the cases in view are not all drawn (the grid was scrolled, or the focus moved far). */
function drawIfNeeded(): void {
  if (!grid || !view) return;
  const wanted = windowFor(view.shown.length);
  const drawnEnough = wanted.from >= view.from && wanted.to <= view.to;
  if (!drawnEnough) draw();
}

// ------------------------------------------------------------------------------------------------ cells

function rowElement(row: number): HTMLTableRowElement | undefined {
  return table()?.tBodies[0]?.rows[row];
}

function cellAt(row: number, col: number): HTMLTableCellElement | null {
  return rowElement(row)?.querySelector<HTMLTableCellElement>(`td[data-c="${col === TALLY ? 'tally' : col}"]`) ?? null;
}

function visibleRows(): number[] {
  return grid ? grid.rows.map((_, i) => i).filter((i) => !view?.hiddenRows.has(i)) : [];
}

/** The columns the keys move through, in order: the shown cases, then the tally. */
function columnsInOrder(): number[] {
  return [...(view?.shown ?? []), TALLY];
}

/** Puts one cell in the tab order, and the focus on it when `focus`, drawing it first if it is out of the window. */
function activate(row: number, col: number, focus: boolean): void {
  const previous = cellAt(active.row, active.col);
  if (previous) {
    previous.tabIndex = -1;
    previous.removeAttribute('aria-label');
  }
  active = { row, col };
  if (col !== TALLY && view) {
    const position = view.shown.indexOf(col);
    if (position >= 0 && (position < view.from || position >= view.to)) {
      // Scrolled so the case is in the middle of the view, then drawn.
      const w = widths();
      area.scrollLeft = Math.max(0, position * w.case - (area.clientWidth - w.question - w.tally) / 2);
      draw();
      return;
    }
  }
  const cell = cellAt(row, col);
  if (!cell) return;
  cell.tabIndex = 0;
  describeCell(cell, row, col);
  if (focus) {
    cell.focus({ preventScroll: true });
    scrollIntoViewVertically(cell);
  }
}

function scrollIntoViewVertically(cell: HTMLElement): void {
  const head = table()?.tHead?.getBoundingClientRect().height ?? 0;
  const box = cell.getBoundingClientRect();
  const frame = area.getBoundingClientRect();
  if (box.top < frame.top + head) area.scrollTop -= frame.top + head - box.top;
  else if (box.bottom > frame.bottom) area.scrollTop += box.bottom - frame.bottom;
  const w = widths();
  if (active.col !== TALLY) {
    if (box.left < frame.left + w.question) area.scrollLeft -= frame.left + w.question - box.left;
    else if (box.right > frame.right - w.tally) area.scrollLeft += box.right - (frame.right - w.tally);
  }
}

/** The words for a cell, given when it is pointed at or focused rather than carried by every cell. */
function describeCell(cell: HTMLTableCellElement, row: number, col: number): void {
  if (!grid) return;
  const r = grid.rows[row];
  const c = col === TALLY ? undefined : grid.columns[col];
  if (!r) return;
  const words = c ? cellTitle(r, c, row) : `${r.label} tally: ${tallyText(r)}${statedAgrees(r) === undefined ? '' : `, ${statedText(r)}`}`;
  cell.title = words;
  if (cell.tabIndex === 0) cell.setAttribute('aria-label', words);
}

/** After a redraw: the active cell again, or the first visible one when the filters took it away. */
function keepActiveVisible(focus: boolean): void {
  const rows = visibleRows();
  const cols = columnsInOrder();
  const row = rows.includes(active.row) ? active.row : (rows[0] ?? 0);
  const col = cols.includes(active.col) ? active.col : (cols[0] ?? TALLY);
  const cell = cellAt(row, col);
  active = { row, col };
  if (cell) {
    cell.tabIndex = 0;
    describeCell(cell, row, col);
    if (focus) cell.focus({ preventScroll: true });
  }
}

function move(e: KeyboardEvent): boolean {
  const rows = visibleRows();
  const cols = columnsInOrder();
  if (rows.length === 0 || cols.length === 0) return false;
  const r = Math.max(0, rows.indexOf(active.row));
  const c = Math.max(0, cols.indexOf(active.col));
  const to = (ri: number, ci: number) => activate(rows[Math.min(Math.max(ri, 0), rows.length - 1)]!, cols[Math.min(Math.max(ci, 0), cols.length - 1)]!, true);
  switch (e.key) {
    case 'ArrowUp':
      to(r - 1, c);
      return true;
    case 'ArrowDown':
      to(r + 1, c);
      return true;
    case 'ArrowLeft':
      to(r, c - 1);
      return true;
    case 'ArrowRight':
      to(r, c + 1);
      return true;
    case 'PageUp':
      to(r - 10, c);
      return true;
    case 'PageDown':
      to(r + 10, c);
      return true;
    case 'Home':
      to(e.ctrlKey ? 0 : r, 0);
      return true;
    case 'End':
      to(e.ctrlKey ? rows.length - 1 : r, cols.length - 1);
      return true;
  }
  return false;
}

const keyValues: Record<string, JudgementWord | null> = { s: 'sufficient', n: 'not-sufficient', a: 'not-applicable', Delete: null, Backspace: null };

function setActive(value: JudgementWord | null): void {
  if (!grid || active.col === TALLY) return;
  const column = grid.columns[active.col];
  const row = grid.rows[active.row];
  if (!column || !row) return;
  const state = cellState(column, active.row);
  if (!cellLooks[state].editable) {
    say(`${column.label}, ${row.label}: ${cellLooks[state].words}. Nothing to change here.`);
    return;
  }
  // Until the case file has changed and the server's grid comes back (or the extension says why not).
  cellAt(active.row, active.col)?.classList.add('pending');
  post({ type: 'set', inspection, case: column.uri, question: row.question, value });
}

function openActive(): void {
  const column = active.col === TALLY ? undefined : grid?.columns[active.col];
  const row = grid?.rows[active.row];
  if (column && row) post({ type: 'open', inspection, case: column.uri, question: row.question });
}

// ------------------------------------------------------------------------------------------------ updates

function sameShape(a: WireGrid, b: WireGrid): boolean {
  return (
    a.rows.length === b.rows.length &&
    a.columns.length === b.columns.length &&
    a.rows.every((r, i) => r.question === b.rows[i]!.question) &&
    a.columns.every((c, j) => c.uri === b.columns[j]!.uri)
  );
}

function sameFilters(previous: GridView | undefined, g: WireGrid): boolean {
  if (!previous) return false;
  const { shown, hiddenRows } = filtered(g);
  return (
    shown.length === previous.shown.length &&
    shown.every((j, k) => j === previous.shown[k]) &&
    hiddenRows.size === previous.hiddenRows.size &&
    [...hiddenRows].every((i) => previous.hiddenRows.has(i))
  );
}

/** A new grid (or the unsaved marks changed): the cells drawn that changed, or the table drawn again. */
function show(next: WireGrid, nextUnsaved: Set<string>): void {
  const previous = grid;
  grid = next;
  const unsavedBefore = unsaved;
  unsaved = nextUnsaved;
  refreshInspectors();
  if (!previous || !view || !table() || !sameShape(previous, next) || !sameFilters(view, next)) {
    draw();
    return;
  }
  // The same questions, cases and filters: only what changed is touched, so a key press in a grid of a thousand cases
  // costs the cells of one column, and the focus and the scroll position stay.
  const head = table()!.tHead!.rows[0]!;
  for (const j of view.shown.slice(view.from, view.to)) {
    const c = next.columns[j]!;
    const old = previous.columns[j]!;
    if (old === c && unsavedBefore.has(c.uri) === unsaved.has(c.uri)) continue;
    const th = head.querySelector<HTMLTableCellElement>(`th[data-col="${j}"]`);
    if (th) {
      if (th.textContent !== c.label) th.textContent = c.label;
      th.title = columnTitle(c, unsaved.has(c.uri));
      th.classList.toggle('unsaved', unsaved.has(c.uri));
    }
    if (old.cells === c.cells && JSON.stringify(old.reasons) === JSON.stringify(c.reasons)) continue;
    for (let i = 0; i < next.rows.length; i++) {
      const td = cellAt(i, j);
      if (!td) continue;
      const state = cellState(c, i);
      const className = cellClass(state);
      if (td.className !== className) td.className = className;
      if (td.textContent !== cellLooks[state].text) td.textContent = cellLooks[state].text;
      if (td.title) describeCell(td, i, j);
    }
  }
  next.rows.forEach((r, i) => {
    const td = cellAt(i, TALLY);
    if (!td) return;
    const agrees = statedAgrees(r);
    const wanted = `${tallyText(r)}${agrees === undefined ? '' : ` ${agrees ? '✓' : '≠'}`}`;
    if (td.textContent !== wanted) {
      td.textContent = tallyText(r);
      if (agrees !== undefined) {
        const mark = document.createElement('span');
        mark.className = `stated ${agrees ? 'agrees' : 'differs'}`;
        mark.textContent = agrees ? '✓' : '≠';
        td.append(' ', mark);
      }
    }
    td.title = statedText(r);
  });
  const cell = cellAt(active.row, active.col);
  if (cell) describeCell(cell, active.row, active.col);
}

function clearPending(): void {
  for (const cell of table()?.querySelectorAll('.pending') ?? []) cell.classList.remove('pending');
}

function refreshInspectors(): void {
  if (!grid) return;
  const names = [...new Set(grid.columns.map((c) => c.inspector).filter((i): i is string => i !== undefined))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  const current = [...inspectorFilter.options].slice(1).map((o) => o.value);
  if (current.length !== names.length || current.some((n, i) => n !== names[i])) {
    const chosen = inspectorFilter.value;
    inspectorFilter.replaceChildren(new Option('All', ''), ...names.map((n) => new Option(n, n)));
    inspectorFilter.value = names.includes(chosen) ? chosen : '';
  }
  saveButton.hidden = unsaved.size === 0;
  saveButton.textContent = `Save ${unsaved.size} unsaved`;
}

window.addEventListener('message', (event: MessageEvent<ToGrid>) => {
  const m = event.data;
  if (!m || typeof m !== 'object') return;
  switch (m.type) {
    case 'grid': {
      // The first grid after a (re)load carries the page's own number: the data behind the table it shows.
      if (typeof m.seq !== 'number' || !m.grid || m.seq < seq || (m.seq === seq && grid !== undefined)) return;
      // A delta against a grid this page does not hold: ask for the whole of it (the extension sends it for 'ready').
      if (m.grid.delta && m.grid.delta.since !== grid?.revision) {
        grid = undefined;
        post({ type: 'ready', seq: 0 });
        return;
      }
      seq = m.seq;
      clearPending();
      show(grid && m.grid.delta ? withDelta(grid, m.grid) : m.grid, new Set(m.unsaved));
      break;
    }
    case 'unsaved':
      if (grid && Array.isArray(m.unsaved)) show(grid, new Set(m.unsaved));
      break;
    case 'notice':
      if (typeof m.text === 'string') {
        clearPending();
        say(m.text);
      }
      break;
  }
});

// ------------------------------------------------------------------------------------------------ input

area.addEventListener('keydown', (e) => {
  if (!(e.target instanceof HTMLTableCellElement)) return;
  if (move(e)) {
    e.preventDefault();
    return;
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (key in keyValues) {
    e.preventDefault();
    setActive(keyValues[key]!);
  } else if (key === 'Enter') {
    e.preventDefault();
    openActive();
  }
});

/** The row and case (or TALLY) of a cell of the table's body. */
function whereIs(cell: HTMLTableCellElement): { row: number; col: number } | undefined {
  const row = Number((cell.parentElement as HTMLTableRowElement | null)?.dataset.row);
  const c = cell.dataset.c;
  if (!Number.isInteger(row) || c === undefined) return undefined;
  return { row, col: c === 'tally' ? TALLY : Number(c) };
}

area.addEventListener('click', (e) => {
  const target = e.target instanceof Element ? e.target : null;
  const cell = target?.closest<HTMLTableCellElement>('td, th');
  if (!cell || !grid) return;
  if (cell.matches('thead th.case')) {
    const column = grid.columns[Number(cell.dataset.col)];
    if (column) post({ type: 'open', inspection, case: column.uri });
    return;
  }
  const at = cell.tagName === 'TD' ? whereIs(cell) : undefined;
  if (!at) return;
  activate(at.row, at.col, true);
  if (at.col !== TALLY) openActive();
});

area.addEventListener('mouseover', (e) => {
  const cell = e.target instanceof Element ? e.target.closest<HTMLTableCellElement>('tbody td[data-c]') : null;
  const at = cell && !cell.title ? whereIs(cell) : undefined;
  if (cell && at) describeCell(cell, at.row, at.col);
});

let scrolling = 0;
area.addEventListener(
  'scroll',
  () => {
    if (scrolling) return;
    scrolling = requestAnimationFrame(() => {
      scrolling = 0;
      drawIfNeeded();
    });
  },
  { passive: true },
);
window.addEventListener('resize', () => drawIfNeeded());

const refilter = () => {
  draw();
  saveState();
};
inspectorFilter.addEventListener('change', refilter);
unjudgedFilter.addEventListener('change', refilter);
saveButton.addEventListener('click', () => post({ type: 'save', inspection }));

// ------------------------------------------------------------------------------------------------ start

activate(0, 0, false);
post({ type: 'ready', seq });
