import morphdom from 'morphdom';
import type { FromWebview, PreviewState, ReportFormatId, RevealOn, ToWebview } from '../messages';
import { anchorOf, paragraphSelector, restoreAnchor, type ScrollAnchor } from './scroll';

// The report preview's own script, bundled for the browser (media/out/preview.js) and loaded with the page's
// nonce. It only presents: it morphs the report body in place when a new render arrives (keeping the reader's
// place), shows which paragraphs the cursor feeds, and tells the extension what was clicked. It decides
// nothing about the report and holds no data beyond what is on the page.

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const body = document.body;
const report = document.getElementById('sqs-report')!;
const title = document.getElementById('sqs-title')!;
const lockButton = document.querySelector<HTMLButtonElement>('button[data-action="toggleLock"]')!;
const status = document.getElementById('sqs-status')!;
// Scrolling to a highlighted paragraph glides, unless the reader asked their system for less motion.
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

let seq = Number(body.dataset.seq ?? 0);
let inspection = body.dataset.inspection ?? '';
let locked = body.dataset.locked === 'true';
let revealOn: RevealOn = body.dataset.revealOn === 'doubleClick' ? 'doubleClick' : 'click';
let highlighted: string[] = [];

const post = (m: FromWebview) => vscode.postMessage(m);

function saveState(): void {
  const top = anchorOf(report);
  vscode.setState(top ? { inspection, locked, topParagraph: top.id } : { inspection, locked });
}

// ------------------------------------------------------------------------------------------------ updates

function render(m: Extract<ToWebview, { type: 'render' }>): void {
  if (m.seq <= seq) return; // overtaken: a newer render is already on the page
  seq = m.seq;
  const sameReport = m.inspection === inspection;
  inspection = m.inspection;
  revealOn = m.revealOn;
  if (typeof m.language === 'string' && report.lang !== m.language) report.lang = m.language;
  setTitle(m.title);
  setLocked(m.locked);
  const anchor: ScrollAnchor | undefined = sameReport ? anchorOf(report) : undefined;
  // Parsed in a <template>: inert, so nothing in it runs or loads while it is compared with the page.
  const template = document.createElement('template');
  template.innerHTML = m.html;
  focusable(template.content);
  const next = report.cloneNode(false) as HTMLElement;
  next.appendChild(template.content);
  morphdom(report, next, {
    childrenOnly: true,
    // Unchanged paragraphs keep their DOM nodes (and the selection and focus in them); the highlight is put back below.
    onBeforeElUpdated: (from, to) => !from.isEqualNode(to),
  });
  applyHighlight(false);
  if (anchor) restoreAnchor(report, anchor);
  else window.scrollTo(0, 0);
  saveState();
  announce(sameReport ? 'The report was updated.' : `Now showing ${m.title}.`);
}

let announcing: ReturnType<typeof setTimeout> | undefined;

/**
 * Tells a screen reader that the report changed, once the renders of a burst of typing have settled: a render
 * every 250 ms read out each time would drown what the inspector is typing.
 */
function announce(message: string): void {
  clearTimeout(announcing);
  announcing = setTimeout(() => {
    status.textContent = '';
    requestAnimationFrame(() => (status.textContent = message));
  }, 1000);
}

/** Paragraphs take the keyboard focus (Tab), and Enter opens their sources as a click does. */
function focusable(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>(paragraphSelector)) el.tabIndex = 0;
}

function setTitle(text: string): void {
  if (title.textContent !== text) title.textContent = text;
  document.title = text;
}

function setLocked(value: boolean): void {
  locked = value;
  lockButton.setAttribute('aria-pressed', String(value));
  lockButton.textContent = value ? 'Locked' : 'Follows editor';
}

function paragraphElement(id: string): HTMLElement | null {
  const el = document.getElementById(id);
  return el && report.contains(el) && el.matches(paragraphSelector) ? el : null;
}

