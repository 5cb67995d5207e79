// The compliance report does its date arithmetic on yyyymmdd integers (analytics/dialect.ts).
// Each engine's SQL must agree with the plain date functions of domain/dates.ts on the
// awkward days: 29 February, the day before and after a birthday, the turn of the year.
import { describe, expect, it } from 'vitest';
import { copyEngine, type Engine } from '../../analytics/compliance/report.ts';
import { addYearsYmd, yearsBetween } from '../../analytics/dialect.ts';
import { operationalEngine } from '../../analytics/operational.ts';
import { addYears, ageAt, ymdNumber } from '../../domain/dates.ts';
import { analytics } from '../../server/analytics.ts';
import { dbConfig } from '../../server/db/client.ts';
import { openRaw } from '../../server/db/raw.ts';

const BIRTHS = ['2000-02-29', '1999-02-28', '1999-03-01', '1990-12-31', '1991-01-01', '1986-07-01', '1986-07-02'];
const DATES = ['2027-02-28', '2028-02-28', '2028-02-29', '2027-03-01', '2026-12-31', '2027-01-01', '2026-07-01'];
const ENTRIES = ['2024-02-29', '2023-02-28', '2025-12-31', '2026-01-01', '2023-07-01'];

async function compute(engine: Engine) {
  const d = engine.dialect;
  const ages: number[] = [];
  for (const b of BIRTHS)
    for (const at of DATES) {
      const [row] = await engine.query(`SELECT ${yearsBetween(d, d.int('$b'), d.int('$at'))} AS v`, {
        b: ymdNumber(b),
        at: ymdNumber(at),
      });
      ages.push(Number(row!.v));
    }
  const sums: number[] = [];
  for (const e of ENTRIES)
    for (const n of [1, 3, 4, -1]) {
      const [row] = await engine.query(`SELECT ${addYearsYmd(d, d.int('$e'), d.int('$n'))} AS v`, {
        e: ymdNumber(e),
        n,
      });
      sums.push(Number(row!.v));
    }
  return { ages, sums };
}

describe('yyyymmdd date arithmetic', () => {
  // The plain implementation: whole years, a birthday on the date counting (born 2000-02-29: 26 on
  // 2027-02-28, 27 on 2028-02-28, 28 on 2028-02-29); 29 February plus a year is 28 February
  // (2024-02-29 + 1 = 2025-02-28, + 3 = 2027-02-28, + 4 = 2028-02-29).
  const expected = {
    ages: BIRTHS.flatMap((b) => DATES.map((at) => ageAt(b, at))),
    sums: ENTRIES.flatMap((e) => [1, 3, 4, -1].map((n) => ymdNumber(addYears(e, n)))),
  };

  it('agrees with the plain implementation on DuckDB', async () => {
    expect(expected.ages.slice(0, 3)).toEqual([26, 27, 28]);
    expect(expected.sums.slice(0, 4)).toEqual([20250228, 20270228, 20280229, 20230228]);
    expect(await compute(copyEngine(await analytics()))).toEqual(expected);
  });

  it(`agrees with the plain implementation on the operational database (${dbConfig.provider})`, async () => {
    const reader = await openRaw(dbConfig);
    try {
      expect(await compute(await operationalEngine(reader))).toEqual(expected);
    } finally {
      await reader.close();
    }
  });
});
