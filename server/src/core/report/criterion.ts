import type { Framing, Quantity, Style } from '../commentary/phrasebook';
import type { Criterion, Question } from '../criteria/catalogue';
import type { CommentaryHooks } from '../criteria/catalogueSchema';
import { questionName } from '../criteria/names';
import type { ReportContext } from './context';
import type { Sentence, SentenceFigures, SourceLink } from './document';
import { figuresFromCases, figuresFromStated, type QuestionFigures } from './figures';

/** One question's contribution to its criterion's paragraph. */
interface Block {
  question: Question;
  intro?: Sentence;
  main?: Sentence;
  /** The reasons breakdowns: this question's, then those of questions whose sentence joined this one. */
  reasons: Sentence[];
  share?: number;
}

/**
 * The sentences of one criterion's paragraph, in the order the seed writes them: each question's intro,
 * figures and reasons (a question may join its sentence onto the previous one), hand-written additions,
 * then inspectors' quotes. Undefined when the inspection omits the criterion.
 */
export function criterionSentences(ctx: ReportContext, criterion: Criterion): { sentences: Sentence[]; overridden: boolean } | undefined {
  const override = ctx.model.commentary.get(criterion.id);
  if (override?.omit?.value) return undefined;
  const figures = criterion.questions.map((q) => figuresFor(ctx, q));
  const sentences: Sentence[] = [];
  if (override?.text) {
    sentences.push({ text: override.text.value.trim(), kind: 'override', sources: [ctx.link(override.text, 'override', `commentary ${criterion.id}`)] });
  } else {
    const blocks: Block[] = [];
    for (const [i, q] of criterion.questions.entries()) {
      const block = questionBlock(ctx, q, figures[i]!, override?.style?.value);
      const previous = blocks[blocks.length - 1];
      const join = q.commentary?.join;
      if (join && block.main && previous?.main) {
        const word = typeof join === 'string' ? join : joinWord(join, previous, block);
        previous.main = joined(previous.main, block.main, word);
        previous.reasons.push(...block.reasons);
        continue;
      }
      blocks.push(block);
    }
    for (const b of blocks) sentences.push(...[b.intro, b.main].filter((s): s is Sentence => s !== undefined), ...b.reasons);
  }
  if (override?.after)
    sentences.push({
      text: override.after.value.trim(),
      kind: 'override',
      sources: [ctx.link(override.after, 'override', `commentary ${criterion.id} after`)],
    });
  sentences.push(...quotes(ctx, criterion, figures));
  return { sentences, overridden: override?.text !== undefined };
}

function figuresFor(ctx: ReportContext, q: Question): QuestionFigures {
  const tally = ctx.inspection.tallies.get(q.id);
  const f = ctx.inspection.cases.size > 0 && tally ? figuresFromCases(ctx.inspection, q, tally, ctx.caseLabels) : figuresFromStated(ctx.inspection, q);
  if (f.unjudged > 0) {
    ctx.warnings.push({
      questionId: q.id,
      message: `${questionName(q)}: ${f.unjudged} relevant case${f.unjudged === 1 ? ' has' : 's have'} not been judged yet; the figures count only the judged ones.`,
      sources: f.unjudgedSources,
    });
  }
  return f;
}

