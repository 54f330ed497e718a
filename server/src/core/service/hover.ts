import type { Catalogue, Criterion, Question } from '../criteria/catalogue';
import { questionName } from '../criteria/names';
import { describeRelevance } from '../criteria/describe';
import type { Inspection, InspectionIndex } from '../index/inspectionIndex';
import { contribution, type Outcome } from '../index/relevance';
import { casesCounted, fieldLabel, talliedCount } from '../index/statedFields';
import type { QuestionTally } from '../index/tally';
import type { CaseFile } from '../model/sqsFile';
import type { Range } from '../types';
import type { Phrasebook } from '../commentary/phrasebook';
import { targetAt, type Target } from './locate';
import { choosePhrasebook } from '../index/choosePhrasebook';
import { ReportContext } from '../report/context';
import { criterionSentences } from '../report/criterion';
import { plural } from '../checks/names';
import { caseLabel, escapeMarkdown, fileLink, listSome } from './text';
import { comparedText, percent, questionCounts, type Comparison } from '../report/figuresTable';

export interface HoverInfo {
  range: Range;
  /** Markdown. User text in it is escaped. */
  markdown: string;
}

/** How many case files a hover lists by name before summarising. */
const listedCases = 30;

export interface HoverOptions {
  /** The phrasebook chosen in the editor's settings, if any. */
  phrasebook?: string;
  /** Other inspections to set each question's share beside (only when the inspector asks: `sqs.compare.folders`). */
  comparison?: Comparison;
}

export function hoverAt(index: InspectionIndex, uri: string, offset: number, options: HoverOptions = {}): HoverInfo | undefined {
  const file = index.get(uri);
  if (!file) return undefined;
  const target = targetAt(file, offset);
  if (!target) return undefined;
  const inspection = index.inspectionOf(uri);
  const markdown = describeTarget(target, {
    index,
    inspection,
    caseFile: file.kind === 'case' ? file : undefined,
    catalogue: file.catalogue,
    ...(inspection && { phrasebook: choosePhrasebook(inspection, options.phrasebook) }),
    ...(options.comparison && { comparison: options.comparison }),
  });
  return markdown ? { range: target.range, markdown } : undefined;
}

interface HoverContext {
  index: InspectionIndex;
  inspection: Inspection | undefined;
  caseFile: CaseFile | undefined;
  catalogue: Catalogue;
  phrasebook?: Phrasebook;
  comparison?: Comparison;
}

function describeTarget(target: Target, ctx: HoverContext): string | undefined {
  switch (target.kind) {
    case 'criterion':
      return [criterionHeading(target.criterion), ...target.criterion.questions.map((q) => questionBlock(q, ctx, target.criterion.questions.length > 1))].join(
        '\n\n',
      );
    case 'question':
      return [criterionHeading(target.question.criterion), questionBlock(target.question, ctx, true)].join('\n\n');
    case 'judgement': {
      const word = target.judgement?.value.replace('-', ' ');
      return [
        word ? `**${word}** — ${questionName(target.question)}` : `Judgement on ${questionName(target.question)}`,
        questionBlock(target.question, ctx, false),
      ].join('\n\n');
    }
    case 'reason': {
      const head = `**${escapeMarkdown(target.code)}** — ${target.reason ? escapeMarkdown(target.reason.label) : `not a reason for ${questionName(target.question)}`}`;
      const tally = ctx.inspection?.tallies.get(target.question.id);
      if (!tally || !target.reason) return head;
      const uris = casesCounted(tally, 'reason', target.code);
      return `${head}\n\nGiven in ${plural(uris.length, 'not-sufficient case')} of this inspection${uris.length ? `: ${caseLinks(ctx, uris)}` : ''}.`;
    }
    case 'stated':
      return statedBlock(target, ctx);
    case 'fact': {
      const uses = [...ctx.catalogue.questions.values()].filter((q) => mentionsFact(q.relevance, target.fact.id));
      return `**${escapeMarkdown(target.fact.id)}** — ${escapeMarkdown(target.fact.label)}: yes or no.${uses.length ? `\n\nDecides whether ${uses.map(questionName).join(', ')} ${uses.length === 1 ? 'applies' : 'apply'}.` : ''}`;
    }
    case 'sentence': {
      if (!target.sentence) return undefined;
      const custodyFacts = [...ctx.catalogue.facts.values()].filter((f) => f.fromSentence === 'custodial').map((f) => f.id);
      const custodyQuestions = [...ctx.catalogue.questions.values()].filter((q) => custodyFacts.some((f) => mentionsFact(q.relevance, f)));
      const kind = target.sentence.custodial ? 'a custodial sentence' : 'a community sentence';
      const custody = custodyQuestions.length
        ? `\n\n${target.sentence.custodial ? 'The custody criteria apply' : 'The custody criteria do not apply'}: ${custodyQuestions.map(questionName).join(', ')}.`
        : '';
      return `**${escapeMarkdown(target.sentence.label)}** — ${kind}.${custody}`;
    }
    case 'case-id': {
      if (!ctx.caseFile) return undefined;
      const where = ctx.inspection
        ? ` in the ${escapeMarkdown(ctx.inspection.file.model.area?.value ?? 'unnamed')} inspection`
        : ' (not inside any inspection folder)';
      const left = ctx.inspection?.tallies.unjudgedIn(ctx.caseFile.uri) ?? 0;
      return `**Case ${escapeMarkdown(target.id)}**${where}: ${plural(ctx.caseFile.model.judgements.size, 'judgement')}${left ? `, ${plural(left, 'question')} not yet judged` : ', nothing left to judge'}.`;
    }
  }
}

