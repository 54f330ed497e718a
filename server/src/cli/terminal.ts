// Text from an SQS file, or a file's name, reaches the terminal in `sqs check`'s human output and in messages on
// stderr. A terminal obeys what it is sent: ESC sequences erase lines or move the cursor, OSC sets the window
// title, a C1 CSI does what ESC [ does, bidirectional controls make a line read differently from what it says,
// a CR or line separator starts a finding's line over. So these are written as JSON writes them (`\u001b`, `\n`),
// and every other character as it is. Backslashes are left alone: the output is for reading, and Windows paths.

const escapes = new Map([
  ['\n', '\\n'],
  ['\r', '\\r'],
  ['\t', '\\t'],
]);

/**
 * C0 and C1 controls, DEL, the bidirectional marks, embeddings, overrides and isolates, the line and paragraph
 * separators, and lone surrogates (a terminal shows them as garbage, or worse).
 */
const unsafe =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escape(c: string): string {
  return escapes.get(c) ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** One line for a terminal: every control escaped, line breaks included, so a finding stays on its line. */
export function terminalLine(text: string): string {
  return text.replace(unsafe, escape);
}

/** Lines for a terminal: the text's own line breaks kept (a stack trace), everything else escaped. */
export function terminalText(text: string): string {
  return text.split('\n').map(terminalLine).join('\n');
}

/**
 * JSON for a terminal: JSON.stringify escapes C0 controls but writes DEL, C1 controls, bidirectional controls and
 * the line separators as they are; here they are `\u` escapes too, which JSON reads back as the same characters.
 */
export function terminalJson(json: string): string {
  return json.replace(unsafeInJson, escape);
}

/** What JSON.stringify leaves as it is (it escapes C0 controls and lone surrogates itself; its own line breaks are layout). */
const unsafeInJson = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
