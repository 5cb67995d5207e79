// Collective decisions: admission to the pool and removal from it need an item adopted by a Party
// committee meeting (policy procedure.requireCollectiveDecision, on by default). By hand, under the
// default policy: a meeting decides with present / members ≥ 2/3; an item passes with more than
// half of the members expected in favour (9 members: 5 votes). The deciding item is referenced
// from the entry's history; a meeting is all or nothing, scoped, audited and only struck out.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { failing } from '../helpers/failing-audit.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';
import { decide } from '../helpers/meetings.ts';

vi.mock('../../server/audit/log.ts', () => import('../helpers/failing-audit.ts'));

const zh = { headers: { 'accept-language': 'zh-CN' } };
const move = (reserveId: string, to: string, on: string, reason?: string) =>
  gql<{ transitionReserve: { status: string } }>(
    `mutation($input: TransitionReserveInput!) { transitionReserve(input: $input) { status } }`,
    { input: { reserveId, to, on, reason } },
    zh,
  );
const refusal = (r: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) => ({
  message: r.errors?.[0]?.message,
  code: r.errors?.[0]?.extensions?.code,
  gate: r.errors?.[0]?.extensions?.gate,
  field: r.errors?.[0]?.extensions?.field,
});

describe('collective decisions', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
    // R02 (unit A, nominated 2026-09-01) through inspection into its notice: 2026-10-01 to 2026-10-07.
    expect((await move('R02', 'INSPECTING', '2026-09-10')).errors).toBeUndefined();
    await gqlOk(
      `mutation { recordInspection(input: { reserveId: "R02", startedOn: "2026-09-12", concludedOn: "2026-09-25",
        inspectors: ["王考察"], interviews: 12, conclusion: "同意", verdict: FIT,
        disciplineOpinion: "未发现违纪违法问题", disciplineOpinionOn: "2026-09-24" }) { id } }`,
    );
    expect((await move('R02', 'PUBLICIZING', '2026-10-01')).errors).toBeUndefined();
  });

  it('refuses admission without a decision, and with an item the meeting did not adopt', async () => {
    expect(refusal(await move('R02', 'ACTIVE', '2026-10-09'))).toEqual({
      message: '后备干部记录“R02”：确定入库须经党委（党组）会议集体研究决定，2026-10-09 及以前尚无通过的议题',
      code: 'ILLEGAL_TRANSITION',
      gate: 'DECISION_MISSING',
      field: undefined,
    });
    // 9 members, 8 present; 4 for, 3 against, 1 abstaining: 4 is not more than 9 / 2.
    const rejected = await decide('R02', { unitCode: 'A', heldOn: '2026-10-08', favour: 4, against: 3, abstain: 1 });
    expect(rejected.data?.recordMeeting.items.map((i) => i.adopted)).toEqual([false]);
    expect(refusal(await move('R02', 'ACTIVE', '2026-10-09'))).toMatchObject({
      message: '后备干部记录“R02”：2026-10-08 党委会未通过“确定入库”议题（赞成 4 票，须超过应到会成员 9 人的半数）',
      gate: 'DECISION_REJECTED',
    });
    expect((await db.reserveEntry.findUniqueOrThrow({ where: { code: 'R02' } })).status).toBe('PUBLICIZING');
  });

  it('admits once a later meeting adopts it, and the history names the meeting item', async () => {
    // A meeting of the parent county's committee the next day: 5 for (more than 4.5).
    const adopted = await decide('R02', { unitCode: 'A', heldOn: '2026-10-09', favour: 5, against: 3, abstain: 0 });
    expect(adopted.data?.recordMeeting.items.map((i) => i.adopted)).toEqual([true]);
    // Not before the meeting's day.
    expect(refusal(await move('R02', 'ACTIVE', '2026-10-08')).gate).toBe('DECISION_REJECTED');
    // Sent back from the notice the same day (an objection upheld), inspected again, on notice
    // again from 10-10 to 10-16: the decision taken before the send-back no longer admits it.
    expect((await move('R02', 'INSPECTING', '2026-10-09', '异议核查属实，重新考察')).errors).toBeUndefined();
    await gqlOk(
      `mutation { recordInspection(input: { reserveId: "R02", startedOn: "2026-10-09", concludedOn: "2026-10-10",
        inspectors: ["王考察"], interviews: 8, conclusion: "经核查，可以列为后备", verdict: FIT,
        disciplineOpinion: "未发现违纪违法问题", disciplineOpinionOn: "2026-10-10" }) { id } }`,
    );
    expect((await move('R02', 'PUBLICIZING', '2026-10-10')).errors).toBeUndefined();
    expect(refusal(await move('R02', 'ACTIVE', '2026-10-17')).gate).toBe('DECISION_MISSING');
    const again = await decide('R02', { unitCode: 'A', heldOn: '2026-10-17', favour: 5, against: 3, abstain: 0 });
    expect((await move('R02', 'ACTIVE', '2026-10-17')).data?.transitionReserve.status).toBe('ACTIVE');
    const { reserve } = await gqlOk<{
      reserve: {
        history: {
          to: string;
          decision: { id: number; favour: number; meeting: { heldOn: string; body: string } } | null;
        }[];
        decisions: { adopted: boolean }[];
      };
    }>(
      `{ reserve(id: "R02") { history { to decision { id favour meeting { heldOn body } } }
         decisions { adopted } } }`,
    );
    expect(reserve.history.at(-1)).toEqual({
      to: 'ACTIVE',
      decision: {
        id: again.data!.recordMeeting.items[0]!.id,
        favour: 5,
        meeting: { heldOn: '2026-10-17', body: '党委会' },
      },
    });
    expect(reserve.history.slice(0, -1).every((h) => h.decision === null)).toBe(true);
    expect(reserve.decisions.map((d) => d.adopted)).toEqual([false, true, true]);
  });

  it('takes 2/3 present as the quorum, and votes no more than those present', async () => {
    // 5 of 9 present: 0.56 < 2/3, the meeting cannot decide; 6 of 9 is exactly 2/3.
    expect(
      refusal(await decide('R01', { unitCode: 'A', heldOn: '2026-11-01', subject: 'REMOVAL', present: 5 }, zh)),
    ).toMatchObject({
      message: '实到会成员 5 人，不足应到会成员 9 人的 66.7%，会议不能作出决定',
      code: 'BAD_USER_INPUT',
      field: 'present',
    });
    const over = await decide(
      'R01',
      { unitCode: 'A', heldOn: '2026-11-01', subject: 'REMOVAL', present: 6, favour: 5, against: 2 },
      zh,
    );
    expect(refusal(over)).toMatchObject({
      message: '第 1 项议题有误：赞成 5、反对 2、弃权 0，合计 7 票，多于实到会成员 6 人',
      field: 'items.0.favour',
    });
    expect(await db.meeting.count({ where: { unitCode: 'A', heldOn: new Date('2026-11-01T00:00:00Z') } })).toBe(0);
  });

  it('removes with a decision of the unit’s committee or one above it, not of another unit', async () => {
    expect(refusal(await move('R01', 'REMOVED', '2026-11-02', '工作调动')).gate).toBe('DECISION_MISSING');
    // R01 entered the pool on 2025-01-10: a meeting before that cannot decide its removal.
    expect(refusal(await decide('R01', { unitCode: 'A', heldOn: '2024-12-31', subject: 'REMOVAL' }, zh))).toMatchObject(
      {
        message: '会议日期 2024-12-31 早于后备干部记录“R01”的入库日期 2025-01-10，不能作为调整出库的决定',
        field: 'heldOn',
      },
    );
    // B's committee cannot decide on A's entry.
    expect(refusal(await decide('R01', { unitCode: 'B', heldOn: '2026-11-01', subject: 'REMOVAL' }, zh))).toMatchObject(
      {
        message: '后备干部记录“R01”不属于乙县及其下级单位，不能由该会议决定',
        field: 'items.0.reserveId',
      },
    );
    // The city's committee (above A) can; 6 of 9 present is quorate.
    const city = await decide('R01', {
      unitCode: 'C01',
      heldOn: '2026-11-01',
      subject: 'REMOVAL',
      present: 6,
      favour: 6,
      against: 0,
    });
    expect(city.data?.recordMeeting.items[0]?.adopted).toBe(true);
    expect((await move('R01', 'REMOVED', '2026-11-02', '工作调动')).data?.transitionReserve.status).toBe('REMOVED');
    // The county's officer reads the city's decision on its reserve, not the city's meeting itself.
    const officerOfA = { viewerUnit: 'A', role: 'ORG_OFFICER' as const };
    const seen = await gqlOk<{
      reserve: {
        history: {
          decision: { heldOn: string; body: string; members: number; meetingUnitCode: string | null } | null;
        }[];
      };
    }>('{ reserve(id: "R01") { history { decision { heldOn body members meetingUnitCode } } } }', {}, officerOfA);
    expect(seen.reserve.history.at(-1)?.decision).toEqual({
      heldOn: '2026-11-01',
      body: '党委会',
      members: 9,
      meetingUnitCode: null,
    });
    const closed = await gql('{ reserve(id: "R01") { history { decision { meeting { id } } } } }', {}, officerOfA);
    expect(closed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // An admission item is for an entry on its way in, not for an active one.
    expect(refusal(await decide('R03', { unitCode: 'B', heldOn: '2026-11-01' }, zh)).message).toBe(
      '后备干部记录“R03”当前状态为在库：“确定入库”议题只能针对考察中或公示中状态的记录',
    );
  });

  it('lets a policy do without the decision', async () => {
    const v = await db.policyVersion.create({
      data: {
        unitKind: 'PARTY_GOV',
        effectiveFrom: new Date('2026-01-01T00:00:00Z'),
        overrides: JSON.stringify({ procedure: { requireCollectiveDecision: false } }),
        actor: 'test',
      },
    });
    try {
      expect((await move('R06', 'REMOVED', '2026-11-03', '调离')).data?.transitionReserve.status).toBe('REMOVED');
      const history = await db.reserveStatusChange.findMany({ where: { reserveCode: 'R06' }, orderBy: { id: 'asc' } });
      expect(history.at(-1)).toMatchObject({ to: 'REMOVED', decisionItemId: null });
    } finally {
      await db.policyVersion.delete({ where: { id: v.id } });
    }
  });

  it('strikes out a meeting nothing rests on, and refuses to strike one a step rests on', async () => {
    const meetings = await gqlOk<{ meetings: { id: number; heldOn: string; items: { adopted: boolean }[] }[] }>(
      `{ meetings(unitCode: "A") { id heldOn items { adopted } } }`,
    );
    expect(meetings.meetings.map((m) => [m.heldOn, m.items[0]!.adopted])).toEqual([
      ['2026-10-17', true],
      ['2026-10-09', true],
      ['2026-10-08', false],
    ]);
    // The one R02's admission rests on, and the one the send-back overtook.
    const [used, unused] = meetings.meetings;
    const strike = (meetingId: number) =>
      gql(
        `mutation($i: StrikeMeetingInput!) { strikeMeeting(input: $i) { id struckReason struckBy } }`,
        {
          i: { meetingId, reason: '误录' },
        },
        zh,
      );
    expect(refusal(await strike(used!.id)).message).toBe(
      `会议 ${used!.id} 的议题已作为后备干部记录 R02 状态变更的依据，不能作废`,
    );
    expect((await strike(unused!.id)).data).toEqual({
      strikeMeeting: { id: unused!.id, struckReason: '误录', struckBy: 'test-admin-all' },
    });
    expect(await db.auditLog.count({ where: { action: 'meeting.strike', entityCode: String(unused!.id) } })).toBe(1);
  });

  it('keeps meetings to the roles that keep the pool, inside their subtree', async () => {
    // An officer of B sees no unit A; a leader records nothing.
    expect(
      refusal(
        await decide(
          'R03',
          { unitCode: 'A', heldOn: '2026-11-01', subject: 'REMOVAL' },
          { viewerUnit: 'B', role: 'ORG_OFFICER' },
        ),
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      refusal(await decide('R03', { unitCode: 'B', heldOn: '2026-11-01', subject: 'REMOVAL' }, { role: 'LEADER' }))
        .code,
    ).toBe('FORBIDDEN');
    const seen = await gql(`{ meetings(unitCode: "A") { id } }`, {}, { viewerUnit: 'B', role: 'ORG_OFFICER' });
    expect(refusal(seen).code).toBe('NOT_FOUND');
    // An entry outside the officer's subtree is not found, even named in B's meeting.
    expect(
      refusal(
        await decide(
          'R05',
          { unitCode: 'B', heldOn: '2026-11-01', subject: 'REMOVAL' },
          { viewerUnit: 'B', role: 'ORG_OFFICER' },
        ),
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('records all of a meeting or nothing', async () => {
    const before = await db.meeting.count();
    const items = await db.meetingItem.count();
    failing.audit = true;
    try {
      expect(refusal(await decide('R03', { unitCode: 'B', heldOn: '2026-11-01', subject: 'REMOVAL' })).message).toMatch(
        /injected failure|Unexpected error/,
      );
    } finally {
      failing.audit = false;
    }
    expect(await db.meeting.count()).toBe(before);
    expect(await db.meetingItem.count()).toBe(items);
  });
});
