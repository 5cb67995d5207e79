// Appointments from the pool and from outside it, the qualification exam, and the share of
// appointments from the pool — by hand on the small fixture:
// - 褚干部 (E12, 甲一镇, not in the pool) is announced for 甲县's vacant 副县长 post A-D1 on Saturday
//   2026-10-03 (a National Day holiday): five working days end Tuesday 10-13, so the appointment
//   is refused on 10-13 and made on 10-14.
// - 孙后备 (E06) is in the pool as R01 (甲县, 正科 principal) and 甲一镇's 镇长 post A1-P1 (正科) fits
//   it: she is appointed through the entry (promoteReserve, 交流任职), never as a person from outside.
// - So 甲县's subtree had 2 appointments in 2026, 1 from the pool: 1 / 2 = 50 %; 甲一镇 alone 1 / 1;
//   乙县 none (no row). Not judged by default (poolAppointmentShare 0); with a target of 60 % and
//   the default 20 % tolerance, 50 % ≥ 60 % × 0.8 = 48 % is a warning at 甲县, and 甲一镇 complies.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { failing } from '../helpers/failing-audit.ts';
import { type As, gql, gqlOk } from '../helpers/graphql.ts';

vi.mock('../../server/audit/log.ts', () => import('../helpers/failing-audit.ts'));

const zh = { headers: { 'accept-language': 'zh-CN' } };
type Answer = { errors?: { message: string; extensions?: Record<string, unknown> }[] };
const problem = (r: Answer) => ({
  message: r.errors?.[0]?.message,
  code: r.errors?.[0]?.extensions?.code,
  gate: r.errors?.[0]?.extensions?.gate,
  field: r.errors?.[0]?.extensions?.field,
});
const announce = (input: Record<string, unknown>, as: As = zh) =>
  gql<{ announceAppointment: { id: number; endsOn: string; appointableFrom: string; reserveCode: string | null } }>(
    'mutation($i: AnnounceAppointmentInput!) { announceAppointment(input: $i) { id endsOn appointableFrom reserveCode } }',
    { i: { startsOn: '2026-10-03', ...input } },
    as,
  );
const appoint = (input: Record<string, unknown>, as: As = zh) =>
  gql<{ appointPerson: { from: string; fromPool: boolean; person: { name: string }; position: { code: string } } }>(
    'mutation($i: AppointPersonInput!) { appointPerson(input: $i) { from fromPool person { name } position { code } } }',
    { i: { personCode: 'E12', positionCode: 'A-D1', ...input } },
    as,
  );
const exam = (input: Record<string, unknown>) =>
  gql<{ recordQualificationExam: { id: number; passed: boolean } }>(
    'mutation($i: RecordExamInput!) { recordQualificationExam(input: $i) { id passed } }',
    { i: { personCode: 'E12', ...input } },
    zh,
  );

/** Runs `body` under a policy version from 2026-01-01 with these overrides. */
async function withPolicy(overrides: object, body: () => Promise<void>) {
  const v = await db.policyVersion.create({
    data: { effectiveFrom: new Date('2026-01-01T00:00:00Z'), overrides: JSON.stringify(overrides), actor: 'test' },
  });
  try {
    await body();
  } finally {
    await db.policyVersion.delete({ where: { id: v.id } });
  }
}

