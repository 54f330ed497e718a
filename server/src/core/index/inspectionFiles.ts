/**
 * Which of several inspection files in one folder is the folder's inspection, by their file names:
 * `inspection.sqs.yaml`, then `inspection.sqs.yml`, then the other spellings fileKindOf accepts
 * (`Inspection.SQS.yaml`, …) in code-unit order. A rule of the names alone, so the index and the look-ups
 * on disk (the server's and the CLI's) pick the same file whatever order they meet them in.
 */
export function compareInspectionNames(a: string, b: string): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The preferred one among the names of inspection files in one folder. */
export function preferredInspectionName(names: readonly string[]): string | undefined {
  return [...names].sort(compareInspectionNames)[0];
}

function rank(name: string): number {
  return name === 'inspection.sqs.yaml' ? 0 : name === 'inspection.sqs.yml' ? 1 : 2;
}