function criterionHeading(c: Criterion): string {
  const theme = c.theme.number ? `theme ${c.theme.number}, ` : '';
  return `**${escapeMarkdown(c.id)} ${escapeMarkdown(c.title)}** — ${theme}*${escapeMarkdown(c.theme.title)}*`;
}

function questionBlock(q: Question, ctx: HoverContext, named: boolean): string {
  const lines = [
    `${named ? `**${escapeMarkdown(q.key)}**: ` : ''}${escapeMarkdown(q.wording)}.`,
    `Applies to ${escapeMarkdown(describeRelevance(q, ctx.catalogue))}.`,
  ];
  if (ctx.caseFile) lines.push(`This case: ${outcomeWords[contribution(q, ctx.caseFile.model).outcome]}.`);
  const tally = ctx.inspection?.tallies.get(q.id);
  if (tally && ctx.inspection!.cases.size > 0) {
    lines.push(tallyLine(tally));
    const sentence = ctx.phrasebook && reportSentence(ctx.inspection!, q, ctx.phrasebook);
    if (sentence) lines.push(`The report says: “${escapeMarkdown(sentence)}”`);
  }
  const compared = ctx.comparison?.byQuestion.get(q.id);
  const share = ctx.inspection && questionCounts(ctx.inspection, q).share;
  if (compared && share !== undefined) lines.push(`Compared: **${percent(share)}** here — mean ${comparedText(compared)}`);
  return lines.join('  \n');
}

/**
 * The sentence the report prints about a question's figures, as the report words it (its criterion's paragraph,
 * made as buildReport makes it; a question whose sentence joins another's is in that one). Undefined when the report
 * says nothing of it (no relevant case yet, the criterion left out or written by hand).
 */
function reportSentence(inspection: Inspection, q: Question, phrasebook: Phrasebook): string | undefined {
  const paragraph = criterionSentences(new ReportContext(inspection, phrasebook), q.criterion);
  const about = (s: { kind: string; questionId?: string; figures?: readonly { questionId: string }[] }) =>
    s.kind === 'generated' && (s.questionId === q.id || (s.figures ?? []).some((f) => f.questionId === q.id));
  return paragraph?.sentences.find(about)?.text;
}

const outcomeWords: Record<Outcome, string> = {
  sufficient: 'sufficient',
  'not-sufficient': 'not sufficient',
  unjudged: 'applies, not yet judged',
  'not-relevant': 'does not apply',
  'marked-not-applicable': 'marked not applicable although the case facts say it applies',
  'judged-not-relevant': 'judged although the case facts say it does not apply (not counted)',
};

/** "Tally: 19 of 22 relevant cases sufficient", with what is left to judge and the reasons given. */
export function tallyLine(t: QuestionTally): string {
  const parts: string[] = [];
  if (t.question.kind === 'review') parts.push(`reviews due in ${t.relevant}, done in ${t.done}, sufficient in ${t.sufficient}`);
  else if (t.relevant === 0) parts.push('no relevant case judged yet');
  else parts.push(`**${t.sufficient} of ${t.relevant}** relevant cases sufficient`);
  if (t.unjudged > 0) parts.push(`${plural(t.unjudged, 'case')} not yet judged`);
  if (t.reasons.size > 0) parts.push(`reasons: ${[...t.reasons].map(([code, n]) => `${escapeMarkdown(code)} ${n}`).join(', ')}`);
  return `Tally: ${parts.join(' · ')}`;
}

function statedBlock(target: Extract<Target, { kind: 'stated' }>, ctx: HoverContext): string {
  const q = target.stated.question;
  const label = fieldLabel(target.field, target.reason);
  const stated = statedValue(target);
  const head = `**${questionName(q)} ${escapeMarkdown(label)}${stated === undefined ? '' : `: ${stated}`}** (stated)`;
  const inspection = ctx.inspection;
  const tally = inspection?.tallies.get(q.id);
  if (!inspection || !tally || inspection.cases.size === 0) return `${head}\n\nNo case files in this inspection to tally from.`;
  const tallied = talliedCount(tally, target.field, target.reason);
  const verdict = stated === undefined ? '' : tallied === stated ? ' — agrees' : ` — **differs from the stated ${stated}**`;
  const uris = casesCounted(tally, target.field, target.reason);
  const lines = [head, `Tallied from ${plural(inspection.cases.size, 'case file')}: **${tallied}**${verdict}.`];
  if (uris.length > 0) lines.push(`Counted: ${caseLinks(ctx, uris)}.`);
  if (tally.unjudged > 0) lines.push(`${plural(tally.unjudged, 'case')} not yet judged on ${questionName(q)}.`);
  return lines.join('\n\n');
}

function statedValue(target: Extract<Target, { kind: 'stated' }>): number | undefined {
  const s = target.stated;
  switch (target.field) {
    case 'relevant':
    case 'due':
      return s.relevant?.value;
    case 'done':
      return s.done?.value;
    case 'sufficient':
      return s.sufficient?.value;
    case 'not_sufficient':
      return s.notSufficient?.value;
    case 'reason':
      return s.reasons.get(target.reason ?? '')?.value;
  }
}

function caseLinks(ctx: HoverContext, uris: string[]): string {
  const sorted = [...uris].sort((a, b) => caseLabel(ctx.index, a).localeCompare(caseLabel(ctx.index, b), undefined, { numeric: true }));
  const links = sorted.map((uri) => {
    const f = ctx.index.get(uri);
    const range = f?.kind === 'case' ? f.model.id?.range : undefined;
    return fileLink(caseLabel(ctx.index, uri), uri, range);
  });
  return listSome(links, listedCases);
}

function mentionsFact(rule: Question['relevance'], fact: string): boolean {
  if (typeof rule === 'string') return false;
  if ('fact' in rule) return rule.fact === fact;
  if ('all' in rule) return rule.all.some((r) => mentionsFact(r, fact));
  return false;
}
