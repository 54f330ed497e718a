import type { Question } from './catalogue';

/**
 * A question as the report and inspectors name it: "1.2" for a criterion with one question, "1.1 oversight"
 * when the criterion has several. Findings, hovers and the report's own warnings all say it this way.
 */
export function questionName(q: Question): string {
  return q.criterion.questions.length > 1 ? `${q.criterion.id} ${q.key}` : q.criterion.id;
}
