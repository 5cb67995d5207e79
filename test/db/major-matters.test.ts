// 重大事项报告 by hand on the small fixture: 孙后备 (R01, 甲县, in the pool) reports on 2026-05-10 a
// penalty of 2026-05-06, and on 2026-07-01 a change of work unit. The penalty is an alert
// (MAJOR_MATTER_OPEN) from the day it is reported until the organization department's finding
// (2026-06-01); the change of unit never is. Scoped, all or nothing, written once.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { failing } from '../helpers/failing-audit.ts';
import { type As, gql, gqlOk } from '../helpers/graphql.ts';

vi.mock('../../server/audit/log.ts', () => import('../helpers/failing-audit.ts'));

const zh = { headers: { 'accept-language': 'zh-CN' } };
const report = (input: Record<string, unknown>, as: As = zh) =>
  gql<{ recordMajorMatter: { id: number; kind: string } }>(
    'mutation($i: RecordMajorMatterInput!) { recordMajorMatter(input: $i) { id kind } }',
    {
      i: {
        reserveId: 'R01',
        kind: 'PENALTY',
        occurredOn: '2026-05-06',
        reportedOn: '2026-05-10',
        summary: '受到党内警告处分',
        ...input,
      },
    },
    as,
  );
const openOn = async (asOf: string) =>
  (
    await gqlOk<{ reserveAlerts: { items: { reserveCode: string }[] } }>(
      `query($a: Date) { reserveAlerts(unitCode: "C01", asOf: $a, kinds: [MAJOR_MATTER_OPEN]) { items { reserveCode } } }`,
      { a: asOf },
    )
  ).reserveAlerts.items.map((i) => i.reserveCode);

