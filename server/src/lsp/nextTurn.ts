// Long work (the workspace pull over thousands of files) yields between slices so that a cancellation or an edit
// is seen. setImmediate is Node's; a message through a MessageChannel is the same turn of the event loop in Node and
// in a browser's Web Worker alike, without setTimeout's clamping (1 ms in Node, 4 ms nested in browsers).

let channel: InstanceType<typeof MessageChannel> | undefined;
const waiting: (() => void)[] = [];

/** Resolves after the events already queued (messages, I/O) have run. */
export function nextTurn(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.addEventListener('message', () => waiting.shift()?.());
    channel.port1.start();
    // In Node an open port keeps the process alive; the server must still exit when its client goes.
    (channel.port1 as { unref?: () => void }).unref?.();
  }
  const turn = new Promise<void>((resolve) => waiting.push(resolve));
  channel.port2.postMessage(undefined);
  return turn;
}
