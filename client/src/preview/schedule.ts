// When the preview renders, as pure logic (no VS Code) so it can be tested with a fake clock.
//
// Like VS Code's Markdown preview: the first render happens at once, later ones at most once per `delayMs`
// however fast the inspector types, and the last change is always rendered. One render runs at a time; a
// change during a render is rendered after it. A render that was overtaken (the panel switched inspection,
// or was disposed) finds out through `isCurrent` and must not show its result.

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** A render's ticket: compare with `isCurrent` before showing what it produced. */
export type Ticket = number;

export class RenderScheduler {
  private issued = 0;
  private running = false;
  private dirty = false;
  private timer: unknown;
  private lastStart = Number.NEGATIVE_INFINITY;
  private disposed = false;

  constructor(
    private readonly render: (ticket: Ticket) => Promise<void>,
    private readonly delayMs: number,
    private readonly clock: Clock = systemClock,
    private readonly onError: (e: unknown) => void = () => undefined,
  ) {}

  /** Something changed: render soon (now, if nothing rendered within the last `delayMs`). */
  request(): void {
    if (this.disposed) return;
    this.dirty = true;
    this.schedule();
  }

  /**
   * What the panel shows changed altogether (another inspection): results of renders under way are stale,
   * and the new render starts at once rather than waiting out the throttle.
   */
  restart(): void {
    if (this.disposed) return;
    this.issued++;
    this.cancelTimer();
    this.lastStart = Number.NEGATIVE_INFINITY;
    this.dirty = true;
    // A render still running finishes (its result is dropped) and then starts the new one.
    if (!this.running) this.start();
  }

  /** True while `ticket` is the newest render and the scheduler is alive. */
  isCurrent(ticket: Ticket): boolean {
    return !this.disposed && ticket === this.issued;
  }

  /** True when a render is running or due: nothing shown is final yet. */
  get busy(): boolean {
    return this.running || this.dirty;
  }

  dispose(): void {
    this.disposed = true;
    this.issued++;
    this.cancelTimer();
  }

  private schedule(): void {
    if (this.running || this.timer !== undefined || !this.dirty) return;
    const wait = this.lastStart + this.delayMs - this.clock.now();
    if (wait <= 0) {
      this.start();
      return;
    }
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.schedule();
    }, wait);
  }

  private start(): void {
    this.dirty = false;
    this.running = true;
    this.lastStart = this.clock.now();
    const ticket = ++this.issued;
    let done: Promise<void>;
    try {
      done = this.render(ticket);
    } catch (e) {
      done = Promise.reject(e);
    }
    done
      .catch((e: unknown) => this.onError(e))
      .finally(() => {
        this.running = false;
        if (!this.disposed) this.schedule();
      });
  }

  private cancelTimer(): void {
    if (this.timer === undefined) return;
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
