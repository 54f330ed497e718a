// Long work (the workspace pull over thousands of files) yields between slices so that a cancellation or an edit
// is seen. setImmediate is Node's; a message through a MessageChannel is the same turn of the event loop in Node and
// in a browser's Web Worker alike, without setTimeout's clamping (1 ms in Node, 4 ms nested in browsers).

/** Node's MessagePort can say whether it keeps the process alive; a browser's cannot, and need not. */
type Port = InstanceType<typeof MessageChannel>['port1'] & { ref?: () => void; unref?: () => void };

let port: Port | undefined;
let sender: Port | undefined;
const waiting: (() => void)[] = [];

/** Resolves after the events already queued (messages, I/O) have run. */
export function nextTurn(): Promise<void> {
  if (!port || !sender) {
    const channel = new MessageChannel();
    port = channel.port1;
    sender = channel.port2;
    const listening = port;
    listening.addEventListener('message', () => {
      waiting.shift()?.();
      // An idle port must not keep a Node process alive (the CLI, a test), nor a waiting one let it end.
      if (waiting.length === 0) listening.unref?.();
    });
    listening.start();
  }
  const turn = new Promise<void>((resolve) => waiting.push(resolve));
  port.ref?.();
  sender.postMessage(undefined);
  return turn;
}
