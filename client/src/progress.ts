// How far an inspection has got, in the words of the status item.

/**
 * "33/34 cases judged": judged case files out of the case files present, so the fraction is always true;
 * a stated sample that differs is named apart ("34/34 cases judged (sample 35)") rather than becoming the
 * denominator.
 */
export function progressText(p: { casesJudged: number; cases: number; sample?: number | undefined }): string {
  const text = `${p.casesJudged}/${p.cases} case${p.cases === 1 ? '' : 's'} judged`;
  return p.sample === undefined || p.sample === p.cases ? text : `${text} (sample ${p.sample})`;
}
