import type { ToWebview } from './messages';

// What the preview's web page holds, and how to bring it up to date. Pure (no VS Code), so the rules are tested
// as they are. The rule that matters: a webview without retainContextWhenHidden drops every message posted
// while its panel is hidden, and when shown again it is rebuilt from the HTML last set, not from what was
// posted. So while hidden, the page's HTML itself is rewritten with the latest state; while visible, the state is
// posted and morphed in place (the reader keeps their place).

export type RenderMessage = Extract<ToWebview, { type: 'render' }>;
/** Everything a render carries but its sequence number. */
export type PageContent = Omit<RenderMessage, 'type' | 'seq'>;

/** How to get a render to the page: post it to the live page, or (re)load the page with it. */
export type Delivery = { kind: 'post' | 'load'; message: RenderMessage };

export class PageSync {
  private seq = 0;
  private current: RenderMessage | undefined;

  /** The latest render: what the page shows, or will once it has caught up. */
  get latest(): RenderMessage | undefined {
    return this.current;
  }

  /**
   * New content for the page (a render, or the lock or title changed). Each change gets a new sequence number,
   * so a page rebuilt from older HTML can tell it is behind. Undefined when the page already has exactly this.
   */
  update(content: PageContent, visible: boolean): Delivery | undefined {
    const last = this.current;
    if (last && sameContent(last, content)) return undefined;
    // The new number last: content may be a render message spread back in (the lock changed), whose own
    // number the page already has.
    const message: RenderMessage = { ...content, type: 'render', seq: ++this.seq };
    this.current = message;
    // The first render builds the page; a hidden page would drop a post and come back from its HTML.
    return { kind: !last || !visible ? 'load' : 'post', message };
  }

  /** The page (re)loaded showing render `pageSeq`: the render to post if it is behind. */
  ready(pageSeq: number): RenderMessage | undefined {
    return this.current && pageSeq < this.current.seq ? this.current : undefined;
  }
}

function sameContent(a: RenderMessage, b: PageContent): boolean {
  return (
    a.html === b.html && a.inspection === b.inspection && a.title === b.title && a.locked === b.locked && a.revealOn === b.revealOn && a.language === b.language
  );
}
