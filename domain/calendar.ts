// Working days (domain rules, "Appointments"): 任前公示 runs for a number of *working* days
// (「公示时间不少于5个工作日」), so the notice of an appointment needs China's calendar — weekends
// off, public holidays off, and the weekend days the State Council's notice makes working days
// (调休). The calendar is data (policy `calendar`, defaults below for 2024–2027, editable as any
// policy version); the arithmetic is here. Dates are ISO strings.
import { addDays } from './dates.ts';

export interface WorkCalendar {
  /** Weekdays off: public holidays and the days added to them. */
  holidays: string[];
  /** Weekend days worked (调休). */
  workdays: string[];
}

/** Inclusive ISO ranges, expanded: ['2024-02-10', '2024-02-17'] → eight dates. */
function days(...ranges: [string, string][]): string[] {
  const out: string[] = [];
  for (const [from, to] of ranges) for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * The State Council's holiday arrangements (国务院办公厅关于部分节假日安排的通知) for 2024, 2025 and
 * 2026; for 2027, not yet published when this was written, the statutory days alone
 * (元旦 1, 春节 4 from New Year's Eve, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3 — 「全体公民放假的节日」)
 * without 调休, to be replaced by the published arrangement through a policy version.
 */
export const CHINA_CALENDAR: WorkCalendar = {
  holidays: [
    // 2024
    ...days(
      ['2024-01-01', '2024-01-01'],
      ['2024-02-10', '2024-02-17'],
      ['2024-04-04', '2024-04-06'],
      ['2024-05-01', '2024-05-05'],
      ['2024-06-10', '2024-06-10'],
      ['2024-09-15', '2024-09-17'],
      ['2024-10-01', '2024-10-07'],
    ),
    // 2025
    ...days(
      ['2025-01-01', '2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ),
    // 2026
    ...days(
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ),
    // 2027 (statutory days only; see above)
    ...days(
      ['2027-01-01', '2027-01-01'],
      ['2027-02-05', '2027-02-08'],
      ['2027-04-05', '2027-04-05'],
      ['2027-05-01', '2027-05-02'],
      ['2027-06-09', '2027-06-09'],
      ['2027-09-15', '2027-09-15'],
      ['2027-10-01', '2027-10-03'],
    ),
  ],
  workdays: [
    // 2024
    '2024-02-04',
    '2024-02-18',
    '2024-04-07',
    '2024-04-28',
    '2024-05-11',
    '2024-09-14',
    '2024-09-29',
    '2024-10-12',
    // 2025
    '2025-01-26',
    '2025-02-08',
    '2025-04-27',
    '2025-09-28',
    '2025-10-11',
    // 2026
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ],
};

/** Day of the week of an ISO date, 0 = Sunday … 6 = Saturday. */
function weekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/** A working day: a weekday that is not a holiday, or a weekend day worked. */
export function isWorkingDay(iso: string, cal: WorkCalendar): boolean {
  if (cal.workdays.includes(iso)) return true;
  if (cal.holidays.includes(iso)) return false;
  const d = weekday(iso);
  return d !== 0 && d !== 6;
}

/**
 * The last day of a period of `n` working days starting on `start` (the start counted when it is
 * a working day; otherwise counting begins with the next working day).
 */
export function workingDaysEnd(start: string, n: number, cal: WorkCalendar): string {
  if (n <= 0) return start;
  let d = start;
  let counted = isWorkingDay(d, cal) ? 1 : 0;
  while (counted < n) {
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) counted++;
  }
  return d;
}

/** The working days from `from` to `to`, both included. */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d, cal)) n++;
  return n;
}