function questionBlock(ctx: ReportContext, q: Question, f: QuestionFigures, styleOverride: Style | undefined): Block {
  const hooks: CommentaryHooks = q.commentary ?? {};
  const block: Block = { question: q, reasons: [] };
  if (!hooks.sentence && !hooks.reasons) return block;
  const style = styleOverride ?? hooks.style ?? 'exact';
  const framing: Framing = hooks.framing ?? 'sufficient';
  if (f.problem) {
    ctx.warnings.push({ questionId: q.id, message: `${questionName(q)}: ${f.problem}; the sentence is left out.`, sources: f.sources });
  } else if (f.relevant === 0) {
    const filled = hooks.noRelevantSentence && ctx.fill(hooks.noRelevantSentence);
    if (filled) block.main = { ...filled, kind: 'generated', questionId: q.id, sources: [...filled.sources, ...f.sources] };
  } else if (f.relevant !== undefined && f.sufficient !== undefined && hooks.sentence) {
    block.main = mainSentence(ctx, q, f as Required<Pick<QuestionFigures, 'relevant' | 'sufficient'>> & QuestionFigures, hooks, style, framing);
    block.share = f.sufficient / f.relevant;
  } else if (hooks.sentence && f.from === 'stated') {
    ctx.warnings.push({
      questionId: q.id,
      message: `${questionName(q)}: no relevant and sufficient counts are stated, so the report says nothing of it.`,
      sources: f.sources,
    });
  }
  if (block.main && hooks.intro) {
    const intro = ctx.fill(hooks.intro);
    if (intro) block.intro = { ...intro, kind: 'standard', questionId: q.id };
  }
  // Reasons follow the figures they explain: where those are left out, the reasons would read as an example
  // of the sentence before (another question's).
  const reasons = hooks.reasons && (block.main || !hooks.sentence) && reasonsSentence(ctx, q, f, hooks.reasons);
  if (reasons) block.reasons.push(reasons);
  return block;
}

function mainSentence(
  ctx: ReportContext,
  q: Question,
  f: QuestionFigures & { relevant: number; sufficient: number },
  hooks: CommentaryHooks,
  style: Style,
  framing: Framing,
): Sentence | undefined {
  const book = ctx.phrasebook;
  const quantity = book.describe({ sufficient: f.sufficient, relevant: f.relevant }, { style, framing })!;
  // "Was generally effective" where the phrasebook has a word for the share; a style overridden to exact
  // figures keeps them.
  const extreme = (f.sufficient === f.relevant && hooks.allSentence) || (f.sufficient === 0 && hooks.noneSentence) || undefined;
  const adverb = !extreme && style === 'banded' && framing === 'sufficient' && hooks.adverbSentence ? book.adverbFor(f.sufficient, f.relevant) : undefined;
  const template = extreme ?? (adverb !== undefined ? hooks.adverbSentence! : hooks.sentence!);
  // An all- or none-sentence says something of every relevant case, so its {quantity} names them all:
  // "In all 29 cases, management oversight was not effective", "in the one case where a review was due".
  const worded = extreme ? book.quantity(f.relevant, f.relevant, style)! : quantity;
  const numbers: Record<string, number> = {
    count: quantity.count,
    total: f.relevant,
    relevant: f.relevant,
    missing: quantity.missing,
    sufficient: f.sufficient,
    notSufficient: f.relevant - f.sufficient,
  };
  let wording: string | undefined;
  const value = (name: string, form: string | undefined, capital: boolean): string | undefined => {
    if (name === 'quantity') return (wording ??= worded.form((form ?? 'bare') as Parameters<Quantity['form']>[0], { capital }));
    if (name === 'adverb') return adverb;
    const n = numbers[name];
    return n === undefined ? undefined : book.number(n, { capital });
  };
  // {one|many} choices follow the quantity's grammar: "one of the assessments was", but "one-third of the
  // assessments were" and "all but one of the PSRs were"; the noun straight after it agrees with what it
  // ends in: "one out of 22 cases", "the one case".
  const agreement = { subject: worded.singular.subject ? 1 : 2, noun: worded.singular.noun ? 1 : 2, nounAfter: 'quantity' };
  const filled = ctx.fill(template, value, agreement, { sentence: true });
  if (!filled) {
    ctx.warnings.push({
      questionId: q.id,
      message: `${questionName(q)}: the sentence needs a value the inspection file does not give; it is left out.`,
      sources: [],
    });
    return undefined;
  }
  const figures: SentenceFigures = {
    questionId: q.id,
    count: quantity.count,
    total: quantity.total,
    style,
    framing,
    kind: adverb === undefined ? quantity.kind : 'adverb',
    phrase: adverb ?? quantity.phrase,
    // An all- or none-sentence words every case ("In all 29 cases, … not effective"), not the figure itself.
    ...(adverb === undefined && !extreme && wording !== undefined && wording !== quantity.phrase && { wording }),
    from: f.from,
  };
  return { text: filled.text, kind: 'generated', questionId: q.id, figures: [figures], sources: [...f.sources, ...filled.sources] };
}

