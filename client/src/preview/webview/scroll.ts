// Keeping the reader's place while the report changes above it: before an update, note the first paragraph
// at the top of the view and how far it sits from the top; after, scroll so it sits there again.

/** The report's paragraphs as the HTML renderer writes them: numbered or plain paragraphs and list items, by id. */
export const paragraphSelector = 'p[id], li[id]';

export interface ScrollAnchor {
  id: string;
  /** Distance of the paragraph's top from the top of the view, in CSS pixels. */
  offset: number;
}

export function anchorOf(root: HTMLElement): ScrollAnchor | undefined {
  for (const el of root.querySelectorAll<HTMLElement>(paragraphSelector)) {
    const r = el.getBoundingClientRect();
    if (r.bottom > 0) return { id: el.id, offset: r.top };
  }
  return undefined;
}

export function restoreAnchor(root: HTMLElement, anchor: ScrollAnchor): void {
  const el = root.querySelector<HTMLElement>(`#${CSS.escape(anchor.id)}`);
  if (!el) return;
  const drift = el.getBoundingClientRect().top - anchor.offset;
  if (Math.abs(drift) >= 1) window.scrollBy(0, drift);
}