describe('重大事项报告 (major-matter reports)', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('refuses a matter reported before it occurred, outside the scope, or by a leader; nothing is left', async () => {
    const r = await report({ occurredOn: '2026-05-12' });
    expect(r.errors?.[0]).toMatchObject({
      message: '后备干部记录“R01”：发生日期 2026-05-12 须不晚于报告日期 2026-05-10，报告日期不能晚于今天',
      extensions: { field: 'occurredOn' },
    });
    expect((await report({}, { viewerUnit: 'B', role: 'ORG_OFFICER' })).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await report({}, { role: 'LEADER' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    failing.audit = true;
    try {
      expect((await report({})).errors).toBeDefined();
    } finally {
      failing.audit = false;
    }
    expect(await db.majorMatter.count()).toBe(0);
  });

  it('keeps a penalty open as an alert until the finding, and a change of unit never', async () => {
    const penalty = await report({});
    await report({ kind: 'UNIT_CHANGE', occurredOn: '2026-06-20', reportedOn: '2026-07-01', summary: '调任县发改局' });
    expect(await openOn('2026-05-09')).toEqual([]);
    expect(await openOn('2026-05-10')).toEqual(['R01']);
    const reviewed = await gqlOk<{ reviewMajorMatter: { finding: string; reviewedOn: string } }>(
      'mutation($i: ReviewMajorMatterInput!) { reviewMajorMatter(input: $i) { finding reviewedOn } }',
      {
        i: {
          matterId: penalty.data!.recordMajorMatter.id,
          finding: '经核实，处分期已满，不影响继续培养',
          on: '2026-06-01',
        },
      },
    );
    expect(reviewed.reviewMajorMatter).toEqual({
      finding: '经核实，处分期已满，不影响继续培养',
      reviewedOn: '2026-06-01',
    });
    expect(await openOn('2026-05-31')).toEqual(['R01']);
    expect(await openOn('2026-06-01')).toEqual([]);
    expect(await openOn('2026-11-21')).toEqual([]);
    // Written once.
    const again = await gql(
      'mutation($i: ReviewMajorMatterInput!) { reviewMajorMatter(input: $i) { id } }',
      { i: { matterId: penalty.data!.recordMajorMatter.id, finding: '改写', on: '2026-06-02' } },
      zh,
    );
    expect(again.errors?.[0]?.message).toBe(`重大事项报告 ${penalty.data!.recordMajorMatter.id} 已有核查意见`);
    const listed = await gqlOk<{ reserve: { majorMatters: { kind: string; finding: string | null }[] } }>(
      '{ reserve(id: "R01") { majorMatters { kind finding } } }',
    );
    expect(listed.reserve.majorMatters).toEqual([
      { kind: 'PENALTY', finding: '经核实，处分期已满，不影响继续培养' },
      { kind: 'UNIT_CHANGE', finding: null },
    ]);
  });

  it('makes a disqualifying finding an elimination ground until a decision to keep the entry', async () => {
    // R03 (吴后备, 乙县, in the pool since 2024-03-01): a complaint of 2026-06-01 reported on
    // 2026-06-03, found true and disqualifying on 2026-06-10. From that day R03 is an elimination
    // candidate; the committee keeps it on 2026-06-20, and from then it is not.
    const complaint = await report({
      reserveId: 'R03',
      kind: 'COMPLAINT',
      occurredOn: '2026-06-01',
      reportedOn: '2026-06-03',
      summary: '群众来信反映优亲厚友',
    });
    const id = complaint.data!.recordMajorMatter.id;
    // Only a penalty or a complaint can disqualify: the change of unit above is refused, unchanged.
    const unitChange = (await db.majorMatter.findFirstOrThrow({ where: { kind: 'UNIT_CHANGE' } })).id;
    const refused = await gql(
      'mutation($i: ReviewMajorMatterInput!) { reviewMajorMatter(input: $i) { id } }',
      { i: { matterId: unitChange, finding: '岗位变动', on: '2026-07-02', disqualifying: true } },
      zh,
    );
    expect(refused.errors?.[0]).toMatchObject({
      message: `重大事项报告 ${unitChange} 是“工作单位变动”，只有处分和信访事项可认定为不宜继续培养`,
      extensions: { field: 'disqualifying' },
    });
    expect((await db.majorMatter.findUniqueOrThrow({ where: { id: unitChange } })).finding).toBeNull();
    await gqlOk('mutation($i: ReviewMajorMatterInput!) { reviewMajorMatter(input: $i) { id } }', {
      i: { matterId: id, finding: '经核实，反映问题属实', on: '2026-06-10', disqualifying: true },
    });
    const flagged = async (asOf: string) =>
      (
        await gqlOk<{
          reserveAlerts: { items: { reserveCode: string; alerts: string[]; eliminationCandidate: boolean }[] };
        }>(
          `query($a: Date) { reserveAlerts(unitCode: "C01", asOf: $a, kinds: [DISQUALIFYING_MATTER]) {
            items { reserveCode alerts eliminationCandidate } } }`,
          { a: asOf },
        )
      ).reserveAlerts.items.find((i) => i.reserveCode === 'R03');
    expect(await flagged('2026-06-09')).toBeUndefined();
    expect(await flagged('2026-06-10')).toMatchObject({ eliminationCandidate: true });
    const kept = await gqlOk<{ decideElimination: { decision: string; flags: string[] } }>(
      'mutation($input: DecideEliminationInput!) { decideElimination(input: $input) { decision flags } }',
      { input: { reserveId: 'R03', decision: 'KEEP', on: '2026-06-20', reason: '已诫勉谈话，继续培养观察' } },
    );
    // The decision records every ground of that day: R03's share of 不称职 votes is one of its own,
    // which the decision does not answer (a new assessment does).
    expect(kept.decideElimination).toEqual({ decision: 'KEEP', flags: ['INCOMPETENT_VOTES', 'DISQUALIFYING_MATTER'] });
    expect(await flagged('2026-06-19')).toMatchObject({ eliminationCandidate: true });
    expect(await flagged('2026-06-20')).toBeUndefined();
    expect(await flagged('2026-11-21')).toBeUndefined();
  });
});