/**
 * "and" or "but" by how the two sentences read, not by their raw shares: 27 of 34 and 19 of 24 are both
 * "over three-quarters", and "over three-quarters … but over three-quarters …" contradicts itself.
 */
function joinWord(join: { higher: string; lower: string }, previous: Block, block: Block): string {
  const before = previous.main?.figures?.at(-1);
  const after = block.main?.figures?.[0];
  if (before && after && before.phrase === after.phrase && before.kind === after.kind) return join.higher;
  return (block.share ?? 0) >= (previous.share ?? 0) ? join.higher : join.lower;
}

/** Joins a sentence onto the previous one: "… manage the risk of harm and planning was satisfactory …". */
function joined(first: Sentence, second: Sentence, word: string): Sentence {
  const head = first.text.replace(/[.!]\s*$/, '');
  // Lower-case the joined sentence's first word unless it is an acronym ("PSRs were …").
  const tail = /^\p{Lu}\p{Ll}/u.test(second.text) ? second.text[0]!.toLowerCase() + second.text.slice(1) : second.text;
  return {
    ...first,
    text: `${head} ${word} ${tail}`,
    figures: [...(first.figures ?? []), ...(second.figures ?? [])],
    sources: [...first.sources, ...second.sources],
  };
}

function reasonsSentence(ctx: ReportContext, q: Question, f: QuestionFigures, hook: NonNullable<CommentaryHooks['reasons']>): Sentence | undefined {
  if (f.reasons.length === 0 || f.problem) return undefined;
  const book = ctx.phrasebook;
  const phraseOf = (code: string, count?: number) => {
    const reason = q.reasons?.codes.find((r) => r.code === code);
    return (count === 1 ? reason?.phraseOne : undefined) ?? reason?.phrase ?? code;
  };
  // Largest first; equal counts keep the catalogue's order (sort is stable).
  const ordered = [...f.reasons].sort((a, b) => b.count - a.count);
  let list: string | undefined;
  let used = ordered;
  if (hook.style === 'counts') {
    list = book.reasonList(ordered.map((r) => ({ count: r.count, phrase: phraseOf(r.code, r.count) })));
  } else {
    // "Mainly because": the reasons given at least half as often as the most frequent, at most three.
    const top = ordered[0]!.count;
    used = ordered.filter((r) => r.count * 2 >= top).slice(0, 3);
    list = book.alternatives(used.map((r) => phraseOf(r.code)));
  }
  if (!list) return undefined;
  const filled = ctx.fill(hook.sentence ?? '{Reasons}.', (name) => (name === 'reasons' ? list : undefined), undefined, { sentence: true });
  if (!filled) return undefined;
  const sources: SourceLink[] = [...used.flatMap((r) => r.sources), ...filled.sources];
  return { text: filled.text, kind: 'reasons', questionId: q.id, sources };
}

function quotes(ctx: ReportContext, criterion: Criterion, figures: QuestionFigures[]): Sentence[] {
  const style = ctx.catalogue.report.quote;
  const out: Sentence[] = [];
  criterion.questions.forEach((q, i) => {
    for (const quote of figures[i]!.quotes) {
      const intro = out.length === 0 ? (q.commentary?.quoteIntro ?? style.intro) : style.introNext;
      // The seed closes a quote outside the quotation marks: "… in this case". Quotation marks inside it become
      // single ones, as quotes within a quote are set.
      const text = quote.text.trim().replace(/\s+/g, ' ').replace(/[.]$/, '').replace(/"/g, "'").trim();
      if (text === '') continue;
      const filled = ctx.fill(style.format, (name) => (name === 'intro' ? intro : name === 'quote' ? text : undefined));
      if (filled) out.push({ text: filled.text, kind: 'quote', questionId: q.id, quote: { intro, text }, sources: [quote.source] });
    }
  });
  return out;
}
