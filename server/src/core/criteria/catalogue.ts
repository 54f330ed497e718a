import { PhrasebookRegistry } from '../commentary/phrasebookRegistry';
import { placeholders } from '../commentary/template';
import { adverbVariable, figureVariables, inspectionVariables, quantityForms } from '../commentary/variables';
import {
  catalogueSchema,
  type CommentaryHooks,
  type ReportData,
  type CatalogueData,
  type CriterionData,
  type FactData,
  type QuestionData,
  type ReasonData,
  type RelevanceRule,
  type SentenceData,
  type ThemeData,
} from './catalogueSchema';

export interface Theme extends Omit<ThemeData, 'criteria'> {
  criteria: Criterion[];
}

export interface Criterion extends Omit<CriterionData, 'questions'> {
  theme: Theme;
  questions: Question[];
}

/** A single countable judgement. `id` is "<criterion>/<key>", e.g. "2.2/review". */
export interface Question extends QuestionData {
  id: string;
  criterion: Criterion;
}

export class CatalogueError extends Error {
  constructor(
    readonly catalogueId: string,
    readonly problems: string[],
  ) {
    super(`criteria catalogue ${catalogueId} is invalid:\n  ${problems.join('\n  ')}`);
  }
}

/** A validated catalogue with the lookups every part of the core needs. Immutable once built. */
export class Catalogue {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly themes: readonly Theme[];
  readonly facts: ReadonlyMap<string, FactData>;
  readonly criteria: ReadonlyMap<string, Criterion>;
  readonly questions: ReadonlyMap<string, Question>;
  private readonly sentencesByName: ReadonlyMap<string, SentenceData>;
  readonly sentences: readonly SentenceData[];
  /** The report's fixed wording: letterhead, headings, standard paragraphs. */
  readonly report: ReportData;

  private constructor(data: CatalogueData) {
    this.id = data.id;
    this.title = data.title;
    this.source = data.source;
    const criteria = new Map<string, Criterion>();
    const questions = new Map<string, Question>();
    this.themes = data.themes.map((themeData) => {
      const theme: Theme = { ...themeData, criteria: [] };
      for (const criterionData of themeData.criteria) {
        const criterion: Criterion = { ...criterionData, theme, questions: [] };
        for (const questionData of criterionData.questions) {
          const question: Question = { ...questionData, id: `${criterion.id}/${questionData.key}`, criterion };
          criterion.questions.push(question);
          questions.set(question.id, question);
        }
        theme.criteria.push(criterion);
        criteria.set(criterion.id, criterion);
      }
      return theme;
    });
    this.criteria = criteria;
    this.questions = questions;
    this.facts = new Map(data.facts.map((f) => [f.id, f]));
    this.sentences = data.sentences;
    this.report = data.report;
    const byName = new Map<string, SentenceData>();
    for (const s of data.sentences) {
      for (const name of [s.id, s.label, ...(s.aliases ?? [])]) byName.set(normaliseName(name), s);
    }
    this.sentencesByName = byName;
  }

  /** Validates catalogue data (shape and cross-references) and indexes it. Throws CatalogueError. */
  static from(data: unknown): Catalogue {
    const parsed = catalogueSchema.safeParse(data);
    const id = typeof (data as { id?: unknown })?.id === 'string' ? (data as { id: string }).id : '(unnamed)';
    if (!parsed.success) {
      throw new CatalogueError(
        id,
        parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
      );
    }
    const catalogue = new Catalogue(parsed.data);
    const problems = catalogue.integrityProblems(parsed.data);
    if (problems.length > 0) throw new CatalogueError(id, problems);
    return catalogue;
  }

  criterion(id: string): Criterion | undefined {
    return this.criteria.get(id);
  }

  question(id: string): Question | undefined {
    return this.questions.get(id);
  }

  /** Accepts the id, label or an alias, ignoring case and spacing ("DTO", "detention and training order"). */
  sentence(name: string): SentenceData | undefined {
    return this.sentencesByName.get(normaliseName(name));
  }

  /** Facts the inspector writes in a case file (as opposed to facts derived from the sentence). */
  get writtenFacts(): FactData[] {
    return [...this.facts.values()].filter((f) => !f.fromSentence);
  }

  reason(question: Question, code: string): ReasonData | undefined {
    return question.reasons?.codes.find((r) => r.code === code);
  }

  private integrityProblems(data: CatalogueData): string[] {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const theme of data.themes) {
      for (const criterion of theme.criteria) {
        if (seen.has(criterion.id)) problems.push(`criterion ${criterion.id} is defined twice`);
        seen.add(criterion.id);
        const keys = new Set<string>();
        for (const q of criterion.questions) {
          if (keys.has(q.key)) problems.push(`criterion ${criterion.id}: question key ${q.key} is used twice`);
          keys.add(q.key);
          for (const p of this.ruleProblems(q.relevance)) problems.push(`${criterion.id}/${q.key} relevance: ${p}`);
          const codes = new Set<string>();
          for (const r of q.reasons?.codes ?? []) {
            if (codes.has(r.code)) problems.push(`${criterion.id}/${q.key}: reason ${r.code} is listed twice`);
            codes.add(r.code);
            if (r.phraseOne !== undefined && r.phrase === undefined) problems.push(`${criterion.id}/${q.key}: reason ${r.code} has a phraseOne but no phrase`);
            if (r.notDone && q.kind !== 'review') {
              problems.push(`${criterion.id}/${q.key}: reason ${r.code} is marked notDone on a question that is not a review`);
            }
          }
        }
      }
    }
    problems.push(...templateProblems(data));
    const factIds = new Set<string>();
    for (const f of data.facts) {
      if (factIds.has(f.id)) problems.push(`fact ${f.id} is defined twice`);
      factIds.add(f.id);
    }
    return problems;
  }

  private ruleProblems(rule: RelevanceRule): string[] {
    if (rule === 'all' || rule === 'judged') return [];
    if ('fact' in rule) return this.facts.has(rule.fact) ? [] : [`unknown fact ${rule.fact}`];
    if ('question' in rule) return this.questions.has(rule.question) ? [] : [`unknown question ${rule.question}`];
    return rule.all.flatMap((r) => this.ruleProblems(r));
  }
}

