import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RenderScheduler, type Clock, type Ticket } from '../../client/src/preview/schedule';

// The preview's render timing with a clock the test moves by hand: no sleeps, every instant chosen.

class FakeClock implements Clock {
  time = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  now(): number {
    return this.time;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { at: this.time + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  get pending(): number {
    return this.timers.size;
  }
  /** Moves time forward, firing due timers in order. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].fn();
      await settle();
    }
    this.time = end;
  }
}

/** Lets promise callbacks run (a render's completion). */
const settle = () => new Promise<void>((r) => setImmediate(r));

/** A render the test finishes by hand, recording when each started. */
function renders(clock: FakeClock) {
  const started: { at: number; ticket: Ticket; finish: () => void }[] = [];
  let active = 0;
  let maxActive = 0;
  const render = (ticket: Ticket) =>
    new Promise<void>((resolve) => {
      active++;
      maxActive = Math.max(maxActive, active);
      let done = false;
      started.push({
        at: clock.now(),
        ticket,
        finish: () => {
          if (done) return;
          done = true;
          active--;
          resolve();
        },
      });
    });
  return { render, started, maxActive: () => maxActive };
}

describe('render scheduling of the preview', () => {
  it('renders the first request at once', () => {
    const clock = new FakeClock();
    const r = renders(clock);
    const s = new RenderScheduler(r.render, 250, clock);
    s.request();
    assert.equal(r.started.length, 1);
    assert.equal(r.started[0]!.at, 0);
  });

  it('folds a burst of keystrokes into one render per interval, and renders the last one', async () => {
    const clock = new FakeClock();
    const r = renders(clock);
    const s = new RenderScheduler(r.render, 250, clock);
    s.request();
    r.started[0]!.finish();
    await settle();
    // Keystrokes every 40 ms for a second.
    for (let t = 40; t <= 1000; t += 40) {
      await clock.advance(40);
      s.request();
      const last = r.started[r.started.length - 1]!;
      last.finish();
      await settle();
    }
    const times = r.started.map((x) => x.at);
    // One render at 0, then one per 250 ms at most.
    for (let i = 1; i < times.length; i++) assert.ok(times[i]! - times[i - 1]! >= 250, `renders at ${times.join(', ')}`);
    assert.ok(times.length <= 5, `${times.length} renders for 25 keystrokes: ${times.join(', ')}`);
    // The keystroke at 1000 ms is rendered, 250 ms after the render before it at the latest.
    await clock.advance(250);
    assert.ok(r.started[r.started.length - 1]!.at >= 1000, `the last keystroke was not rendered: ${r.started.map((x) => x.at).join(', ')}`);
    assert.equal(s.busy, true); // that render has not finished
    r.started[r.started.length - 1]!.finish();
    await settle();
    assert.equal(s.busy, false);
    assert.equal(clock.pending, 0);
  });

  it('never runs two renders at once: a change during a render is rendered after it', async () => {
    const clock = new FakeClock();
    const r = renders(clock);
    const s = new RenderScheduler(r.render, 100, clock);
    s.request();
    await clock.advance(500); // the server is slow
    s.request();
    s.request();
    await clock.advance(500);
    assert.equal(r.started.length, 1, 'a second render started while the first ran');
    r.started[0]!.finish();
    await settle();
    assert.equal(r.started.length, 2, 'the change made during the render was not rendered');
    assert.equal(r.started[1]!.at, 1000);
    assert.equal(r.maxActive(), 1);
  });

  it('drops the result of a render overtaken by a switch to another inspection, and starts the new one without waiting', async () => {
    const clock = new FakeClock();
    const r = renders(clock);
    const s = new RenderScheduler(r.render, 250, clock);
    s.request();
    const first = r.started[0]!;
    await clock.advance(10);
    s.restart();
    assert.equal(s.isCurrent(first.ticket), false, 'the overtaken render would still be shown');
    first.finish();
    await settle();
    assert.equal(r.started.length, 2);
    const second = r.started[1]!;
    assert.equal(second.at, 10, 'the new inspection waited out the throttle');
    assert.equal(s.isCurrent(second.ticket), true);
  });

  it('only the newest render is current', async () => {
    const clock = new FakeClock();
    const r = renders(clock);
    const s = new RenderScheduler(r.render, 100, clock);
    s.request();
    r.started[0]!.finish();
    await settle();
    await clock.advance(100);
    s.request();
    assert.equal(s.isCurrent(r.started[0]!.ticket), false);
    assert.equal(s.isCurrent(r.started[1]!.ticket), true);
  });

  it('renders nothing more once disposed, and a render under way is no longer current', async () => {
    const clock = new FakeClock();
    const r = renders(clock);
    const s = new RenderScheduler(r.render, 100, clock);
    s.request();
    await clock.advance(50);
    s.request(); // due after the render
    s.dispose();
    assert.equal(s.isCurrent(r.started[0]!.ticket), false);
    r.started[0]!.finish();
    await settle();
    await clock.advance(1000);
    s.request();
    assert.equal(r.started.length, 1);
    assert.equal(clock.pending, 0);
  });

  it('a failed render is reported and does not stop later renders', async () => {
    const clock = new FakeClock();
    const errors: unknown[] = [];
    let calls = 0;
    const s = new RenderScheduler(
      async () => {
        calls++;
        if (calls === 1) throw new Error('server restarting');
      },
      100,
      clock,
      (e) => errors.push(e),
    );
    s.request();
    await settle();
    await clock.advance(100);
    s.request();
    await settle();
    assert.equal(calls, 2);
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /server restarting/);
  });
});
