// 述职 by hand on the small fixture: R02 (周后备, 甲县, NOMINATED on 2026-09-01) has a single-candidate
// recommendation round on 2026-09-05 that passes (9 members, 9 cast, 8 in favour: 100 % turnout,
// 88.9 % in favour). Where the policy asks for it, the step to inspection needs a 述职 held from
// the nomination (2026-09-01) to the round (2026-09-05), both days included: one of 2026-09-06
// does not count, nor a struck-out one; one of 2026-09-05 does. Scoped, bounded, all or nothing.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, todayIso } from '../../domain/dates.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { failing } from '../helpers/failing-audit.ts';
import { type As, gql, gqlOk } from '../helpers/graphql.ts';

vi.mock('../../server/audit/log.ts', () => import('../helpers/failing-audit.ts'));

const zh = { headers: { 'accept-language': 'zh-CN' } };
const report = (input: Record<string, unknown>, as: As = zh) =>
  gql<{ recordDutyReport: { id: number; on: string; audience: string } }>(
    'mutation($i: RecordDutyReportInput!) { recordDutyReport(input: $i) { id on audience } }',
    { i: { reserveId: 'R02', on: '2026-09-04', audience: '全体干部职工大会', outline: '德能勤绩廉', ...input } },
    as,
  );
const move = () =>
  gql<{ transitionReserve: { status: string } }>(
    'mutation($i: TransitionReserveInput!) { transitionReserve(input: $i) { status } }',
    { i: { reserveId: 'R02', to: 'INSPECTING', on: '2026-09-10' } },
    zh,
  );

describe('述职 (duty reports)', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('refuses a report before the nomination, in the future, on a closed entry, outside the scope or by a leader; nothing is left', async () => {
    expect((await report({ on: '2026-08-31' })).errors?.[0]).toMatchObject({
      message: '后备干部记录“R02”：述职日期 2026-08-31 须在提名日期 2026-09-01 至今天之间',
      extensions: { field: 'on' },
    });
    expect((await report({ on: addDays(todayIso(), 1) })).errors?.[0]?.extensions?.field).toBe('on');
    expect((await report({ reserveId: 'R04', on: '2023-01-01' })).errors?.[0]?.message).toBe(
      '后备干部记录“R04”状态为“已提拔”，不再登记述职',
    );
    expect((await report({ audience: '  ' })).errors?.[0]?.extensions?.field).toBe('audience');
    expect((await report({ audience: '大'.repeat(201) })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
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
    expect(await db.dutyReport.count()).toBe(0);
  });

  it('holds the step to inspection, where the policy asks, until a report between the nomination and the round', async () => {
    await gqlOk(`mutation($i: RecordRecommendationInput!) { recordRecommendation(input: $i) { id } }`, {
      i: {
        reserveId: 'R02',
        heldOn: '2026-09-05',
        groups: [{ group: 'LEADERSHIP_TEAM', expected: 9, cast: 9, favour: 8, against: 1, abstain: 0, invalid: 0 }],
      },
    });
    const v = await db.policyVersion.create({
      data: {
        effectiveFrom: new Date('2026-01-01T00:00:00Z'),
        overrides: JSON.stringify({ procedure: { requireDutyReport: true } }),
        actor: 'test',
      },
    });
    try {
      const refused = {
        message:
          '后备干部记录“R02”：民主推荐前选拔对象应当述职，2026-09-05 的推荐之前（提名 2026-09-01 以来）没有述职记录',
        extensions: { code: 'ILLEGAL_TRANSITION', gate: 'DUTY_REPORT' },
      };
      expect((await move()).errors?.[0]).toMatchObject(refused);
      // After the round: too late for it.
      await gqlOk('mutation($i: RecordDutyReportInput!) { recordDutyReport(input: $i) { id } }', {
        i: { reserveId: 'R02', on: '2026-09-06', audience: '全体干部职工大会' },
      });
      expect((await move()).errors?.[0]).toMatchObject(refused);
      // Before it, but struck out: it stays listed and no longer counts.
      const early = await report({ on: '2026-09-04' });
      const struck = await gqlOk<{ strikeDutyReport: { struckReason: string } }>(
        'mutation($i: StrikeDutyReportInput!) { strikeDutyReport(input: $i) { struckReason } }',
        { i: { reportId: early.data!.recordDutyReport.id, reason: '日期录错' } },
      );
      expect(struck.strikeDutyReport.struckReason).toBe('日期录错');
      const again = await gql(
        'mutation($i: StrikeDutyReportInput!) { strikeDutyReport(input: $i) { id } }',
        { i: { reportId: early.data!.recordDutyReport.id, reason: '再次' } },
        zh,
      );
      expect(again.errors?.[0]?.message).toBe(`述职记录 ${early.data!.recordDutyReport.id} 已作废`);
      expect((await move()).errors?.[0]).toMatchObject(refused);
      // On the round's day: it counts.
      await report({ on: '2026-09-05' });
      expect((await move()).data?.transitionReserve.status).toBe('INSPECTING');
    } finally {
      await db.policyVersion.delete({ where: { id: v.id } });
    }
    const listed = await gqlOk<{ reserve: { dutyReports: { on: string; struckReason: string | null }[] } }>(
      '{ reserve(id: "R02") { dutyReports { on struckReason } } }',
    );
    expect(listed.reserve.dutyReports).toEqual([
      { on: '2026-09-04', struckReason: '日期录错' },
      { on: '2026-09-05', struckReason: null },
      { on: '2026-09-06', struckReason: null },
    ]);
  });

  it('strikes out only inside the scope', async () => {
    const id = (await db.dutyReport.findFirstOrThrow()).id;
    const outside = await gql(
      'mutation($i: StrikeDutyReportInput!) { strikeDutyReport(input: $i) { id } }',
      { i: { reportId: id, reason: '越权' } },
      { viewerUnit: 'B', role: 'ORG_OFFICER' },
    );
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const hidden = await gqlOk<{ reserve: { dutyReports: unknown[] } | null }>(
      '{ reserve(id: "R02") { dutyReports { id } } }',
      {},
      { viewerUnit: 'B', role: 'ORG_OFFICER' },
    );
    expect(hidden.reserve).toBeNull();
  });
});
