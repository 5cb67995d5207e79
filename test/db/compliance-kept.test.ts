// Today's compliance report kept per unit (analytics/compliance/kept.ts): built once, then patched
// for the units each change touched; and the succession totals and the pool's structure, summed
// from horizon groups and measure counts kept the same way (analytics/kept.ts). After every kind of change the copy applies record by record
// — an entry leaving the pool, a person's training, a post falling vacant — and after a full
// reload, the kept report must equal the report computed from the copy in one statement (itself
// checked against SQLite and PostgreSQL in compliance.test.ts), for every kind of request.
import { beforeAll, describe, expect, it } from 'vitest';
import { ComplianceReport, copyEngine, type ComplianceReport as Report } from '../../analytics/compliance/report.ts';
import type { AnalyticsCopy } from '../../analytics/copy.ts';
import type { MetricInput } from '../../analytics/metric.ts';
import { keptHorizon } from '../../analytics/metrics/horizon.ts';
import { poolStructure } from '../../analytics/metrics/pool-structure.ts';
import { successionTotals } from '../../analytics/metrics/succession-gaps.ts';
import { subtreeScope, unitOnlyScope } from '../../analytics/scope.ts';
import { addYears } from '../../domain/dates.ts';
import type { UnitKind } from '../../domain/enums.ts';
import type { PoliciesAt } from '../../domain/policy/effective.ts';
import { judgedTrainingYear } from '../../domain/rules.ts';
import { analytics } from '../../server/analytics.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { generateDataset } from '../../server/dataset/synthetic.ts';
import { recordChange } from '../../server/db/changes.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { readPoliciesAt } from '../../server/policy/store.ts';
import { writeDatasetFile } from '../fixtures/small.ts';

const asOf = '2026-07-01';
let copy: AnalyticsCopy;
let policies: PoliciesAt;

/** The report of a scope, kept per unit (keep) or computed in one statement. */
function reportOf(path: string, subtree: boolean, keep: boolean): Report {
  return new ComplianceReport(copyEngine(copy, { keep }), policies, {
    path,
    subtree,
    asOf,
    end: addYears(asOf, 1),
    year: judgedTrainingYear(asOf),
  });
}

/** Everything a report answers: totals, the worst units (all and of one level), two pages of rows. */
async function answers(report: Report) {
  // Answers are kept per data version and request, whichever way they were computed: drop them.
  copy.forgetAnswers();
  const round = <T>(x: T) =>
    JSON.parse(JSON.stringify(x, (_k, v) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v))) as T;
  return round({
    totals: await report.totals(),
    worst: await report.worstUnits(15),
    townships: await report.worstUnits(5, 'TOWNSHIP'),
    bySeverity: await report.rows({
      rules: null,
      statuses: null,
      judged: null,
      order: 'SEVERITY',
      descending: true,
      limit: 40,
      offset: 5,
    }),
    breaches: await report.rows({
      rules: null,
      statuses: ['BREACH'],
      judged: true,
      order: 'UNIT',
      descending: false,
      limit: 40,
      offset: 0,
    }),
  });
}

/** The scopes compared: the root's subtree, a township's subtree and alone, a village alone. */
let scopes: { path: string; subtree: boolean }[] = [];
let inputs: MetricInput[] = [];

async function expectKeptEqualsComputed() {
  await copy.catchUp();
  for (const { path, subtree } of scopes) {
    const kept = await answers(reportOf(path, subtree, true));
    const computed = await answers(reportOf(path, subtree, false));
    expect(kept, `${path}${subtree ? ' and its subtree' : ' alone'}`).toEqual(computed);
  }
  for (const input of inputs) {
    copy.forgetAnswers();
    const kept = await successionTotals(input, 1, true);
    copy.forgetAnswers();
    expect(kept, `succession totals, ${input.scope.key}`).toEqual(await successionTotals(input, 1, false));
    for (const kind of [null, 'PRINCIPAL', 'DEPUTY'] as const) {
      copy.forgetAnswers();
      const keptStructure = await poolStructure(input, kind, true);
      copy.forgetAnswers();
      expect(keptStructure, `pool structure ${kind}, ${input.scope.key}`).toEqual(
        await poolStructure(input, kind, false),
      );
    }
  }
  return answers(reportOf(scopes[0]!.path, true, true));
}