describe('appointments from outside the pool', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('names the entry or the person, refuses someone the pool holds for the post, and stays in scope', async () => {
    expect(problem(await announce({ positionCode: 'A-D1' })).field).toBe('reserveId');
    expect(problem(await announce({ positionCode: 'A-D1', personCode: 'E12', reserveId: 'R01' })).code).toBe(
      'BAD_USER_INPUT',
    );
    expect(problem(await announce({ positionCode: 'A1-P1', personCode: 'E06' }))).toEqual({
      message:
        '孙后备（E06）是后备干部记录“R01”的在库后备干部，职位“A1-P1”与其后备方向相符：请在该后备干部记录中提拔任用，以计入从后备干部中选拔的任职',
      code: 'BAD_USER_INPUT',
      gate: undefined,
      field: 'personCode',
    });
    // 乙县's officer sees neither 甲县's post nor its people.
    expect(
      problem(await announce({ positionCode: 'A-D1', personCode: 'E12' }, { viewerUnit: 'B', role: 'ORG_OFFICER' }))
        .code,
    ).toBe('NOT_FOUND');
    expect(problem(await announce({ positionCode: 'A-D1', personCode: 'E12' }, { role: 'LEADER' })).code).toBe(
      'FORBIDDEN',
    );
    expect(await db.appointmentNotice.count()).toBe(0);
  });

  it('appoints only after the notice, and leaves no trace when the write fails midway', async () => {
    expect(problem(await appoint({ on: '2026-10-20' }))).toEqual({
      message: '褚干部（E12）：任用到职位“A-D1”前须进行不少于 5 个工作日的任前公示',
      code: 'ILLEGAL_TRANSITION',
      gate: 'APPOINTMENT_NOTICE',
      field: undefined,
    });
    const made = await announce({ positionCode: 'A-D1', personCode: 'E12' });
    expect(made.data?.announceAppointment).toMatchObject({
      endsOn: '2026-10-13',
      appointableFrom: '2026-10-14',
      reserveCode: null,
    });
    expect(problem(await appoint({ on: '2026-10-13' })).message).toBe(
      '褚干部（E12）：任前公示期为 2026-10-03 至 2026-10-13（5 个工作日），2026-10-14 起方可任用',
    );
    failing.audit = true;
    try {
      expect((await appoint({ on: '2026-10-14' })).errors).toBeDefined();
    } finally {
      failing.audit = false;
    }
    expect(await db.incumbency.count()).toBe(0);
    expect((await db.position.findUniqueOrThrow({ where: { code: 'A-D1' } })).incumbentId).toBeNull();
  });

  it('needs a passed, valid qualification exam where the policy names the post’s rank', async () => {
    await withPolicy({ qualificationExamRanks: ['DIVISION_DEPUTY'], qualificationExamValidYears: 1 }, async () => {
      expect(problem(await appoint({ on: '2026-10-14' }))).toEqual({
        message: '褚干部（E12）任副处级职务须取得任职资格证书，截至 2026-10-14 没有合格的任职资格考试记录',
        code: 'ILLEGAL_TRANSITION',
        gate: 'QUALIFICATION_EXAM',
        field: undefined,
      });
      // A failed exam, and a passed one whose one-year certificate ended before the appointment.
      expect(
        (await exam({ heldOn: '2026-06-01', passed: false, score: 52 })).data?.recordQualificationExam.passed,
      ).toBe(false);
      expect(problem(await exam({ heldOn: '2025-05-01', passed: false, certificateNo: 'Z-1' })).field).toBe(
        'certificateNo',
      );
      await exam({ heldOn: '2025-05-01', passed: true, score: 81, certificateNo: 'Z-2025-17' });
      expect(problem(await appoint({ on: '2026-10-14' })).message).toBe(
        '褚干部（E12）任副处级职务须持有效的任职资格证书；2025-05-01 的考试合格证书有效期 1 年，至 2026-10-14 已失效',
      );
      const again = await exam({ heldOn: '2026-09-20', passed: true, score: 77, certificateNo: 'Z-2026-03' });
      // Struck out, it no longer counts.
      await gqlOk('mutation($i: StrikeExamInput!) { strikeQualificationExam(input: $i) { struckReason } }', {
        i: { examId: again.data!.recordQualificationExam.id, reason: '录入错误' },
      });
      expect(problem(await appoint({ on: '2026-10-14' })).gate).toBe('QUALIFICATION_EXAM');
      await exam({ heldOn: '2026-09-21', passed: true, score: 77, certificateNo: 'Z-2026-04' });
      const done = await appoint({ on: '2026-10-14', reason: '县委常委会研究决定' });
      expect(done.data?.appointPerson).toEqual({
        from: '2026-10-14',
        fromPool: false,
        person: { name: '褚干部' },
        position: { code: 'A-D1' },
      });
    });
    expect((await db.position.findUniqueOrThrow({ where: { code: 'A-D1' } })).incumbentId).toBe('E12');
    const audit = await db.auditLog.findFirst({ where: { action: 'position.fill', entityCode: 'A-D1' } });
    expect(JSON.parse(audit!.detail as string).after).toMatchObject({ incumbentId: 'E12', reserveCode: null });
  });

  it('never touches what lies outside the viewer’s subtree: another unit’s notice, or a post held there', async () => {
    const asB = { viewerUnit: 'B', role: 'ORG_OFFICER' } as const;
    const notice = await db.appointmentNotice.findFirstOrThrow({ where: { personCode: 'E12' } });
    const refused = await gql(
      'mutation($i: WithdrawAppointmentNoticeInput!) { withdrawAppointmentNotice(input: $i) { id } }',
      { i: { noticeId: notice.id, reason: '越权撤回' } },
      asB,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await db.appointmentNotice.findUniqueOrThrow({ where: { id: notice.id } })).withdrawnReason).toBeNull();
    // 冯后备 (E10, in the pool for 甲一镇's 副科 posts, so an outsider to A-D1) also holds 乙县's 副县长
    // post: 甲县's officer may not appoint her away from it.
    await announce({ positionCode: 'A-D1', personCode: 'E10', startsOn: '2026-10-03' });
    await db.position.update({ where: { code: 'B-D1' }, data: { incumbentId: 'E10' } });
    try {
      const away = await appoint(
        { personCode: 'E10', on: '2026-10-20' },
        { viewerUnit: 'A', role: 'ORG_OFFICER', ...zh },
      );
      expect(away.errors?.[0]).toMatchObject({
        message: '冯后备（E10）现任职位“B-D1”不在您的管辖范围内，任职后该职位将空缺，须由其所在单位办理',
        extensions: { field: 'personCode' },
      });
      expect((await db.position.findUniqueOrThrow({ where: { code: 'B-D1' } })).incumbentId).toBe('E10');
      expect((await db.position.findUniqueOrThrow({ where: { code: 'A-D1' } })).incumbentId).toBe('E12');
    } finally {
      await db.position.update({ where: { code: 'B-D1' }, data: { incumbentId: 'E05' } });
    }
  });

  it('gates a promotion from the pool on the exam too', async () => {
    await announce({ positionCode: 'A1-P1', reserveId: 'R01', acrossUnits: true, startsOn: '2026-10-08' });
    const promote = () =>
      gql<{ promoteReserve: { status: string } }>(
        'mutation($i: PromoteReserveInput!) { promoteReserve(input: $i) { status } }',
        { i: { reserveId: 'R01', positionCode: 'A1-P1', on: '2026-10-20', acrossUnits: true } },
        zh,
      );
    await withPolicy({ qualificationExamRanks: ['SECTION_PRINCIPAL'] }, async () => {
      expect(problem(await promote())).toMatchObject({
        message: '后备干部记录“R01”：正科级后备干部须取得任职资格证书，截至 2026-10-20 没有合格的任职资格考试记录',
        gate: 'QUALIFICATION_EXAM',
      });
    });
    expect((await promote()).data?.promoteReserve.status).toBe('PROMOTED');
  });

  it('counts the share of appointments from the pool, shown everywhere and judged only with a target', async () => {
    const report = () =>
      gqlOk<{
        complianceReport: {
          totals: { rule: string; value: number; units: number }[];
          rows: {
            rows: {
              unitCode: string;
              value: number;
              numerator: number;
              denominator: number;
              judged: boolean;
              status: string;
            }[];
          };
        };
      }>(
        `query { complianceReport(unitCode: "C01", asOf: "2026-11-30", trainingYear: 2026) {
          totals { rule value units }
          rows(rules: [POOL_APPOINTMENTS], first: 50) { rows { unitCode value numerator denominator judged status } } } }`,
      );
    const rows = (r: Awaited<ReturnType<typeof report>>) =>
      Object.fromEntries(
        r.complianceReport.rows.rows.map((x) => [x.unitCode, [x.numerator, x.denominator, x.judged, x.status]]),
      );
    const shown = await report();
    // 示范市 (the city, a pool unit) over its subtree: the same two appointments.
    expect(rows(shown)).toEqual({
      C01: [1, 2, false, 'COMPLIANT'],
      A: [1, 2, false, 'COMPLIANT'],
      A1: [1, 1, false, 'COMPLIANT'],
    });
    expect(shown.complianceReport.totals.find((t) => t.rule === 'POOL_APPOINTMENTS')).toEqual({
      rule: 'POOL_APPOINTMENTS',
      value: 0.5,
      units: 0,
    });
    await withPolicy({ poolAppointmentShare: 0.6 }, async () => {
      const judged = await report();
      expect(rows(judged)).toEqual({
        C01: [1, 2, true, 'WARNING'],
        A: [1, 2, true, 'WARNING'],
        A1: [1, 1, true, 'COMPLIANT'],
      });
    });
    // The figure leads to the appointments behind it.
    const drill = await gqlOk<{
      drill: { totalCount: number; rows: { fromPool: boolean; enteredOn: string; person: { name: string } }[] };
    }>(
      `query { drill(measure: "APPOINTMENTS", unitCode: "A", subtree: true, asOf: "2026-11-30", trainingYear: 2026) {
        totalCount rows { fromPool enteredOn person { name } } } }`,
    );
    expect(drill.drill.totalCount).toBe(2);
    expect(drill.drill.rows.map((r) => [r.person.name, r.enteredOn, r.fromPool]).sort()).toEqual([
      ['孙后备', '2026-10-20', true],
      ['褚干部', '2026-10-14', false],
    ]);
    const listed = await gqlOk<{ appointments: { fromPool: boolean; position: { code: string } }[] }>(
      'query { appointments(unitCode: "A", from: "2026-01-01", to: "2026-12-31") { fromPool position { code } } }',
    );
    expect(listed.appointments).toEqual([
      { fromPool: true, position: { code: 'A1-P1' } },
      { fromPool: false, position: { code: 'A-D1' } },
    ]);
  });
});
