import { describe, expect, it } from 'vitest';
import { addYears, ageAt } from '../../domain/dates.ts';
import { rankBelow } from '../../domain/eligibility.ts';
import type { Rank } from '../../domain/enums.ts';
import { DEFAULT_POLICY } from '../../domain/policy/defaults.ts';
import { noticeEnds, tallyRound } from '../../domain/procedure.ts';
import type { DatasetRecord } from '../../server/dataset/format.ts';
import { generateDataset, generateProcedure } from '../../server/dataset/synthetic.ts';
import { datasetText } from '../fixtures/small.ts';
import { referenceGaps } from '../reference/metrics.ts';

describe('the synthetic data generator', () => {
  const city = generateDataset({ scale: 'city', seed: 3 });

  it('is deterministic for a seed and differs between seeds', () => {
    const county = datasetText(generateDataset({ scale: 'county', seed: 42 }));
    expect(datasetText(generateDataset({ scale: 'county', seed: 42 }))).toBe(county);
    expect(datasetText(generateDataset({ scale: 'county', seed: 43 }))).not.toBe(county);
  });

  it('has about the head count of its scale and a tree several levels deep', () => {
    expect(city.people.length).toBeGreaterThan(18_000);
    expect(city.people.length).toBeLessThan(22_000);
    const depth = Math.max(...city.units.map((u) => (u.code as string).split('-').length - 1));
    expect(depth).toBeGreaterThanOrEqual(3);
    expect(new Set(city.units.map((u) => u.level))).toEqual(
      new Set(['CITY', 'DEPARTMENT', 'COUNTY', 'TOWNSHIP', 'VILLAGE']),
    );
  });

  it('has plausible proportions of women, minorities, non-CPC members and education', () => {
    const share = (pred: (p: (typeof city.people)[number]) => boolean) =>
      city.people.filter(pred).length / city.people.length;
    expect(share((p) => p.gender === 'F')).toBeGreaterThan(0.2);
    expect(share((p) => p.gender === 'F')).toBeLessThan(0.4);
    expect(share((p) => p.ethnicity !== '汉族')).toBeGreaterThan(0.04);
    expect(share((p) => p.ethnicity !== '汉族')).toBeLessThan(0.15);
    expect(share((p) => p.politicalStatus !== 'CPC')).toBeGreaterThan(0.1);
    expect(share((p) => ['BACHELOR', 'MASTER', 'DOCTORATE'].includes(p.education as string))).toBeGreaterThan(0.6);
  });

  it('has incumbents near retirement, vacancies, and units both over and under their reserve quota', () => {
    const people = new Map(city.people.map((p) => [p.id, p]));
    const incumbents = city.positions.filter((p) => p.incumbentId).map((p) => people.get(p.incumbentId as string)!);
    expect(incumbents.filter((p) => ageAt(p.birthDate as string, '2026-07-01') >= 58).length).toBeGreaterThan(100);
    expect(city.positions.some((p) => p.incumbentId === null)).toBe(true);
    const slots = new Map<string, number>();
    for (const p of city.positions)
      if (p.kind === 'PRINCIPAL') slots.set(p.unitCode as string, (slots.get(p.unitCode as string) ?? 0) + 1);
    const active = new Map<string, number>();
    for (const r of city.reserves) {
      if (r.status === 'ACTIVE' && r.targetKind === 'PRINCIPAL')
        active.set(r.unitCode as string, (active.get(r.unitCode as string) ?? 0) + 1);
    }
    const ratios = [...slots].map(([unit, n]) => (active.get(unit) ?? 0) / (2 * n));
    expect(ratios.filter((r) => r < 1).length).toBeGreaterThan(5);
    expect(ratios.filter((r) => r > 1).length).toBeGreaterThan(50);
  });

  it('keeps one open entry per person and every reference inside the dataset', () => {
    const open = city.reserves.filter((r) =>
      ['NOMINATED', 'INSPECTING', 'PUBLICIZING', 'ACTIVE'].includes(r.status as string),
    );
    expect(new Set(open.map((r) => r.personId)).size).toBe(open.length);
    const units = new Set(city.units.map((u) => u.code));
    expect(city.people.every((p) => units.has(p.unitCode))).toBe(true);
    expect(city.trainings.length).toBeGreaterThan(10_000);
    expect(city.assessments.length).toBeGreaterThan(5_000);
  });

  // What a reader of the data would check first: ranks against age and years of work, names, titles.
  const REF = '2026-07-01';
  const people = new Map(city.people.map((p) => [p.id as string, p]));
  const personOf = (r: DatasetRecord) => people.get(r.personId as string)!;
  const active = city.reserves.filter((r) => r.status === 'ACTIVE');
  // The youngest age and the fewest years of work for each rank: nobody 正处 before 35 or 12 years of work.
  const FLOOR: Record<Rank, [number, number]> = {
    BUREAU_PRINCIPAL: [42, 18],
    BUREAU_DEPUTY: [38, 15],
    DIVISION_PRINCIPAL: [35, 12],
    DIVISION_DEPUTY: [31, 9],
    SECTION_PRINCIPAL: [28, 6],
    SECTION_DEPUTY: [25, 3],
    MIDDLE_PRINCIPAL: [28, 6],
    MIDDLE_DEPUTY: [25, 3],
    VILLAGE_CADRE: [20, 1],
    STAFF: [18, 0],
  };

  it('gives nobody a rank above what age and years of work allow, and dates that follow each other', () => {
    const bad = city.people.filter((p) => {
      const [age, work] = FLOOR[p.rank as Rank];
      const since = p.rankSince as string | null;
      const startAge = ageAt(p.birthDate as string, p.workStart as string);
      return (
        ageAt(p.birthDate as string, REF) < age ||
        addYears(p.workStart as string, work) > REF ||
        startAge < 17 ||
        startAge > 29 ||
        (since !== null && (since < (p.workStart as string) || since > REF))
      );
    });
    expect(bad.map((p) => p.id)).toEqual([]);
  });

  it('nominates only people who had worked 3 years, were within the age limit, had a full-time degree at 35 or under and, for a principal reserve, held the rank just below 2 years', () => {
    const bad = city.reserves.filter((r) => {
      const p = personOf(r);
      const on = r.nominatedOn as string;
      return (
        addYears(p.workStart as string, 3) > on ||
        ageAt(p.birthDate as string, on) > (r.targetKind === 'PRINCIPAL' ? 45 : 40) ||
        // 35 or under (以下 includes 35): a full-time bachelor's degree or above (but for the
        // hot county's 大专 village reserves the bachelor-share rule is to catch).
        (ageAt(p.birthDate as string, on) <= 35 &&
          p.education !== 'ASSOCIATE' &&
          !['BACHELOR', 'MASTER', 'DOCTORATE'].includes((p.fullTimeEducation as string | null) ?? '')) ||
        (r.enteredOn !== null && (r.enteredOn as string) < on)
      );
    });
    expect(bad.map((r) => r.id)).toEqual([]);
    // A reserve's current rank fits the team: a principal reserve the rank just below the
    // team's principal post, held 2 years at nomination; a deputy reserve the ranks below that.
    const DEPUTY_RANKS: Partial<Record<Rank, Rank[]>> = {
      BUREAU_DEPUTY: ['DIVISION_PRINCIPAL', 'DIVISION_DEPUTY'],
      DIVISION_DEPUTY: ['SECTION_PRINCIPAL', 'SECTION_DEPUTY'],
      SECTION_DEPUTY: ['SECTION_DEPUTY', 'STAFF'],
      MIDDLE_DEPUTY: ['MIDDLE_DEPUTY', 'STAFF'],
      VILLAGE_CADRE: ['STAFF'],
    };
    const open = city.reserves.filter((r) =>
      ['NOMINATED', 'INSPECTING', 'PUBLICIZING', 'ACTIVE'].includes(r.status as string),
    );
    const misfits = open.filter((r) => {
      const p = personOf(r);
      if (r.targetKind === 'DEPUTY') return !DEPUTY_RANKS[r.targetRank as Rank]!.includes(p.rank as Rank);
      return (
        p.rank !== rankBelow(r.targetRank as Rank) ||
        p.rankSince === null ||
        addYears(p.rankSince as string, 2) > (r.nominatedOn as string)
      );
    });
    expect(misfits.map((r) => r.id)).toEqual([]);
    // The city's own principal reserves are 副厅.
    const cityPrincipal = active.filter((r) => r.unitCode === 'C01' && r.targetKind === 'PRINCIPAL');
    expect(cityPrincipal.length).toBeGreaterThanOrEqual(4);
    expect(new Set(cityPrincipal.map((r) => personOf(r).rank))).toEqual(new Set(['BUREAU_DEPUTY']));
  });

  it('names every unit differently from its siblings, and gives posts the titles of their team', () => {
    const seen = new Set<string>();
    const repeated = city.units.filter((u) => {
      const key = `${u.parentCode}|${u.name}`;
      const again = seen.has(key);
      seen.add(key);
      return again;
    });
    expect(repeated.map((u) => u.code)).toEqual([]);
    const level = new Map(city.units.map((u) => [u.code as string, u.level as string]));
    const TITLE: Record<string, RegExp> = {
      CITY: /^(市委(副)?书记|(常务)?副?市长|市委常委、.+)$/,
      COUNTY: /^([县区]委(副)?书记|(常务)?副?[县区]长|[县区]委常委、.+)$/,
      TOWNSHIP: /^(副?[镇乡]|街道|[镇乡]党委|[镇乡]纪委|[镇乡]人民武装部)/,
      VILLAGE: /^(村|社区|居)/,
      DEPARTMENT: /(长|主任|书记|总经理|董事长|政委)$/,
    };
    const wrong = city.positions.filter((p) => !TITLE[level.get(p.unitCode as string)!]!.test(p.title as string));
    expect(wrong.map((p) => `${p.code} ${p.title}`)).toEqual([]);
    expect(city.positions.filter((p) => p.kind === 'PRINCIPAL' && /^副/.test(p.title as string))).toEqual([]);
    expect(
      city.positions.filter((p) => p.kind === 'DEPUTY' && !/副|委员|纪.?委书记|部长|主任/.test(p.title as string)),
    ).toEqual([]);
  });

  it('meets the reserve ratios in nearly every team and misses them in a few (the hot spots)', () => {
    const posts = new Map<string, number>();
    for (const p of city.positions)
      posts.set(`${p.unitCode}|${p.kind}`, (posts.get(`${p.unitCode}|${p.kind}`) ?? 0) + 1);
    const reserves = new Map<string, number>();
    for (const r of active)
      reserves.set(`${r.unitCode}|${r.targetKind}`, (reserves.get(`${r.unitCode}|${r.targetKind}`) ?? 0) + 1);
    const met = [...posts].filter(
      ([key, n]) => (reserves.get(key) ?? 0) >= Math.ceil((key.endsWith('PRINCIPAL') ? 2 : 1) * n),
    );
    const share = met.length / posts.size;
    expect(share).toBeGreaterThan(0.95);
    expect(share).toBeLessThan(0.995);
  });

  it('gives most teams with a post falling vacant within the year a ready reserve, and a few none', () => {
    const gaps = referenceGaps(city, 'C01', REF, 1);
    const falling = gaps.rows.filter((r) => r.expectedVacancies > 0);
    // Some teams, not every team, lose a leader within the year.
    expect(falling.length / gaps.rows.length).toBeGreaterThan(0.1);
    expect(falling.length / gaps.rows.length).toBeLessThan(0.5);
    const covered = falling.filter((r) => r.gap === 0).length / falling.length;
    expect(covered).toBeGreaterThan(0.9);
    expect(covered).toBeLessThan(1);
  });

  it('gives most active entries two mentors and the year’s talks, the last complete year’s trainings, and a few an age over the limit', () => {
    const mentors = new Map<string, number>();
    for (const m of city.mentors) mentors.set(m.reserveId as string, (mentors.get(m.reserveId as string) ?? 0) + 1);
    expect(active.filter((r) => mentors.get(r.id as string) === 2).length / active.length).toBeGreaterThan(0.8);
    const yearAgo = addYears(REF, -1);
    const talks = new Map<string, { LEADERSHIP: number; HR: number }>();
    for (const t of city.talks) {
      if ((t.on as string) <= yearAgo || (t.on as string) > REF) continue;
      const n = talks.get(t.reserveId as string) ?? { LEADERSHIP: 0, HR: 0 };
      n[t.kind as 'LEADERSHIP' | 'HR']++;
      talks.set(t.reserveId as string, n);
    }
    const talked = active.filter(
      (r) => (talks.get(r.id as string)?.LEADERSHIP ?? 0) >= 1 && (talks.get(r.id as string)?.HR ?? 0) >= 2,
    );
    expect(talked.length / active.length).toBeGreaterThan(0.8);
    expect(talked.length).toBeLessThan(active.length);
    // Covered in 2025: ≥ 2 completed centralized trainings of ≥ 3 days in all, for those in the pool on 31 December.
    const central = new Map<string, { n: number; days: number }>();
    for (const t of city.trainings) {
      if (
        !t.completed ||
        !(t.start as string).startsWith('2025') ||
        !['CENTRALIZED', 'PARTY_SCHOOL', 'ASSIGNED'].includes(t.kind as string)
      )
        continue;
      const c = central.get(t.personId as string) ?? { n: 0, days: 0 };
      c.n++;
      c.days += t.days as number;
      central.set(t.personId as string, c);
    }
    const yearEnd = city.reserves.filter(
      (r) =>
        r.enteredOn !== null &&
        (r.enteredOn as string) <= '2025-12-31' &&
        (r.exitedOn === null || (r.exitedOn as string) > '2025-12-31'),
    );
    const covered = yearEnd.filter(
      (r) => (central.get(r.personId as string)?.n ?? 0) >= 2 && central.get(r.personId as string)!.days >= 3,
    );
    expect(covered.length / yearEnd.length).toBeGreaterThan(0.9);
    const over = active.filter(
      (r) => ageAt(personOf(r).birthDate as string, REF) > (r.targetKind === 'PRINCIPAL' ? 45 : 40),
    );
    expect(over.length).toBeGreaterThan(0);
    expect(over.length / active.length).toBeLessThan(0.1);
  });

  it('gives every entry in procedure the records its state implies, and steps in order', () => {
    const procedure = generateProcedure(city, { seed: 3 });
    expect(generateProcedure(city, { seed: 3 })).toEqual(procedure);
    const of = <T extends { reserveId: string }>(xs: T[], r: DatasetRecord) => xs.filter((x) => x.reserveId === r.id);
    const byStatus = (s: string) => city.reserves.filter((r) => r.status === s);
    expect(byStatus('PUBLICIZING').length).toBeGreaterThan(10);
    expect(byStatus('INSPECTING').length).toBeGreaterThan(10);
    const passed = (r: DatasetRecord, by: string) =>
      of(procedure.rounds, r).some(
        (x) =>
          x.heldOn <= by &&
          tallyRound(x.tallies, DEFAULT_POLICY.recommendation).passed &&
          x.heldOn >= (r.nominatedOn as string),
      );
    for (const r of byStatus('PUBLICIZING')) {
      // A notice whose window covers the reference date, after a concluded FIT inspection.
      const [notice, ...more] = of(procedure.notices, r);
      expect(more).toEqual([]);
      expect(notice!.startsOn <= REF && REF <= notice!.endsOn).toBe(true);
      expect(notice!.endsOn).toBe(noticeEnds(notice!.startsOn, DEFAULT_POLICY.publicityDays));
      const fit = of(procedure.inspections, r).filter((i) => i.verdict === 'FIT' && i.concludedOn! < notice!.startsOn);
      expect(fit).toHaveLength(1);
      if (r.source === 'DEMOCRATIC_RECOMMENDATION') expect(passed(r, fit[0]!.startedOn)).toBe(true);
      expect(of(procedure.steps, r).map((s) => s.to)).toEqual(['NOMINATED', 'INSPECTING', 'PUBLICIZING']);
    }
    for (const r of byStatus('INSPECTING')) {
      const [inspection, ...more] = of(procedure.inspections, r);
      expect(more).toEqual([]);
      expect(inspection!.startedOn > (r.nominatedOn as string) && inspection!.startedOn <= REF).toBe(true);
      expect(inspection!.verdict === null || (inspection!.verdict === 'FIT' && inspection!.concludedOn! <= REF)).toBe(
        true,
      );
      if (r.source === 'DEMOCRATIC_RECOMMENDATION') expect(passed(r, inspection!.startedOn)).toBe(true);
    }
    for (const r of byStatus('REJECTED')) {
      const steps = of(procedure.steps, r);
      expect(steps.at(-1)).toMatchObject({ to: 'REJECTED', on: r.exitedOn, reason: r.exitReason });
      const unfit = of(procedure.inspections, r).some((i) => i.verdict === 'UNFIT');
      const failed = of(procedure.rounds, r).some((x) => !tallyRound(x.tallies, DEFAULT_POLICY.recommendation).passed);
      expect(unfit || failed).toBe(true);
    }
    // Nothing for a nominated entry; every step dated on or after the one before, none after the date.
    expect(procedure.steps.filter((s) => byStatus('NOMINATED').some((r) => r.id === s.reserveId))).toEqual([]);
    const last = new Map<string, string>();
    for (const s of procedure.steps) {
      expect(s.on >= (last.get(s.reserveId) ?? '') && s.on <= REF).toBe(true);
      last.set(s.reserveId, s.on);
    }
  });
});
