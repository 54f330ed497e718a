import type { Checker, FindingsOptions } from '../checks/checker';
import type { Inspection } from '../index/inspectionIndex';
import { compareShares, type Comparison } from '../report/figuresTable';

/**
 * This inspection against others, for the figures table and the hover, when the inspector asks (`sqs render
 * --compare`, the editor's `sqs.compare.folders`): the others' mean share sufficient per question, over those on
 * the same criteria with no errors (their figures cannot be vouched for; `# sqs-ignore` silences as it does in
 * `sqs check`) and, per question, at least one relevant case.
 */
export function comparisonFor(inspection: Inspection, others: Iterable<Inspection>, checker: Checker, options: FindingsOptions = {}): Comparison {
  const sound = [...others].filter(
    (o) =>
      o.folder !== inspection.folder &&
      o.catalogue.id === inspection.catalogue.id &&
      !o.uris.some((uri) => checker.findingsFor(uri, options).some((f) => f.severity === 'error' && !f.ignored)),
  );
  return compareShares(inspection, sound);
}
