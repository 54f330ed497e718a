// A finding quotes what it is about ("perhaps" is not yes or no), and its message goes wherever findings go: the
// Problems panel, a terminal, a CI log, a bug report. A value may be anything a file holds (a pasted page, a key
// file reached through a link), so a message quotes at most 40 characters of any one value, then an ellipsis.

export const maxQuoted = 40;

/** At most the first 40 characters of a value (a character is never cut in two), then "…" if there was more. */
export function excerpt(value: string): string {
  if (value.length <= maxQuoted) return value;
  let end = maxQuoted;
  // A surrogate pair is one character: never keep half of it.
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${value.slice(0, end)}…`;
}

/** The value in double quotes, as messages quote it: `"perhaps"`, `"root:x:0:0:root:/root:/bin/bash…"`. */
export function quoted(value: string): string {
  return `"${excerpt(value)}"`;
}