function applyHighlight(scroll: boolean): void {
  for (const el of report.querySelectorAll('.highlighted')) el.classList.remove('highlighted');
  const els = highlighted.map(paragraphElement).filter((e): e is HTMLElement => e !== null);
  for (const el of els) el.classList.add('highlighted');
  const first = els[0];
  if (scroll && first && !isVisible(first)) first.scrollIntoView({ block: 'center', behavior: reducedMotion.matches ? 'auto' : 'smooth' });
}

function isVisible(el: HTMLElement): boolean {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight;
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const m = event.data;
  if (!m || typeof m !== 'object') return;
  switch (m.type) {
    case 'render':
      if (typeof m.html === 'string' && typeof m.seq === 'number') render(m);
      break;
    case 'highlight':
      if (Array.isArray(m.paragraphs)) {
        highlighted = m.paragraphs.filter((p) => typeof p === 'string');
        applyHighlight(m.scroll === true);
      }
      break;
  }
});

// ------------------------------------------------------------------------------------------------ input

/**
 * What a click on an element asks to open, in the renderer's terms: the notes before the report, a paragraph's
 * mark, or the sentence (failing that, the paragraph) under it. Paragraphs carry their id, sentences
 * `data-sentence="<paragraph id>:<index>"`.
 */
function sourceTarget(el: Element): FromWebview | undefined {
  if (!report.contains(el)) return undefined;
  if (el.closest('aside.notes')) return { type: 'revealNotes', inspection };
  const paragraph = el.closest<HTMLElement>(paragraphSelector);
  if (!paragraph?.id || !report.contains(paragraph)) return undefined;
  if (el.closest('.mark')) return { type: 'revealMark', inspection, paragraph: paragraph.id };
  const key = el.closest<HTMLElement>('[data-sentence]')?.dataset.sentence;
  const prefix = `${paragraph.id}:`;
  const index = key?.startsWith(prefix) ? Number(key.slice(prefix.length)) : NaN;
  return Number.isInteger(index) && index >= 0
    ? { type: 'reveal', inspection, paragraph: paragraph.id, sentence: index }
    : { type: 'reveal', inspection, paragraph: paragraph.id };
}

document.addEventListener('click', (e) => {
  const target = e.target instanceof Element ? e.target : null;
  if (!target) return;
  const action = target.closest<HTMLElement>('[data-action]');
  if (action) {
    if (action.dataset.action === 'toggleLock') post({ type: 'toggleLock' });
    if (action.dataset.action === 'exportData') post({ type: 'exportData', inspection });
    const format = action.dataset.format;
    // The buttons name the formats; the extension checks the name against its list, as it checks every message.
    if (action.dataset.action === 'export' && format) post({ type: 'export', inspection, format: format as ReportFormatId });
    return;
  }
  // A click that ends a text selection is for copying, not for jumping to the source.
  if (revealOn !== 'click' || e.detail > 1 || !window.getSelection()?.isCollapsed) return;
  const m = sourceTarget(target);
  if (m) post(m);
});

document.addEventListener('dblclick', (e) => {
  if (revealOn !== 'doubleClick' || !(e.target instanceof Element)) return;
  const m = sourceTarget(e.target);
  if (m) post(m);
});

document.addEventListener('keydown', (e) => {
  if ((e.key !== 'Enter' && e.key !== ' ') || !(e.target instanceof HTMLElement) || !e.target.matches(paragraphSelector)) return;
  e.preventDefault(); // Space would scroll
  const m = sourceTarget(e.target);
  if (m) post(m);
});

let scrollFrame = 0;
window.addEventListener(
  'scroll',
  () => {
    if (scrollFrame) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      saveState();
    });
  },
  { passive: true },
);

// ------------------------------------------------------------------------------------------------ start

{
  focusable(report);
  // After a window reload the serializer restores the panel, and the webview its own state: back to the place.
  const saved = vscode.getState() as Partial<PreviewState> | undefined;
  const top = saved?.inspection === inspection && typeof saved.topParagraph === 'string' ? paragraphElement(saved.topParagraph) : null;
  top?.scrollIntoView({ block: 'start' });
  saveState();
  post({ type: 'ready', seq });
}
