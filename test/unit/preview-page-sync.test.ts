import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PageSync, type PageContent } from '../../client/src/preview/pageSync';

// The preview page kept current across hiding: a hidden webview drops posted messages and is rebuilt from its
// HTML when shown, so what it must show has to be in that HTML, or be sent again when the page says it is behind.

const content = (over: Partial<PageContent> = {}): PageContent => ({
  inspection: 'file:///ws/liverpool/inspection.sqs.yaml',
  title: 'Report: Liverpool',
  locked: false,
  revealOn: 'click',
  language: 'en',
  html: '<p>first</p>',
  ...over,
});

describe('the preview page kept current (pageSync)', () => {
  it('builds the page with the first render and posts later ones while it is visible', () => {
    const sync = new PageSync();
    assert.equal(sync.update(content(), true)?.kind, 'load');
    const next = sync.update(content({ html: '<p>second</p>' }), true);
    assert.equal(next?.kind, 'post');
    assert.equal(next?.message.seq, 2);
  });

  it('sends nothing when the page already has exactly this', () => {
    const sync = new PageSync();
    sync.update(content(), true);
    assert.equal(sync.update(content(), true), undefined);
    assert.equal(sync.update(content(), false), undefined);
    // The report's language is part of what the page shows (its lang attribute).
    assert.equal(sync.update(content({ language: 'cy' }), true)?.kind, 'post');
  });

  it('rewrites the HTML of a hidden page rather than post to it, so it comes back with the latest render', () => {
    const sync = new PageSync();
    sync.update(content(), true);
    const hidden = sync.update(content({ html: '<p>while hidden</p>' }), false);
    assert.equal(hidden?.kind, 'load');
    assert.equal(hidden?.message.html, '<p>while hidden</p>');
  });

  it('a lock changed while hidden is in the HTML the page comes back from, with a newer number', () => {
    const sync = new PageSync();
    sync.update(content(), true);
    const locked = sync.update(content({ locked: true, title: '[Report] Liverpool' }), false);
    assert.deepEqual(locked, { kind: 'load', message: { type: 'render', seq: 2, ...content({ locked: true, title: '[Report] Liverpool' }) } });
  });

  it('a lock changed while visible is posted as a render of its own, so a page rebuilt from older HTML is caught up', () => {
    const sync = new PageSync();
    sync.update(content(), true);
    const locked = sync.update(content({ locked: true }), true);
    assert.equal(locked?.kind, 'post');
    // The page is rebuilt from the first render's HTML (seq 1) and says so: it gets the locked render.
    assert.deepEqual(sync.ready(1), locked?.message);
    assert.equal(sync.ready(1)?.locked, true);
  });

  it('a lock set from the latest render (as the panel does) gets a number of its own, which the page takes', () => {
    const sync = new PageSync();
    sync.update(content(), true);
    const locked = sync.update({ ...sync.latest!, locked: true }, true);
    assert.equal(locked?.message.seq, 2, 'newer than the page’s render 1, so the page does not drop it as stale');
    assert.equal(locked?.message.locked, true);
  });

  it('a page that reports the latest render is sent nothing', () => {
    const sync = new PageSync();
    assert.equal(sync.ready(0), undefined, 'nothing rendered yet');
    sync.update(content(), true);
    sync.update(content({ html: '<p>second</p>' }), true);
    assert.equal(sync.ready(2), undefined);
    assert.equal(sync.ready(1)?.html, '<p>second</p>');
  });
});
