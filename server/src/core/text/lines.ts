/**
 * Where the line holding `offset` starts. Not `text.lastIndexOf('\n', offset - 1) + 1` alone: at offset 0 that looks
 * from index -1, which JavaScript reads as 0, so a text starting with a line break gave 1, past the offset — a
 * completion range that ended before it started, and a walk up the lines that never ended (found by the server fuzz).
 */
export function lineStartOf(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}
