import { describe, expect, it } from 'vitest';
import { addYears, ageAt, isIsoDate } from '../../domain/dates.ts';

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
});
