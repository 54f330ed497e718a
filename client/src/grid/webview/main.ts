import type { JudgementWord, WireGrid } from '../../../../server/src/protocol';
import type { FromGrid, GridState, ToGrid } from '../messages';
import { cellClass, cellLooks, cellState, cellTitle, columnTitle, gridTable, statedAgrees, statedText, stateOfLetter, tallyText } from '../table';

// The judgement grid's own script, bundled for the browser (media/out/grid.js) and loaded with the page's nonce.
// It presents the grid the extension sends and turns key presses into requests; it writes no file itself: a
// judgement set here is a message to the extension, which asks the language server for the edit and applies it to
// the case file, and the grid shows the result when the server's grid comes back. Keyboard: the ARIA grid
// pattern (one cell in the tab order, arrow keys move the focus).

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

let seq = Number(body.dataset.seq ?? 0);
const inspection = body.dataset.inspection ?? '';
let grid: WireGrid | undefined;
let unsaved = new Set<string>();
/** The cell in the tab order, by row and column index of the grid's data (the tally is column `columns.length`). */
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

// ------------------------------------------------------------------------------------------------ cells

function cellAt(row: number, col: number): HTMLTableCellElement | undefined {
  const tr = table()?.tBodies[0]?.rows[row];
  return tr?.cells[col + 1];
}

function isTally(col: number): boolean {
  return grid !== undefined && col === grid.columns.length;
}

function visibleRows(): number[] {
  const rows = table()?.tBodies[0]?.rows;
  return rows ? [...rows].map((tr, i) => (tr.hidden ? -1 : i)).filter((i) => i >= 0) : [];
}

function visibleCols(): number[] {
  const head = table()?.tHead?.rows[0];
  if (!head || !grid) return [];
  const cols = grid.columns.map((_, j) => (head.cells[j + 1]?.hidden ? -1 : j)).filter((j) => j >= 0);
  return [...cols, grid.columns.length];
}

