// Case ids as a reader reads them. Two ids that print the same (a letter composed or decomposed, a zero-width space,
// full-width digits from a Japanese keyboard) are one id; two that only look alike (O and 0, Cyrillic І and Latin I)
// may be one case typed twice, and are worth a look.

/** Characters that take no space or only steer the text: invisible in an id. */
const invisible = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;

/** The id a reader sees: compatibility forms folded (NFKC), invisible characters removed, letter case ignored. */
export function canonicalId(id: string): string {
  return id.normalize('NFKC').replace(invisible, '').trim().toLowerCase();
}

/** An id with its invisible characters shown, `LIV-<U+200B>01`, so a message about it explains itself. */
export function visibleId(id: string): string {
  return id.replace(invisible, (c) => `<${codePoint(c)}>`);
}

export function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Letters of other scripts that look like Latin ones (lower case: ids are compared in lower case), after Unicode's
 * confusables (UTS #39) for the letters that print alike in the fonts editors use.
 */
const latinLookAlikes = new Map<string, { latin: string; script: string }>(
  [
    ['Cyrillic', 'аa вb еe кk мm нh оo рp сc тt уy хx ѕs іi јj ӏl һh ԁd ԛq ԝw'],
    ['Greek', 'αa βb εe ζz ηh ιi κk μm νn οo ρp τt υy χx ϲc'],
  ].flatMap(([script, pairs]) => pairs!.split(' ').map((p): [string, { latin: string; script: string }] => [p[0]!, { latin: p[1]!, script: script! }])),
);

/** Latin letters and digits that look alike in an id. */
const digitLookAlikes = new Map([
  ['o', '0'],
  ['i', '1'],
  ['l', '1'],
]);

/** The id with every look-alike character replaced by one stand-in: ids with the same skeleton look the same. */
export function skeleton(id: string): string {
  let out = '';
  for (const c of canonicalId(id)) {
    const latin = latinLookAlikes.get(c)?.latin ?? c;
    out += digitLookAlikes.get(latin) ?? latin;
  }
  return out;
}

/** "Cyrillic І (U+0406) looks like the Latin I": each letter of another script in an id that also has Latin letters. */
export function mixedScriptLetters(id: string): string[] {
  if (!/[A-Za-z]/.test(id)) return [];
  const out: string[] = [];
  for (const c of id.normalize('NFKC')) {
    const look = latinLookAlikes.get(c.toLowerCase());
    if (look) out.push(`${look.script} ${c} (${codePoint(c)}) looks like the Latin ${c === c.toLowerCase() ? look.latin : look.latin.toUpperCase()}`);
  }
  return out;
}

/** How two ids of one skeleton differ, in words: "the letter O where the other has the digit 0". */
export function lookAlikeDifference(id: string, other: string): string {
  const a = [...canonicalId(id)];
  const b = [...canonicalId(other)];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    return `${describeChar(shown(id, i) ?? a[i]!)} where the other has ${describeChar(shown(other, i) ?? b[i]!)}`;
  }
  return 'characters that look alike';
}

/** The character at a position of the canonical id, as typed (its letter case kept) when that can be told. */
function shown(id: string, index: number): string | undefined {
  const typed = [...id.normalize('NFKC').replace(invisible, '').trim()];
  return typed[index];
}

function describeChar(c: string): string {
  if (/[0-9]/.test(c)) return `the digit ${c}`;
  if (/[A-Za-z]/.test(c)) return `the letter ${c}`;
  const look = latinLookAlikes.get(c.toLowerCase());
  return look ? `the ${look.script} ${c} (${codePoint(c)})` : `${c} (${codePoint(c)})`;
}
