import { finding, type LocalFinding } from '../findings';
import { zeroRange } from '../types';

export interface Decoded {
  text: string;
  /** Why the text may not be what the inspector wrote (binary data, another encoding). */
  problems: LocalFinding[];
}

/**
 * Turns a file's bytes into text the way editors do: a UTF-8 byte order mark is dropped, UTF-16 with a
 * byte order mark is decoded, anything else must be UTF-8. Never throws; bad bytes become U+FFFD and a
 * finding says so, so the rest of the file is still checked.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), problems: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), problems: [] };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      text: '',
      problems: [finding('SQS004', zeroRange, `This is a binary file (a NUL byte at offset ${nul}), not YAML text.`)],
    };
  }
  return utf8(bytes);
}

function utf8(bytes: Uint8Array): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), problems: [] };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const at = text.indexOf('\uFFFD');
    const line = text.slice(0, Math.max(0, at)).split('\n').length - 1;
    const range = { start: { line, character: 0 }, end: { line, character: 0 } };
    return {
      text,
      problems: [
        finding(
          'SQS004',
          range,
          `The file is not valid UTF-8 (first bad byte on line ${line + 1}); save it as UTF-8. Characters shown as � could not be read.`,
        ),
      ],
    };
  }
}
