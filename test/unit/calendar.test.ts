// Working days on China's calendar, by hand: weekends off, the State Council's holidays off, the
// weekend days it makes working days (调休) worked.
import { describe, expect, it } from 'vitest';
import { CHINA_CALENDAR, isWorkingDay, workingDaysBetween, workingDaysEnd } from '../../domain/calendar.ts';

const cal = CHINA_CALENDAR;

describe('the working-day calendar', () => {
  it('knows weekdays, weekends, holidays and the weekend days worked', () => {
    expect(isWorkingDay('2026-11-02', cal)).toBe(true); // a Monday
    expect(isWorkingDay('2026-11-07', cal)).toBe(false); // a Saturday
    expect(isWorkingDay('2026-10-05', cal)).toBe(false); // 国庆, a Monday
    expect(isWorkingDay('2026-10-10', cal)).toBe(true); // a Saturday worked (调休)
    expect(isWorkingDay('2026-02-14', cal)).toBe(true); // the Saturday before 春节, worked
    expect(isWorkingDay('2026-02-16', cal)).toBe(false); // 春节, a Monday
  });

  it('ends a 5-working-day notice across the Spring Festival and National Day', () => {
    // From Thursday 2026-02-12: Thu 12 (1), Fri 13 (2), Sat 14 worked (3); 15–23 春节 off;
    // Tue 24 (4), Wed 25 (5).
    expect(workingDaysEnd('2026-02-12', 5, cal)).toBe('2026-02-25');
    // From Saturday 2026-10-03, a holiday: counting starts on Thu 10-08 (1), Fri 09 (2), Sat 10
    // worked (3), Mon 12 (4), Tue 13 (5).
    expect(workingDaysEnd('2026-10-03', 5, cal)).toBe('2026-10-13');
    // An ordinary week: Monday to Friday.
    expect(workingDaysEnd('2026-11-02', 5, cal)).toBe('2026-11-06');
    expect(workingDaysEnd('2026-11-02', 0, cal)).toBe('2026-11-02');
  });

  it('counts working days in a span', () => {
    // 2026-09-18 Fri (1), 20 Sun worked (2), 21–24 Mon–Thu (6), 25 中秋, 26–27 off.
    expect(workingDaysBetween('2026-09-18', '2026-09-27', cal)).toBe(6);
    // 2025: 365 days − 104 weekend days − 18 holiday weekdays (元旦 1, 春节 6, 清明 1, 劳动节 3,
    // 端午 1, 国庆中秋 6) + 5 weekend days worked = 248.
    expect(workingDaysBetween('2025-01-01', '2025-12-31', cal)).toBe(248);
  });
});
