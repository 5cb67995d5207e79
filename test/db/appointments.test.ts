// 任前公示 by hand on the small fixture: R01 (甲县 A, 正科 principal reserve, in the pool since
// 2025-01-10) announced for 甲一镇's 正科 post A1-P1 — another unit, so only as 交流任职. Five
// working days on China's 2026 calendar; the calendar is policy, so a version changes the count.
import { beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { type As, gql } from '../helpers/graphql.ts';

const zh = { headers: { 'accept-language': 'zh-CN' } };
const announce = (input: Record<string, unknown>, as: As = zh) =>
  gql<{
    announceAppointment: { id: number; startsOn: string; endsOn: string; workingDays: number; appointableFrom: string };
  }>(
    'mutation($i: AnnounceAppointmentInput!) { announceAppointment(input: $i) { id startsOn endsOn workingDays appointableFrom } }',
    { i: { reserveId: 'R01', positionCode: 'A1-P1', acrossUnits: true, ...input } },
    as,
  );
const promote = (on: string) =>
  gql<{ promoteReserve: { status: string } }>(
    'mutation($i: PromoteReserveInput!) { promoteReserve(input: $i) { status } }',
    { i: { reserveId: 'R01', positionCode: 'A1-P1', on, acrossUnits: true } },
    zh,
  );
const problem = (r: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) => ({
  message: r.errors?.[0]?.message,
  code: r.errors?.[0]?.extensions?.code,
  field: r.errors?.[0]?.extensions?.field,
});

describe('任前公示 (the appointment notice)', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('announces only to a post that fits, across units only when said, inside the scope', async () => {
    expect(problem(await announce({ acrossUnits: false, startsOn: '2026-10-03' }))).toEqual({
      message: '后备干部记录“R01”为甲县的后备干部，职位“A1-P1”属于甲一镇；交流任职须注明',
      code: 'BAD_USER_INPUT',
      field: 'acrossUnits',
    });
    expect(problem(await announce({ positionCode: 'A-P1', startsOn: '2026-10-03' })).message).toBe(
      '后备干部记录“R01”拟任正科级，职位“A-P1”为正处级，职级不符',
    );
    expect(problem(await announce({ startsOn: '2026-10-03' }, { viewerUnit: 'B', role: 'ORG_OFFICER' })).code).toBe(
      'NOT_FOUND',
    );
    expect(problem(await announce({ startsOn: '2026-10-03' }, { role: 'LEADER' })).code).toBe('FORBIDDEN');
    expect(await db.appointmentNotice.count()).toBe(0);
  });

  it('counts five working days across National Day, and holds the promotion until after them', async () => {
    // From Saturday 2026-10-03 (a holiday): Thu 10-08, Fri 09, Sat 10 (worked), Mon 12, Tue 13.
    const made = await announce({ startsOn: '2026-10-03' });
    expect(made.data?.announceAppointment).toMatchObject({
      startsOn: '2026-10-03',
      endsOn: '2026-10-13',
      workingDays: 5,
      appointableFrom: '2026-10-14',
    });
    expect(problem(await promote('2026-10-13'))).toMatchObject({
      message: '后备干部记录“R01”：任前公示期为 2026-10-03 至 2026-10-13（5 个工作日），2026-10-14 起方可任用',
      code: 'ILLEGAL_TRANSITION',
    });
    // Withdrawn, it no longer counts: the promotion needs a notice again.
    const withdrawn = await gql(
      'mutation($i: WithdrawAppointmentNoticeInput!) { withdrawAppointmentNotice(input: $i) { withdrawnReason } }',
      { i: { noticeId: made.data!.announceAppointment.id, reason: '拟任职位调整' } },
    );
    expect(withdrawn.data).toEqual({ withdrawAppointmentNotice: { withdrawnReason: '拟任职位调整' } });
    expect(problem(await promote('2026-10-20')).message).toBe(
      '后备干部记录“R01”：任用到职位“A1-P1”前须进行不少于 5 个工作日的任前公示',
    );
  });

  it('counts on the policy’s calendar: without the Saturday worked the notice runs a day longer', async () => {
    const v = await db.policyVersion.create({
      data: {
        effectiveFrom: new Date('2026-01-01T00:00:00Z'),
        overrides: JSON.stringify({ calendar: { workdays: [] } }),
        actor: 'test',
      },
    });
    try {
      // 10-08 (1), 09 (2), 12 (3), 13 (4), 14 (5): the 10th is now a plain Saturday.
      expect((await announce({ startsOn: '2026-10-03' })).data?.announceAppointment.endsOn).toBe('2026-10-14');
    } finally {
      await db.policyVersion.delete({ where: { id: v.id } });
    }
    expect((await promote('2026-10-15')).data?.promoteReserve.status).toBe('PROMOTED');
  });
});
