import { describe, expect, it } from 'vitest';
import { addYears, ageAt, isIsoDate, lastCompleteQuarter } from '../../domain/dates.ts';

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate('2025-01-01T00:00:00Z')).toBe(false);
  });

  it('counts whole years of age, the birthday itself included', () => {
    expect(ageAt('1986-02-28', '2026-02-28')).toBe(40);
    expect(ageAt('1986-02-28', '2026-02-27')).toBe(39);
    expect(ageAt('1986-12-31', '2026-12-31')).toBe(40);
    expect(ageAt('1987-01-01', '2026-12-31')).toBe(39);
  });

  it('adds years, landing 29 February on 28 February in a common year', () => {
    expect(addYears('2025-01-10', 3)).toBe('2028-01-10');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2026-11-21', -45)).toBe('1981-11-21');
  });

  it('names the last complete quarter: the one a quarter’s last day closes, else the one before', () => {
    expect(lastCompleteQuarter('2026-12-06')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(lastCompleteQuarter('2026-09-30')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(lastCompleteQuarter('2026-09-29')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(lastCompleteQuarter('2026-12-31')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    // Into the year before: January to March closes nothing of its own year until 31 March.
    expect(lastCompleteQuarter('2027-02-14')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(lastCompleteQuarter('2027-03-31')).toEqual({ from: '2027-01-01', to: '2027-03-31' });
    expect(lastCompleteQuarter('2026-04-01')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });
});
