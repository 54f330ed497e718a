// Waiting without fixed sleeps: polling a condition with a deadline (diagnostics.ts waits on VS Code's events).

export interface PollOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** What is awaited, for the timeout message. */
  what: string;
}

/** Resolves with the first truthy value of `check`, or rejects after the deadline. */
export async function poll<T>(check: () => T | Promise<T>, { timeoutMs = 20_000, intervalMs = 50, what }: PollOptions): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
