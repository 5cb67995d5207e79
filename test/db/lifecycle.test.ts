// Moving entries through the lifecycle: legal steps are dated, attributed and kept; illegal
// ones are refused with a code and change nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { gql } from '../helpers/graphql.ts';
import { decide } from '../helpers/meetings.ts';

const move = (reserveId: string, to: string, on: string, reason?: string) =>
  gql<{
    transitionReserve: {
      code: string;
      status: string;
      enteredOn: string | null;
      exitedOn: string | null;
      exitReason: string | null;
    };
  }>(
    `mutation($input: TransitionReserveInput!) {
      transitionReserve(input: $input) { code status enteredOn exitedOn exitReason }
    }`,
    { input: { reserveId, to, on, reason } },
  );

const stateOf = (code: string) =>
  db.reserveEntry.findUniqueOrThrow({ where: { code }, include: { history: { orderBy: { id: 'asc' } } } });

describe('reserve entry lifecycle', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('takes a nominee through inspection and publicity into the pool, recording each step', async () => {
    expect((await move('R02', 'INSPECTING', '2026-09-10')).data?.transitionReserve.status).toBe('INSPECTING');
    // The notice needs a concluded inspection (the policy's procedure.requireInspection).
    expect((await move('R02', 'PUBLICIZING', '2026-10-01')).errors?.[0]?.extensions).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      gate: 'INSPECTION_MISSING',
    });
    const inspected = await gql<{ recordInspection: { id: number } }>(
      `mutation { recordInspection(input: { reserveId: "R02", startedOn: "2026-09-12", concludedOn: "2026-09-25",
        inspectors: ["王考察", "李考察"], interviews: 18, conclusion: "德才兼备，同意列为后备", verdict: FIT }) { id } }`,
    );
    expect(inspected.errors).toBeUndefined();
    // 征求纪检监察机关意见 is part of the inspection the notice rests on.
    const noOpinion = await gql(
      `mutation { transitionReserve(input: { reserveId: "R02", to: PUBLICIZING, on: "2026-10-01" }) { status } }`,
      {},
      { headers: { 'accept-language': 'zh-CN' } },
    );
    expect(noOpinion.errors?.[0]).toMatchObject({
      message: '后备干部记录“R02”：考察须征求纪检监察机关意见，2026-09-25 结束的考察尚未记录纪检意见',
      extensions: { code: 'ILLEGAL_TRANSITION', gate: 'DISCIPLINE_OPINION' },
    });
    const opinion = await gql(
      `mutation($i: CorrectInspectionInput!) { correctInspection(input: $i) { disciplineOpinion evaluation { total incompetentShare } } }`,
      {
        i: {
          inspectionId: inspected.data!.recordInspection.id,
          disciplineOpinion: '经征求县纪委监委意见，未发现违纪违法问题',
          disciplineOpinionOn: '2026-09-24',
          // 民主测评: 20 + 15 + 3 + 2 = 40 ballots, 2 / 40 = 5 % 不称职.
          evaluation: { excellent: 20, competent: 15, basicallyCompetent: 3, incompetent: 2 },
        },
      },
    );
    expect(opinion.data).toEqual({
      correctInspection: {
        disciplineOpinion: '经征求县纪委监委意见，未发现违纪违法问题',
        evaluation: { total: 40, incompetentShare: 0.05 },
      },
    });
    expect((await move('ReserveEntry:R02', 'PUBLICIZING', '2026-10-01')).data?.transitionReserve.status).toBe(
      'PUBLICIZING',
    );
    // Admission needs the committee's decision (domain rules, "Collective decisions").
    expect((await move('R02', 'ACTIVE', '2026-10-09')).errors?.[0]?.extensions?.gate).toBe('DECISION_MISSING');
    expect((await decide('R02', { unitCode: 'A', heldOn: '2026-10-08' })).errors).toBeUndefined();
    const entered = await move('R02', 'ACTIVE', '2026-10-09');
    expect(entered.data?.transitionReserve).toMatchObject({
      status: 'ACTIVE',
      enteredOn: '2026-10-09',
      exitedOn: null,
    });
    const entry = await stateOf('R02');
    expect(entry.history.map((h) => [h.from, h.to, h.on.toISOString().slice(0, 10), h.actor])).toEqual([
      [null, 'NOMINATED', '2026-09-01', 'import'],
      ['NOMINATED', 'INSPECTING', '2026-09-10', 'test-admin-all'],
      ['INSPECTING', 'PUBLICIZING', '2026-10-01', 'test-admin-all'],
      ['PUBLICIZING', 'ACTIVE', '2026-10-09', 'test-admin-all'],
    ]);
    expect(entry.openPersonCode).toBe('E07');
    const audit = await db.auditLog.count({ where: { action: 'reserve.transition', entityCode: 'R02' } });
    expect(audit).toBe(3);
  });

  it('refuses a step the lifecycle does not have, naming the legal ones, and changes nothing', async () => {
    const result = await move('R01', 'INSPECTING', '2026-10-01');
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      from: 'ACTIVE',
      allowed: ['PROMOTED', 'REMOVED', 'EXPIRED'],
    });
    expect(result.errors?.[0]?.message).toBe(
      'reserve entry "R01" is Active; from Active it can go to Promoted, Removed, Expired, not to Inspecting',
    );
    const final = await move('R04', 'ACTIVE', '2026-10-01');
    expect(final.errors?.[0]?.message).toBe('reserve entry "R04" is Promoted, which is final; it cannot go to Active');
    expect((await stateOf('R01')).history).toHaveLength(1);
  });

  it('refuses a step dated before the last one', async () => {
    const result = await move('R01', 'REMOVED', '2024-12-31', '工作调动');
    expect(result.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    expect(result.errors?.[0]?.message).toMatch(/before its last step, on 2025-01-10/);
  });

  it('refuses a promotion inside the minimum cultivation year (INELIGIBLE), allows it on the day it ends', async () => {
    // R05 entered 2026-01-10: cultivation ends 2027-01-10.
    const early = await move('R05', 'PROMOTED', '2027-01-09');
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'INELIGIBLE', until: '2027-01-10' });
    expect((await stateOf('R05')).status).toBe('ACTIVE');
    const onTime = await move('R05', 'PROMOTED', '2027-01-10', '任镇长');
    expect(onTime.data?.transitionReserve).toMatchObject({
      status: 'PROMOTED',
      exitedOn: '2027-01-10',
      exitReason: '任镇长',
    });
    expect((await stateOf('R05')).openPersonCode).toBeNull();
  });

  it('expires an entry only at the end of its management period', async () => {
    // R03 entered 2024-03-01: the period ends 2027-03-01.
    const early = await move('R03', 'EXPIRED', '2027-02-28');
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', until: '2027-03-01' });
    expect((await move('R03', 'EXPIRED', '2027-03-01')).data?.transitionReserve.status).toBe('EXPIRED');
  });

  it('needs a reason to remove an entry from the pool', async () => {
    expect((await decide('R06', { unitCode: 'B', heldOn: '2026-10-30', subject: 'REMOVAL' })).errors).toBeUndefined();
    const result = await move('R06', 'REMOVED', '2026-11-01', '  ');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await move('R06', 'REMOVED', '2026-11-01', '年度考核不称职')).data?.transitionReserve.exitReason).toBe(
      '年度考核不称职',
    );
  });

  it('answers NOT_FOUND for an unknown entry and BAD_USER_INPUT for a bad date', async () => {
    expect((await move('R404', 'ACTIVE', '2026-11-01')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const badDate = await move('R01', 'REMOVED', '2026-02-30', 'x');
    expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badDate.errors?.[0]?.message).toMatch(/YYYY-MM-DD/);
  });

  it('keeps every entry: nothing was deleted', async () => {
    expect(await db.reserveEntry.count()).toBe(6);
  });
});