describe("today's compliance report kept per unit", () => {
  beforeAll(async () => {
    await importDataset(
      db,
      dbConfig,
      { file: writeDatasetFile(generateDataset({ scale: 'county', seed: 29 })) },
      { replace: true },
    );
    copy = await analytics();
    await copy.catchUp();
    policies = await readPoliciesAt(db, asOf);
    const root = await db.unit.findFirstOrThrow({ where: { parentCode: null }, orderBy: { id: 'asc' } });
    const township = await db.unit.findFirstOrThrow({ where: { level: 'TOWNSHIP' }, orderBy: { id: 'asc' } });
    const village = await db.unit.findFirstOrThrow({ where: { level: 'VILLAGE' }, orderBy: { id: 'asc' } });
    scopes = [
      { path: root.path, subtree: true },
      { path: township.path, subtree: true },
      { path: township.path, subtree: false },
      { path: village.path, subtree: false },
      { path: village.path, subtree: true },
    ];
    const scoped = (u: typeof root) => ({ code: u.code, path: u.path, kind: u.kind as UnitKind });
    inputs = [subtreeScope(scoped(root)), subtreeScope(scoped(township)), unitOnlyScope(scoped(township))].map(
      (scope) => ({ copy, scope, asOf, policies }),
    );
  });

  it('equals the computed report after each change, patched and not rebuilt, and after a reload', async () => {
    const first = await expectKeptEqualsComputed();
    const kept = reportOf(scopes[0]!.path, true, true).keptFigures!;
    expect(kept.builds).toBe(1);

    // 1. Every active entry of the township with the most leaves the pool (each a change).
    const township = await db.unit.findFirstOrThrow({ where: { path: scopes[1]!.path } });
    const leaving = await db.reserveEntry.findMany({
      where: { unitCode: township.code, status: 'ACTIVE' },
      orderBy: { id: 'asc' },
    });
    expect(leaving.length).toBeGreaterThan(0);
    for (const entry of leaving) {
      await db.$transaction(async (tx) => {
        await tx.reserveEntry.update({
          where: { code: entry.code },
          data: { status: 'REMOVED', exitedOn: new Date('2026-03-01'), exitReason: 'test' },
        });
        await recordChange(tx, { entity: 'ReserveEntry', keys: [entry.code] });
      });
    }
    await expectKeptEqualsComputed();
    expect(kept.patches).toBe(1);
    expect(kept.lastPatchedUnits).toBe(1);

    // 2. A reserve elsewhere completes a centralized training in the judged year.
    const reserve = await db.reserveEntry.findFirstOrThrow({
      where: { status: 'ACTIVE', unitCode: { not: township.code } },
      orderBy: { id: 'desc' },
    });
    await db.$transaction(async (tx) => {
      await tx.training.create({
        data: {
          personCode: reserve.personCode,
          program: '测试班',
          kind: 'CENTRALIZED',
          start: new Date(`${judgedTrainingYear(asOf)}-05-01`),
          days: 30,
          completed: true,
        },
      });
      await recordChange(tx, { entity: 'Training', keys: [reserve.personCode] });
    });
    await expectKeptEqualsComputed();

    // 3. Three posts fall vacant at once (one change naming them all).
    const posts = await db.position.findMany({
      where: { incumbentId: { not: null } },
      take: 3,
      orderBy: { id: 'asc' },
    });
    await db.$transaction(async (tx) => {
      for (const post of posts) await tx.position.update({ where: { code: post.code }, data: { incumbentId: null } });
      await recordChange(tx, { entity: 'Position', keys: posts.map((p) => p.code) });
    });
    const patched = await expectKeptEqualsComputed();
    expect(kept.builds).toBe(1);
    expect(kept.patches).toBe(3);
    const groups = keptHorizon(inputs[0]!, 1);
    expect([groups.builds, groups.patches]).toEqual([1, 3]);
    // The changes moved the report: the test would see a patch that did nothing.
    expect(patched.totals).not.toEqual(first.totals);

    // 4. A change the copy cannot apply record by record (a person's record): a full reload, and
    // the kept report is built again.
    const person = await db.person.findFirstOrThrow({ orderBy: { id: 'asc' } });
    await db.$transaction((tx) => recordChange(tx, { entity: 'Person', keys: [person.code] }));
    await expectKeptEqualsComputed();
    expect(kept.builds).toBe(2);
  });

  it('tells the units a refresh touched, and cannot tell across a full reload', async () => {
    await copy.catchUp();
    const before = copy.version;
    const entry = await db.reserveEntry.findFirstOrThrow({ where: { status: 'ACTIVE' }, orderBy: { id: 'asc' } });
    const unit = await db.unit.findUniqueOrThrow({ where: { code: entry.unitCode } });
    await db.$transaction(async (tx) => {
      await tx.reserveEntry.update({ where: { code: entry.code }, data: { tier: 'LONG_TERM' } });
      await recordChange(tx, { entity: 'ReserveEntry', keys: [entry.code] });
    });
    await copy.catchUp();
    expect([...(copy.changedUnitsSince(before) ?? [])]).toEqual([unit.id]);
    expect(copy.changedUnitsSince(copy.version)?.size).toBe(0);
    await db.$transaction((tx) => recordChange(tx, { entity: 'Dataset' }));
    await copy.catchUp();
    expect(copy.changedUnitsSince(before)).toBeNull();
  });
});
