import {
  catalogueSchema,
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
            if (r.notDone && q.kind !== 'review') {
              problems.push(`${criterion.id}/${q.key}: reason ${r.code} is marked notDone on a question that is not a review`);
            }
          }
        }
      }
    }
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

function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}
