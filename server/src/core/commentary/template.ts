// The small template language of catalogues and phrasebooks:
//   {name}          a value ("{count}", "{area}")
//   {Name}          the same, starting with a capital; a leading number is spelled out ("Sixteen")
//   {name:form}     a value in a named form ("{quantity:the}" → "most of the")
//   {one|many}      a word chosen by the number being described ("{case|cases}"); written straight after
//                   the quantity, it is the quantity's noun and may take another number (see Agreement)
//   [[ … ]]         an optional part, left out when a value inside it is missing
//   {{ and }}       literal braces
// A template whose required value is missing yields undefined, so a sentence is never printed half-filled.

export type Token =
  | { type: 'text'; text: string }
  | { type: 'value'; name: string; form?: string; capital: boolean; raw: string }
  | { type: 'choice'; one: string; many: string }
  | { type: 'optional'; tokens: Token[] };

export class TemplateError extends Error {}

export function parseTemplate(template: string): Token[] {
  const [tokens, end] = parseFrom(template, 0, false);
  if (end !== template.length) throw new TemplateError(`unexpected "]]" in "${template}"`);
  return tokens;
}

function parseFrom(s: string, start: number, inOptional: boolean): [Token[], number] {
  const tokens: Token[] = [];
  let text = '';
  let i = start;
  const flush = () => {
    if (text) tokens.push({ type: 'text', text });
    text = '';
  };
  while (i < s.length) {
    if (s.startsWith('{{', i)) {
      text += '{';
      i += 2;
    } else if (s.startsWith('}}', i)) {
      text += '}';
      i += 2;
    } else if (s.startsWith('[[', i)) {
      flush();
      const [inner, end] = parseFrom(s, i + 2, true);
      if (!s.startsWith(']]', end)) throw new TemplateError(`"[[" is never closed in "${s}"`);
      tokens.push({ type: 'optional', tokens: inner });
      i = end + 2;
    } else if (s.startsWith(']]', i)) {
      if (!inOptional) break;
      flush();
      return [tokens, i];
    } else if (s[i] === '{') {
      const close = s.indexOf('}', i);
      if (close < 0) throw new TemplateError(`"{" is never closed in "${s}"`);
      flush();
      tokens.push(placeholder(s.slice(i + 1, close)));
      i = close + 1;
    } else {
      text += s[i];
      i++;
    }
  }
  flush();
  if (inOptional) throw new TemplateError(`"[[" is never closed in "${s}"`);
  return [tokens, i];
}

function placeholder(body: string): Token {
  const bar = body.indexOf('|');
  if (bar >= 0) return { type: 'choice', one: body.slice(0, bar), many: body.slice(bar + 1) };
  const [rawName = '', form] = body.split(':').map((p) => p.trim());
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(rawName)) throw new TemplateError(`"{${body}}" is not a placeholder`);
  const capital = rawName[0] !== rawName[0]!.toLowerCase();
  const name = rawName[0]!.toLowerCase() + rawName.slice(1);
  return { type: 'value', name, capital, raw: body, ...(form ? { form } : {}) };
}

/** Looks up a value; undefined means missing. */
export type Resolve = (name: string, form: string | undefined, capital: boolean) => string | undefined;

/**
 * The number {one|many} choices agree with: one number for every choice, or a quantity's two: `noun` for a
 * choice written straight after the value `nounAfter` (its noun: "one out of 22 {case|cases}" is plural,
 * "the one {case|cases}" singular) and `subject` for every other choice (a verb: "one out of 22 … {was|were}").
 */
export type Agreement = number | { subject: number; noun: number; nounAfter: string };

export function fill(template: string | Token[], resolve: Resolve, agreement?: Agreement): string | undefined {
  const tokens = typeof template === 'string' ? parseTemplate(template) : template;
  let out = '';
  for (const [i, t] of tokens.entries()) {
    if (t.type === 'text') out += t.text;
    else if (t.type === 'choice') out += numberFor(agreement, tokens, i) === 1 ? t.one : t.many;
    else if (t.type === 'optional') out += fill(t.tokens, resolve, agreement) ?? '';
    else {
      const v = resolve(t.name, t.form, t.capital);
      if (v === undefined) return undefined;
      out += t.capital ? capitalise(v) : v;
    }
  }
  return out;
}

function numberFor(agreement: Agreement | undefined, tokens: Token[], i: number): number | undefined {
  if (typeof agreement !== 'object') return agreement;
  const before = tokens[i - 1]?.type === 'text' && /^[ \u00a0]+$/.test((tokens[i - 1] as { text: string }).text) ? tokens[i - 2] : tokens[i - 1];
  return before?.type === 'value' && before.name === agreement.nounAfter ? agreement.noun : agreement.subject;
}

/** Every value placeholder in a template (for checking catalogue data against what the generator offers). */
export function placeholders(template: string): { name: string; form?: string }[] {
  const out: { name: string; form?: string }[] = [];
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.type === 'value') out.push(t.form ? { name: t.name, form: t.form } : { name: t.name });
      else if (t.type === 'optional') walk(t.tokens);
    }
  };
  walk(parseTemplate(template));
  return out;
}

export function capitalise(s: string): string {
  const i = s.search(/\S/);
  if (i < 0) return s;
  return s.slice(0, i) + s[i]!.toUpperCase() + s.slice(i + 1);
}
