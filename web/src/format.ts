// How a figure is written, the same on every page, export and printout: a count as a whole
// number, a share as a percentage with one decimal, a reserve-to-post ratio as "1:2".
export const number = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
export const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A compliance figure of `rule`: ratios as 1:x (posts to reserves), shares as %, counts as numbers. */
export function ruleFigure(
  rule: string,
  r: { denominator: number | null },
  x: number,
  part: 'value' | 'gap' = 'value',
) {
  if (r.denominator === null) return number(x);
  if (rule.startsWith('RATIO_')) return part === 'gap' ? number(x) : `1:${number(x)}`;
  return percent(x);
}

/** The tag colour of a request sent up, by its status (报批备案). */
export const FILING_COLORS: Record<string, string> = {
  PENDING: 'orange',
  ACKNOWLEDGED: 'blue',
  APPROVED: 'green',
  RETURNED: 'red',
  WITHDRAWN: 'default',
};
