// Calendar dates. The domain's dates have no time of day: they travel as `YYYY-MM-DD` strings
// and are stored as midnight UTC (`@db.Date` on PostgreSQL).

/** The dates the service accepts: wide enough for any birth date and horizon, and every date in it prints as YYYY-MM-DD. */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2100-12-31';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

export function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function toIsoOrNull(date: Date | null): string | null {
  return date === null ? null : toIso(date);
}

/** Today in UTC as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  return toIso(now);
}

/** `iso` plus whole years; 29 February lands on 28 February in a common year. */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = y + years;
  const last = new Date(Date.UTC(target, m, 0)).getUTCDate();
  return `${String(target).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** `iso` plus whole days (negative: earlier). */
export function addDays(iso: string, days: number): string {
  return toIso(new Date(toDate(iso).getTime() + days * 86_400_000));
}

/** Whole years from `birth` to `at` (both `YYYY-MM-DD`). */
export function ageAt(birth: string, at: string): number {
  const by = Number(birth.slice(0, 4));
  const ay = Number(at.slice(0, 4));
  return ay - by - (at.slice(5) < birth.slice(5) ? 1 : 0);
}

/** `2026-07-01` → 20260701: the integer form of a date the analytical copy keeps (analytics/dialect.ts). */
export function ymdNumber(iso: string): number {
  return Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}

/** 20260701 → `2026-07-01`. */
export function isoFromYmd(ymd: number): string {
  const y = Math.floor(ymd / 10000);
  const m = Math.floor(ymd / 100) % 100;
  const d = ymd % 100;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The last calendar quarter complete on `iso`: the quarter `iso` closes when it is a quarter's
 * last day (31 March, 30 June, 30 September, 31 December), else the one before it.
 */
export function lastCompleteQuarter(iso: string): { from: string; to: string } {
  const [y, m] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
  const closes = addDays(iso, 1).slice(5, 7) !== iso.slice(5, 7) && m % 3 === 0;
  // Quarters counted from year 0: the one `iso` falls in, or the one before.
  const q = y * 4 + Math.floor((m - 1) / 3) - (closes ? 0 : 1);
  const year = Math.floor(q / 4);
  const first = (q % 4) * 3 + 1;
  const from = `${String(year).padStart(4, '0')}-${String(first).padStart(2, '0')}-01`;
  const next =
    first === 10
      ? `${String(year + 1).padStart(4, '0')}-01-01`
      : `${String(year).padStart(4, '0')}-${String(first + 3).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1) };
}
