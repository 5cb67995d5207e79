import { describe, expect, it } from 'vitest';
import { ageAt } from '../../domain/dates.ts';
import { generateDataset } from '../../server/dataset/synthetic.ts';
import { datasetText } from '../fixtures/small.ts';

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
    expect(ratios.filter((r) => r < 1).length).toBeGreaterThan(50);
    expect(ratios.filter((r) => r > 1).length).toBeGreaterThan(20);
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
});