const inspectionNames = new Set<string>(inspectionVariables);
const figureNames = new Set<string>([...inspectionVariables, ...figureVariables]);

/** Templates must parse and use only the values the generator offers, so no sentence is silently lost. */
function templateProblems(data: CatalogueData): string[] {
  const problems: string[] = [];
  const check = (where: string, template: string | undefined, allowed: ReadonlySet<string>) => {
    if (template === undefined) return;
    try {
      for (const p of placeholders(template)) {
        if (!allowed.has(p.name)) problems.push(`${where}: unknown placeholder {${p.name}}`);
        else if (p.form !== undefined && (p.name !== 'quantity' || !quantityForms.includes(p.form))) {
          problems.push(`${where}: {${p.name}:${p.form}} is not a form (use {quantity:${quantityForms.join('|')}})`);
        }
      }
    } catch (e) {
      problems.push(`${where}: ${(e as Error).message}`);
    }
  };
  for (const theme of data.themes) {
    for (const criterion of theme.criteria) {
      criterion.questions.forEach((q, i) => {
        const c: CommentaryHooks | undefined = q.commentary;
        if (!c) return;
        const where = `${criterion.id}/${q.key} commentary`;
        for (const key of ['sentence', 'allSentence', 'noneSentence'] as const) check(`${where}.${key}`, c[key], figureNames);
        check(`${where}.adverbSentence`, c.adverbSentence, new Set([...figureNames, adverbVariable]));
        if (c.adverbSentence !== undefined && (c.style !== 'banded' || c.framing === 'not-sufficient' || !c.sentence)) {
          problems.push(
            `${where}.adverbSentence: only a banded question framed on its sufficient cases, with a sentence for shares without an adverb, is worded with an adverb`,
          );
        }
        for (const key of ['intro', 'noRelevantSentence', 'quoteIntro'] as const) check(`${where}.${key}`, c[key], inspectionNames);
        if (c.reasons) {
          check(`${where}.reasons.sentence`, c.reasons.sentence, new Set([...inspectionNames, 'reasons']));
          if (!q.reasons) problems.push(`${where}.reasons: the question has no reason codes to break down`);
          for (const r of q.reasons?.codes ?? []) if (!r.phrase) problems.push(`${where}.reasons: reason ${r.code} has no phrase to word it`);
        }
        // "In none of the 29 cases management oversight was effective" wants the verb before its subject; a
        // sentence of its own words it plainly ("In all 29 cases, management oversight was not effective").
        if (c.framing !== 'not-sufficient' && c.sentence && /^\s*In \{quantity[:}]/i.test(c.sentence) && !c.noneSentence) {
          problems.push(
            `${where}.sentence: it opens "In {quantity…}", which reads "In none of the N cases …" when no case was sufficient: give a noneSentence`,
          );
        }
        if (c.framing === 'not-sufficient' && c.sentence && !c.allSentence) {
          problems.push(`${where}: a not-sufficient sentence needs an allSentence for when every case was sufficient`);
        }
        if (c.join && i === 0) problems.push(`${where}.join: the first question of a criterion has no sentence before it to join`);
      });
    }
  }
  const r = data.report;
  const all = [
    ...r.letterhead.map((t, i): [string, string | undefined] => [`letterhead.${i}`, t]),
    ...r.header.map((h, i): [string, string | undefined] => [`header.${i}.value`, h.value]),
    ['title', r.title] as [string, string],
    ...r.opening.map((t, i): [string, string | undefined] => [`opening.${i}`, t]),
    ...(['context', 'summary', 'commentary', 'operationalManagement', 'keyStrengths', 'areasForImprovement', 'closing', 'copyTo'] as const).flatMap((name) => {
      const section = r[name];
      return [
        [`${name}.heading`, section.heading],
        [`${name}.intro`, section.intro],
        [`${name}.outro`, section.outro],
        ...(section.paragraphs ?? []).map((t, i): [string, string | undefined] => [`${name}.paragraphs.${i}`, t]),
      ] as [string, string | undefined][];
    }),
    ['note', r.note] as [string, string | undefined],
    ['figures.heading', r.figures?.heading] as [string, string | undefined],
    ['figures.caption', r.figures?.caption] as [string, string | undefined],
    ['figures.chartTitle', r.figures?.chartTitle] as [string, string | undefined],
    ...(r.figures?.paragraphs ?? []).map((t, i): [string, string | undefined] => [`figures.paragraphs.${i}`, t]),
  ];
  for (const [where, template] of all) check(`report.${where}`, template, inspectionNames);
  check('report.quote.format', r.quote.format, new Set(['intro', 'quote']));
  if (r.phrasebook && !PhrasebookRegistry.builtIn().get(r.phrasebook)) problems.push(`report.phrasebook: unknown phrasebook "${r.phrasebook}"`);
  return problems;
}

function normaliseName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}