/** Puts one cell in the tab order, and the focus on it when `focus`. */
function activate(row: number, col: number, focus: boolean): void {
  const previous = cellAt(active.row, active.col);
  if (previous) {
    previous.tabIndex = -1;
    previous.removeAttribute('aria-label');
  }
  active = { row, col };
  const cell = cellAt(row, col);
  if (!cell) return;
  cell.tabIndex = 0;
  describeCell(cell, row, col);
  if (focus) {
    cell.focus({ preventScroll: true });
    cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
}

/** The words for a cell, given when it is pointed at or focused rather than carried by every cell of a large grid. */
function describeCell(cell: HTMLTableCellElement, row: number, col: number): void {
  if (!grid) return;
  const r = grid.rows[row];
  const c = grid.columns[col];
  if (!r) return;
  const words = c ? cellTitle(r, c, row) : `${r.label} tally: ${tallyText(r)}${statedAgrees(r) === undefined ? '' : `, ${statedText(r)}`}`;
  cell.title = words;
  if (cell.tabIndex === 0) cell.setAttribute('aria-label', words);
}

/** The first visible cell when the active one was filtered out or the grid changed shape. */
function keepActiveVisible(): void {
  const rows = visibleRows();
  const cols = visibleCols();
  const row = rows.includes(active.row) ? active.row : (rows[0] ?? 0);
  const col = cols.includes(active.col) ? active.col : (cols[0] ?? 0);
  activate(row, col, document.activeElement instanceof HTMLTableCellElement);
}

function move(e: KeyboardEvent): boolean {
  const rows = visibleRows();
  const cols = visibleCols();
  const r = Math.max(0, rows.indexOf(active.row));
  const c = Math.max(0, cols.indexOf(active.col));
  const to = (ri: number, ci: number) => activate(rows[Math.min(Math.max(ri, 0), rows.length - 1)]!, cols[Math.min(Math.max(ci, 0), cols.length - 1)]!, true);
  if (rows.length === 0 || cols.length === 0) return false;
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
  if (!grid || isTally(active.col)) return;
  const column = grid.columns[active.col];
  const row = grid.rows[active.row];
  if (!column || !row) return;
  const state = cellState(column, active.row);
  if (!cellLooks[state].editable) {
    say(`${column.label}, ${row.label}: ${cellLooks[state].words}. Nothing to change here.`);
    return;
  }
  const cell = cellAt(active.row, active.col);
  // Until the case file has changed and the server's grid comes back (or the extension says why not).
  cell?.classList.add('pending');
  post({ type: 'set', inspection, case: column.uri, question: row.question, value });
}

function openActive(): void {
  const column = grid?.columns[active.col];
  const row = grid?.rows[active.row];
  if (column && row) post({ type: 'open', inspection, case: column.uri, question: row.question });
}

// ------------------------------------------------------------------------------------------------ filters

function applyFilters(): void {
  const t = table();
  if (!t || !grid) return;
  const who = inspectorFilter.value;
  const onlyUnjudged = unjudgedFilter.checked;
  const unjudged = Object.keys(stateOfLetter).find((letter) => stateOfLetter[letter] === 'unjudged')!;
  const showCol = grid.columns.map((c) => (who === '' || c.inspector === who) && (!onlyUnjudged || c.cells.includes(unjudged)));
  const showRow = grid.rows.map((_, i) => !onlyUnjudged || grid!.columns.some((c, j) => showCol[j] && c.cells[i] === unjudged));
  const head = t.tHead?.rows[0];
  grid.columns.forEach((_, j) => {
    const th = head?.cells[j + 1];
    if (th) th.hidden = !showCol[j];
  });
  [...(t.tBodies[0]?.rows ?? [])].forEach((tr, i) => {
    tr.hidden = !showRow[i];
    grid!.columns.forEach((_, j) => {
      const td = tr.cells[j + 1];
      if (td) td.hidden = !showCol[j];
    });
  });
  keepActiveVisible();
  saveState();
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

function show(next: WireGrid, nextUnsaved: Set<string>): void {
  const previous = grid;
  const t = table();
  grid = next;
  if (!previous || !t || !sameShape(previous, next)) {
    // Rows or cases came or went: the table is built again, the focus kept on the same case and question.
    const at = previous && { question: previous.rows[active.row]?.question, uri: previous.columns[active.col]?.uri };
    const hadFocus = document.activeElement instanceof HTMLTableCellElement;
    const template = document.createElement('template');
    template.innerHTML = gridTable(next, nextUnsaved);
    area.replaceChildren(template.content);
    unsaved = nextUnsaved;
    refreshInspectors();
    const row = at ? next.rows.findIndex((r) => r.question === at.question) : -1;
    const col = at ? next.columns.findIndex((c) => c.uri === at.uri) : -1;
    active = { row: Math.max(row, 0), col: Math.max(col, 0) };
    applyFilters();
    activate(active.row, active.col, hadFocus);
    return;
  }
  // The same rows and cases: only what changed is touched, so a key press in a grid of a thousand cases costs the
  // cells of one column, and the focus and scroll position stay.
  const head = t.tHead!.rows[0]!;
  next.columns.forEach((c, j) => {
    const old = previous.columns[j]!;
    const th = head.cells[j + 1]!;
    if (old.label !== c.label) th.textContent = c.label;
    if (old.label !== c.label || old.inspector !== c.inspector || old.sentence !== c.sentence || unsaved.has(c.uri) !== nextUnsaved.has(c.uri)) {
      th.title = columnTitle(c, nextUnsaved.has(c.uri));
      th.dataset.inspector = c.inspector ?? '';
      th.classList.toggle('unsaved', nextUnsaved.has(c.uri));
    }
    if (old.cells === c.cells && JSON.stringify(old.reasons) === JSON.stringify(c.reasons)) return;
    for (let i = 0; i < next.rows.length; i++) {
      const td = cellAt(i, j);
      if (!td) continue;
      const state = cellState(c, i);
      const className = cellClass(state);
      if (td.className !== className) td.className = className;
      if (td.textContent !== cellLooks[state].text) td.textContent = cellLooks[state].text;
      if (td.title) describeCell(td, i, j);
    }
  });
  next.rows.forEach((r, i) => {
    const td = cellAt(i, next.columns.length);
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
  unsaved = nextUnsaved;
  refreshInspectors();
  applyFilters();
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
    case 'grid':
      // The first grid after a (re)load carries the page's own number: the data behind the table it shows.
      if (typeof m.seq !== 'number' || !m.grid || m.seq < seq || (m.seq === seq && grid !== undefined)) return;
      seq = m.seq;
      clearPending();
      show(m.grid, new Set(m.unsaved));
      break;
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

area.addEventListener('click', (e) => {
  const target = e.target instanceof Element ? e.target : null;
  const cell = target?.closest<HTMLTableCellElement>('td, th');
  const tr = cell?.parentElement as HTMLTableRowElement | null;
  if (!cell || !tr || !grid) return;
  if (cell.matches('thead th.case')) {
    const column = grid.columns[Number(cell.dataset.col)];
    if (column) post({ type: 'open', inspection, case: column.uri });
    return;
  }
  const row = Number(tr.dataset.row);
  if (!(cell instanceof HTMLTableCellElement) || cell.tagName !== 'TD' || !Number.isInteger(row)) return;
  activate(row, cell.cellIndex - 1, true);
  if (!isTally(active.col)) openActive();
});

area.addEventListener('mouseover', (e) => {
  const cell = e.target instanceof Element ? e.target.closest<HTMLTableCellElement>('tbody td') : null;
  const tr = cell?.parentElement as HTMLTableRowElement | null;
  if (cell && tr && !cell.title) describeCell(cell, Number(tr.dataset.row), cell.cellIndex - 1);
});

inspectorFilter.addEventListener('change', applyFilters);
unjudgedFilter.addEventListener('change', applyFilters);
saveButton.addEventListener('click', () => post({ type: 'save', inspection }));

// ------------------------------------------------------------------------------------------------ start

activate(0, 0, false);
post({ type: 'ready', seq });
