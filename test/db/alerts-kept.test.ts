// Today's alerts kept per unit (analytics/kept.ts, metrics/alerts.ts): every active entry's flags,
// built once and patched for the units each change touched. After talks are held, an entry
// leaves the pool, an assessment finds someone incompetent and a post changes hands, and after a
// full reload, the kept alerts must equal the alerts computed from the copy in one statement, for
// every scope and filter asked.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsCopy } from '../../analytics/copy.ts';
import type { MetricInput } from '../../analytics/metric.ts';
import { type AlertKind, alerts, keptAlerts } from '../../analytics/metrics/alerts.ts';
import { subtreeScope, unitOnlyScope } from '../../analytics/scope.ts';
import type { UnitKind } from '../../domain/enums.ts';
import type { PoliciesAt } from '../../domain/policy/effective.ts';
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
let inputs: MetricInput[] = [];

async function answers(input: MetricInput, keep: boolean) {
  const asked: { only: AlertKind[] | null; limit: number; offset: number }[] = [
    { only: null, limit: 30, offset: 0 },
    { only: null, limit: 20, offset: 25 },
    { only: ['MISSING_TALKS', 'INCOMPETENT_GRADE'], limit: 50, offset: 0 },
    { only: null, limit: 0, offset: 0 },
  ];
  const out = [];
  for (const options of asked) {
    // Answers are kept per data version and request, whichever way computed: drop them.
    copy.forgetAnswers();
    out.push(await alerts(input, { ...options, keep }));
  }
  return out;
}

async function expectKeptEqualsComputed() {
  await copy.catchUp();
  for (const input of inputs) {
    const kept = await answers(input, true);
    expect(kept, input.scope.key).toEqual(await answers(input, false));
  }
  return answers(inputs[0]!, true);
}

describe("today's alerts kept per unit", () => {
  beforeAll(async () => {
    await importDataset(
      db,
      dbConfig,
      { file: writeDatasetFile(generateDataset({ scale: 'county', seed: 31 })) },
      { replace: true },
    );
    copy = await analytics();
    await copy.catchUp();
    policies = await readPoliciesAt(db, asOf);
    const unit = async (where: object) => {
      const u = await db.unit.findFirstOrThrow({ where, orderBy: { id: 'asc' } });
      return { code: u.code, path: u.path, kind: u.kind as UnitKind };
    };
    const root = await unit({ parentCode: null });
    const township = await unit({ level: 'TOWNSHIP' });
    inputs = [subtreeScope(root), subtreeScope(township), unitOnlyScope(township)].map((scope) => ({
      copy,
      scope,
      asOf,
      policies,
    }));
  });

  it('equals the computed alerts after each change, patched and not rebuilt, and after a reload', async () => {
    const first = await expectKeptEqualsComputed();
    const talked = first[2]!.items.filter((i) => i.alerts.includes('MISSING_TALKS')).slice(0, 3);
    expect(talked.length).toBeGreaterThan(0);

    // 1. The entries missing talks get them (a change each).
    for (const item of talked) {
      await db.$transaction(async (tx) => {
        for (const kind of ['LEADERSHIP', 'HR', 'HR'] as const)
          await tx.talk.create({ data: { reserveCode: item.reserveCode, kind, on: new Date('2026-06-01') } });
        await recordChange(tx, { entity: 'Talk', keys: [item.reserveCode] });
      });
    }
    const afterTalks = await expectKeptEqualsComputed();
    // The change moved the alerts: a patch that did nothing would fail here.
    const missingTalks = (answer: typeof first) => answer[0]!.counts.find((c) => c.kind === 'MISSING_TALKS')!.count;
    expect(missingTalks(afterTalks)).toBe(missingTalks(first) - talked.length);

    // 2. A flagged entry leaves the pool; 3. a reserve is assessed incompetent for 2025.
    const leaving = first[0]!.items[0]!;
    await db.$transaction(async (tx) => {
      await tx.reserveEntry.update({
        where: { code: leaving.reserveCode },
        data: { status: 'REMOVED', exitedOn: new Date('2026-03-01'), exitReason: 'test' },
      });
      await recordChange(tx, { entity: 'ReserveEntry', keys: [leaving.reserveCode] });
    });
    const assessed = await db.reserveEntry.findFirstOrThrow({ where: { status: 'ACTIVE' }, orderBy: { id: 'desc' } });
    await db.$transaction(async (tx) => {
      await tx.assessment.upsert({
        where: { personCode_year: { personCode: assessed.personCode, year: 2025 } },
        create: { personCode: assessed.personCode, year: 2025, grade: 'INCOMPETENT' },
        update: { grade: 'INCOMPETENT' },
      });
      await recordChange(tx, { entity: 'Assessment', keys: [assessed.personCode] });
    });
    await expectKeptEqualsComputed();

    // 4. The principal post of a unit with mentored entries falls vacant (its mentor no longer leads it).
    const post = await db.position.findFirstOrThrow({
      where: { kind: 'PRINCIPAL', incumbentId: { not: null }, unit: { reserves: { some: { status: 'ACTIVE' } } } },
      orderBy: { id: 'asc' },
    });
    await db.$transaction(async (tx) => {
      await tx.position.update({ where: { code: post.code }, data: { incumbentId: null } });
      await recordChange(tx, { entity: 'Position', keys: [post.code] });
    });
    await expectKeptEqualsComputed();

    const flags = keptAlerts(inputs[0]!);
    expect(flags.builds).toBe(1);
    // One patch per catch-up: the talks, the exit with the assessment, the post.
    expect(flags.patches).toBe(3);

    // 5. A full reload: built again, still equal.
    await db.$transaction((tx) => recordChange(tx, { entity: 'Dataset' }));
    await expectKeptEqualsComputed();
    expect(flags.builds).toBe(2);
  });
});
