// The `npm start` demo, loaded as `npm start` loads it, looks like a real city to the people who
// read its overview: a minority of judged rows in breach, a few dozen breaches in all, a few hot
// spots that stand out, alerts for a minority, and ranks that fit ages and years of work.
import { beforeAll, describe, expect, it } from 'vitest';
import { ageAt, toIso } from '../../domain/dates.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { loadDemoIfEmpty } from '../../server/startup.ts';
import { gqlOk } from '../helpers/graphql.ts';

interface Total {
  rule: string;
  units: number;
  breaches: number;
  warnings: number;
}

describe('the demo a newcomer sees', { timeout: 120_000 }, () => {
  let root: string;
  beforeAll(async () => {
    await loadDemoIfEmpty(db, dbConfig);
    root = (await db.unit.findFirstOrThrow({ where: { parentCode: null } })).code;
  }, 120_000);

  it('has a few dozen judged breaches, a minority of judged rows, concentrated in a few units', async () => {
    const { complianceReport } = await gqlOk<{
      complianceReport: { totals: Total[]; worstUnits: { unitCode: string; breaches: number }[] };
    }>(
      `query($u: String!) { complianceReport(unitCode: $u) {
        totals { rule units breaches warnings } worstUnits(first: 1000) { unitCode breaches } } }`,
      { u: root },
    );
    const judged = complianceReport.totals.reduce((n, t) => n + t.units, 0);
    const breaches = complianceReport.totals.reduce((n, t) => n + t.breaches, 0);
    expect(judged).toBeGreaterThan(1000);
    expect(breaches).toBeGreaterThanOrEqual(10);
    expect(breaches).toBeLessThanOrEqual(120);
    expect(breaches / judged).toBeLessThanOrEqual(0.3);
    // Hot spots: the ten worst units hold at least a third of all breaches.
    const worst = complianceReport.worstUnits.filter((u) => u.breaches > 0);
    const top = worst.slice(0, 10).reduce((n, u) => n + u.breaches, 0);
    expect(top / breaches).toBeGreaterThanOrEqual(1 / 3);
    // Most teams meet their ratios.
    for (const rule of ['RATIO_PRINCIPAL', 'RATIO_DEPUTY']) {
      const t = complianceReport.totals.find((x) => x.rule === rule)!;
      expect({ rule, share: t.breaches / t.units < 0.1 }).toEqual({ rule, share: true });
    }
  });

  it('flags a minority of the pool for a decision', async () => {
    const { reserveAlerts, poolStructure } = await gqlOk<{
      reserveAlerts: { total: number };
      poolStructure: { total: number };
    }>(`query($u: String!) { reserveAlerts(unitCode: $u, first: 0) { total } poolStructure(unitCode: $u) { total } }`, {
      u: root,
    });
    expect(reserveAlerts.total / poolStructure.total).toBeLessThan(0.35);
  });

  it('gives nobody a rank above what age and years of work allow, and starts work before the pool', async () => {
    const today = toIso(new Date());
    const people = await db.person.findMany({ select: { birthDate: true, workStart: true, rank: true } });
    // The floors a real cadre system keeps (a rank's youngest plausible age and years of work).
    const floor: Record<string, [number, number]> = {
      BUREAU_PRINCIPAL: [40, 18],
      BUREAU_DEPUTY: [36, 14],
      DIVISION_PRINCIPAL: [32, 10],
      DIVISION_DEPUTY: [29, 7],
      SECTION_PRINCIPAL: [26, 4],
    };
    const wrong = people.filter((p) => {
      const f = floor[p.rank];
      if (!f) return false;
      return ageAt(toIso(p.birthDate), today) < f[0] || ageAt(toIso(p.workStart), today) < f[1];
    });
    expect(wrong.length).toBe(0);
    const entries = await db.reserveEntry.findMany({
      where: { enteredOn: { not: null } },
      select: { enteredOn: true, person: { select: { workStart: true } } },
    });
    expect(entries.filter((e) => e.person.workStart >= e.enteredOn!).length).toBe(0);
  });

  it('titles posts as real posts and writes histories in Chinese', async () => {
    const titles = new Set((await db.position.findMany({ select: { title: true } })).map((p) => p.title));
    for (const generic of ['主要负责人', '副职']) expect(titles.has(generic)).toBe(false);
    expect([...titles].some((t) => t.endsWith('县长') || t.endsWith('区长'))).toBe(true);
    const history = await db.reserveStatusChange.findFirstOrThrow({ select: { actor: true, reason: true } });
    expect(`${history.actor}${history.reason ?? ''}`).toMatch(/^[\u4e00-\u9fa5（）]+$/);
  });
});
