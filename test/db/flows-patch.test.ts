// Planning's flow groups after a change (analytics/planning/flows.ts): an answer kept for an earlier
// data version is brought up to date by reading again only the changed units' groups. The patched
// groups must equal the groups read whole, in the same order (a Monte Carlo run deals units by
// position, so the same seed must give the same answer).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AnalyticsCopy } from '../../analytics/copy.ts';
import type { MetricInput } from '../../analytics/metric.ts';
import { horizonGroupsByYear } from '../../analytics/metrics/horizon.ts';
import { flowGroups, readFlowGroups, shorterHorizon } from '../../analytics/planning/flows.ts';
import { simulateIntake } from '../../analytics/planning/intake.ts';
import { subtreeScope } from '../../analytics/scope.ts';
import type { UnitKind } from '../../domain/enums.ts';
import { analytics } from '../../server/analytics.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { generateDataset } from '../../server/dataset/synthetic.ts';
import { recordChange } from '../../server/db/changes.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { readPoliciesAt } from '../../server/policy/store.ts';
import { writeDatasetFile } from '../fixtures/small.ts';

const asOf = '2026-07-01';
const SCENARIO = { horizonYears: 2, promotionProbability: 0.8, attritionRate: 0.05 } as const;
let copy: AnalyticsCopy;
let input: MetricInput;

describe('flow groups patched after a change', () => {
  beforeAll(async () => {
    await importDataset(
      db,
      dbConfig,
      { file: writeDatasetFile(generateDataset({ scale: 'county', seed: 37 })) },
      { replace: true },
    );
    copy = await analytics();
    await copy.catchUp();
    const root = await db.unit.findFirstOrThrow({ where: { parentCode: null }, orderBy: { id: 'asc' } });
    input = {
      copy,
      scope: subtreeScope({ code: root.code, path: root.path, kind: root.kind as UnitKind }),
      asOf,
      policies: await readPoliciesAt(db, asOf),
    };
  });

  it('equal the groups read whole, sharing the unchanged units’ groups, and read whole after a reload', async () => {
    const before = await flowGroups(input, 2);
    // A unit's active entries leave the pool; a post elsewhere falls vacant.
    const unit = await db.unit.findFirstOrThrow({
      where: { level: 'TOWNSHIP', reserves: { some: { status: 'ACTIVE' } } },
      orderBy: { id: 'asc' },
    });
    const leaving = await db.reserveEntry.findMany({ where: { unitCode: unit.code, status: 'ACTIVE' } });
    await db.$transaction(async (tx) => {
      for (const entry of leaving)
        await tx.reserveEntry.update({
          where: { code: entry.code },
          data: { status: 'REMOVED', exitedOn: new Date('2026-03-01'), exitReason: 'test' },
        });
      await recordChange(tx, { entity: 'ReserveEntry', keys: leaving.map((e) => e.code) });
    });
    const post = await db.position.findFirstOrThrow({
      where: { incumbentId: { not: null }, unitCode: { not: unit.code } },
      orderBy: { id: 'desc' },
    });
    await db.$transaction(async (tx) => {
      await tx.position.update({ where: { code: post.code }, data: { incumbentId: null } });
      await recordChange(tx, { entity: 'Position', keys: [post.code] });
    });
    await copy.catchUp();

    const after = await flowGroups(input, 2);
    const whole = await readFlowGroups(input, 2);
    expect(after).toEqual(whole);
    expect(after).not.toEqual(before);
    // Patched, not read again: the other units' groups are the same objects as before.
    const shared = after.groups.filter((g) => before.groups.includes(g)).length;
    expect(shared).toBeGreaterThan(after.groups.length / 2);
    expect(after.groups.filter((g) => g.unitCode === unit.code).every((g) => !before.groups.includes(g))).toBe(true);

    // A full reload: the copy cannot tell what changed, so the groups are read whole.
    await db.$transaction((tx) => recordChange(tx, { entity: 'Dataset' }));
    await copy.catchUp();
    const reloaded = await flowGroups(input, 2);
    expect(reloaded).toEqual(await readFlowGroups(input, 2));
    expect(reloaded.groups.some((g) => after.groups.includes(g))).toBe(false);
  });

  it('and the stayers’ attributes (the profiles’ source) of some units equal those read for the whole scope', async () => {
    const groups = (await readFlowGroups(input, 2)).groups;
    const ids = [...new Set(groups.filter((_, i) => i % 7 === 0).map((g) => g.order))];
    const codes = new Set(groups.filter((g) => ids.includes(g.order)).map((g) => g.unitCode));
    const whole = await horizonGroupsByYear(input, [1, 2], true);
    const narrowed = await horizonGroupsByYear(input, [1, 2], true, ids);
    expect(narrowed.years).toEqual(whole.years.map((list) => list.filter((g) => codes.has(g.unitCode))));
    expect(narrowed.years[0]!.length).toBeGreaterThan(ids.length / 2);
    expect(narrowed.years[0]!.length).toBeLessThan(whole.years[0]!.length / 3);

    // A projection's page of rows reads the profiles of its own units only.
    const reads = vi.spyOn(copy, 'queryColumns');
    const projection = await simulateIntake(input, SCENARIO, 'DETERMINISTIC', { runs: 0, seed: 1 });
    const page = projection.rows.slice(0, 10);
    const profiles = await Promise.all(page.map((r) => r.profile()));
    const detailReads = reads.mock.calls.filter(([sql]) => sql.includes('_stays'));
    reads.mockRestore();
    expect(detailReads).toHaveLength(1);
    expect(detailReads[0]![0]).toContain(`u.id IN (${[...new Set(page.map((r) => r.order))].join(', ')})`);
    expect(profiles.some((p) => p.length > 0)).toBe(true);
    // The same as when every row's profile is asked for at once (read for every unit).
    const again = await simulateIntake(input, SCENARIO, 'DETERMINISTIC', { runs: 0, seed: 1 });
    const all = await Promise.all(again.rows.map((r) => r.profile()));
    expect(profiles).toEqual(all.slice(0, 10));
  });

  it('of a shorter horizon, cut from a longer one kept, equal the groups read for it', async () => {
    const three = await readFlowGroups(input, 3);
    for (const H of [1, 2]) expect(shorterHorizon(three, H)).toEqual(await readFlowGroups(input, H));
    // Cutting merges classes: staying past year 1 or 2 is one class at H = 1 (not a test of nothing).
    const classes = (f: { groups: { members: unknown[] }[] }) => f.groups.reduce((n, g) => n + g.members.length, 0);
    expect(classes(shorterHorizon(three, 1))).toBeLessThan(classes(three));
    // Asked for through the kept answers: the three-year groups give the one-year ones, even with
    // another date's read since (the cut pushes that one out, not the three-year answer).
    await flowGroups(input, 3);
    await flowGroups({ ...input, asOf: '2026-08-01' }, 1);
    const reads = vi.spyOn(copy, 'queryColumns');
    const cut = await flowGroups(input, 1);
    expect(reads).not.toHaveBeenCalled();
    await flowGroups(input, 3);
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    expect(cut).toEqual(await readFlowGroups(input, 1));
  });
});
