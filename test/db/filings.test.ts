// Filing with and approval by the higher level, by hand on the small tree with a village: 示范市
// C01 → 甲县 A → 甲一镇 A1 → 东村 A1V. Under the default authority lines a village reserve's
// admission decided by the village party branch goes to the township for approval and to the
// county for filing; the township's own decision needs no approval; a county's 正处 reserve is
// filed with the city. Only the receiving unit's officers act; an approval holds the step.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { failing } from '../helpers/failing-audit.ts';
import { type As, gql, gqlOk } from '../helpers/graphql.ts';
import { decide } from '../helpers/meetings.ts';

vi.mock('../../server/audit/log.ts', () => import('../helpers/failing-audit.ts'));

const zh = { headers: { 'accept-language': 'zh-CN' } };
const township: As = { role: 'ORG_OFFICER', viewerUnit: 'A1', ...zh };
const county: As = { role: 'ORG_OFFICER', viewerUnit: 'A', ...zh };
const village: As = { role: 'ORG_OFFICER', viewerUnit: 'A1V', ...zh };

const move = (reserveId: string, to: string, on: string) =>
  gql<{ transitionReserve: { status: string } }>(
    `mutation($input: TransitionReserveInput!) { transitionReserve(input: $input) { status } }`,
    { input: { reserveId, to, on } },
    zh,
  );
type FilingRow = { id: number; kind: string; status: string; toUnitName: string; reserve: { code: string } };
const box = (as: As, which = 'INBOX', status?: string[]) =>
  gqlOk<{ filings: FilingRow[] }>(
    `query($b: FilingBox, $s: [FilingStatus!]) { filings(box: $b, status: $s) { id kind status toUnitName reserve { code } } }`,
    { b: which, s: status ?? null },
    as,
  ).then((d) => d.filings);
/** The same, in the order they were sent (the lists' own order is checked on its own). */
const sorted = async (...args: Parameters<typeof box>) => (await box(...args)).sort((a, b) => a.id - b.id);
const act = (filingId: number, action: string, on: string, as: As, reason?: string) =>
  gql<{ decideFiling: { status: string; decidedOn: string; decidedBy: string; reason: string | null } }>(
    `mutation($i: DecideFilingInput!) { decideFiling(input: $i) { status decidedOn decidedBy reason } }`,
    { i: { filingId, action, on, reason } },
    as,
  );
const refusal = (r: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) => ({
  message: r.errors?.[0]?.message,
  code: r.errors?.[0]?.extensions?.code,
  gate: r.errors?.[0]?.extensions?.gate,
  field: r.errors?.[0]?.extensions?.field,
});

describe('filing and approval', () => {
  beforeAll(async () => {
    const data = smallDataset();
    data.units.push({ code: 'A1V', name: '东村', parentCode: 'A1', kind: 'VILLAGE', level: 'VILLAGE' });
    const person = (id: string, unitCode: string, rank: string) => ({
      id,
      name: `干部${id}`,
      gender: 'M',
      birthDate: '1990-01-01',
      ethnicity: '汉族',
      politicalStatus: 'CPC',
      education: 'BACHELOR',
      fullTimeEducation: 'BACHELOR',
      title: 'NONE',
      rank,
      rankSince: '2020-01-01',
      workStart: '2012-07-01',
      category: 'PARTY_GOV',
      unitCode,
    });
    data.people.push(
      person('V01', 'A1V', 'STAFF'),
      person('V02', 'A1V', 'STAFF'),
      person('D01', 'A', 'DIVISION_DEPUTY'),
    );
    // On notice since their nomination (imported so): the window 2026-09-01 to 09-07 is over.
    const onNotice = (id: string, personId: string, unitCode: string, targetKind: string, targetRank: string) => ({
      id,
      personId,
      unitCode,
      targetKind,
      targetRank,
      tier: 'LONG_TERM',
      direction: 'PARTY',
      source: 'DEMOCRATIC_RECOMMENDATION',
      status: 'PUBLICIZING',
      nominatedOn: '2026-09-01',
      enteredOn: null,
      exitedOn: null,
      exitReason: null,
    });
    data.reserves.push(
      onNotice('RV1', 'V01', 'A1V', 'DEPUTY', 'VILLAGE_CADRE'),
      onNotice('RV2', 'V02', 'A1V', 'DEPUTY', 'VILLAGE_CADRE'),
      onNotice('RD1', 'D01', 'A', 'PRINCIPAL', 'DIVISION_PRINCIPAL'),
    );
    await importDataset(db, dbConfig, { file: writeDatasetFile(data) });
  });

  it('sends the village branch’s decision to the township for approval and the county for filing', async () => {
    const made = await decide('RV1', {
      unitCode: 'A1V',
      heldOn: '2026-10-01',
      body: '东村党支部委员会',
      members: 5,
      present: 5,
      favour: 5,
      against: 0,
    });
    expect(made.errors).toBeUndefined();
    const sent = await sorted({}, 'OUTBOX');
    // The lists themselves: everything sent newest first.
    expect((await box({}, 'OUTBOX')).map((f) => f.kind)).toEqual(['FILING', 'APPROVAL']);
    expect(sent.map((f) => [f.reserve.code, f.kind, f.toUnitName, f.status])).toEqual([
      ['RV1', 'APPROVAL', '甲一镇', 'PENDING'],
      ['RV1', 'FILING', '甲县', 'PENDING'],
    ]);
    // Admission waits for the township.
    expect(refusal(await move('RV1', 'ACTIVE', '2026-10-02'))).toMatchObject({
      message: '后备干部记录“RV1”：确定入库须经甲一镇审批，2026-10-01 报送后尚未批复',
      gate: 'APPROVAL_PENDING',
    });
    // Each officer sees what is sent to the units of his subtree; the village sees its own outbox.
    expect((await box(township)).map((f) => [f.kind, f.toUnitName])).toEqual([['APPROVAL', '甲一镇']]);
    expect((await sorted(county)).map((f) => [f.kind, f.toUnitName])).toEqual([
      ['APPROVAL', '甲一镇'],
      ['FILING', '甲县'],
    ]);
    expect(await box(village)).toEqual([]);
    expect((await sorted(village, 'OUTBOX')).map((f) => f.toUnitName)).toEqual(['甲一镇', '甲县']);
    // Units above the village's scope are not open to it, by any path.
    const above = await gql(`{ filings(box: OUTBOX) { toUnit { code } } }`, {}, village);
    expect(refusal(above).code).toBe('NOT_FOUND');
  });

  it('lets only the receiving unit act, a return needs its reason, and a returned decision is decided again', async () => {
    const [approval] = await box(township, 'INBOX', ['PENDING']);
    // The village cannot approve its own request; a leader acts on nothing.
    expect(refusal(await act(approval!.id, 'APPROVE', '2026-10-02', village)).code).toBe('NOT_FOUND');
    expect(refusal(await act(approval!.id, 'APPROVE', '2026-10-02', { role: 'LEADER' })).code).toBe('FORBIDDEN');
    expect(refusal(await act(approval!.id, 'ACKNOWLEDGE', '2026-10-02', township))).toMatchObject({
      message: `报送事项 ${approval!.id} 为审批，不能“备案”`,
      field: 'action',
    });
    expect(refusal(await act(approval!.id, 'RETURN', '2026-10-02', township))).toMatchObject({ field: 'reason' });
    expect(
      (await act(approval!.id, 'RETURN', '2026-10-02', township, '群众反映需进一步核实')).data?.decideFiling,
    ).toEqual({
      status: 'RETURNED',
      decidedOn: '2026-10-02',
      decidedBy: 'test-org_officer-a1',
      reason: '群众反映需进一步核实',
    });
    expect(refusal(await act(approval!.id, 'APPROVE', '2026-10-03', township)).message).toBe(
      `报送事项 ${approval!.id} 已处理（已退回）`,
    );
    expect(refusal(await move('RV1', 'ACTIVE', '2026-10-03'))).toMatchObject({
      message: '后备干部记录“RV1”：甲一镇于 2026-10-02 退回“确定入库”（群众反映需进一步核实），须重新研究决定',
      gate: 'APPROVAL_RETURNED',
    });
    // Verified: the branch decides again, the township approves the new request on 2026-10-06.
    await decide('RV1', { unitCode: 'A1V', heldOn: '2026-10-05', members: 5, present: 4, favour: 4, against: 0 });
    const pending = await box(township, 'INBOX', ['PENDING']);
    expect(pending.map((f) => f.reserve.code)).toEqual(['RV1']);
    expect((await act(pending[0]!.id, 'APPROVE', '2026-10-06', township)).data?.decideFiling.status).toBe('APPROVED');
    // Not before the approval's date; from it, admitted, the history naming the second item.
    expect(refusal(await move('RV1', 'ACTIVE', '2026-10-05')).gate).toBe('APPROVAL_PENDING');
    expect((await move('RV1', 'ACTIVE', '2026-10-06')).data?.transitionReserve.status).toBe('ACTIVE');
    const { reserve } = await gqlOk<{
      reserve: {
        history: { decision: { meeting: { heldOn: string } } | null }[];
        filings: { kind: string; status: string; item: { meeting: { heldOn: string } } }[];
      };
    }>(
      `{ reserve(id: "RV1") { history { decision { meeting { heldOn } } } filings { kind status item { meeting { heldOn } } } } }`,
    );
    expect(reserve.history.at(-1)?.decision?.meeting.heldOn).toBe('2026-10-05');
    expect(reserve.filings.map((f) => [f.kind, f.status, f.item.meeting.heldOn])).toEqual([
      ['APPROVAL', 'RETURNED', '2026-10-01'],
      ['FILING', 'PENDING', '2026-10-01'],
      ['APPROVAL', 'APPROVED', '2026-10-05'],
      ['FILING', 'PENDING', '2026-10-05'],
    ]);
  });

  it('has the county acknowledge its filings, which hold nothing', async () => {
    const filings = (await box(county, 'INBOX', ['PENDING'])).filter((f) => f.kind === 'FILING');
    expect(filings.length).toBe(2);
    expect((await act(filings[1]!.id, 'ACKNOWLEDGE', '2026-10-08', county)).data?.decideFiling.status).toBe(
      'ACKNOWLEDGED',
    );
    expect(refusal(await act(filings[1]!.id, 'ACKNOWLEDGE', '2026-10-08', county)).code).toBe('BAD_USER_INPUT');
    expect(refusal(await act(filings[0]!.id, 'ACKNOWLEDGE', '2026-09-30', county))).toMatchObject({ field: 'on' });
  });

  it('needs no approval when the township’s committee decides, and files a county’s 正处 reserve with the city', async () => {
    await decide('RV2', { unitCode: 'A1', heldOn: '2026-10-01', body: '甲一镇党委会' });
    await decide('RD1', { unitCode: 'A', heldOn: '2026-10-01', body: '甲县县委常委会' });
    const sent = (await sorted({}, 'OUTBOX')).filter((f) => f.reserve.code !== 'RV1');
    expect(sent.map((f) => [f.reserve.code, f.kind, f.toUnitName])).toEqual([
      ['RV2', 'FILING', '甲县'],
      ['RD1', 'FILING', '示范市'],
    ]);
    expect((await move('RV2', 'ACTIVE', '2026-10-02')).data?.transitionReserve.status).toBe('ACTIVE');
    expect((await move('RD1', 'ACTIVE', '2026-10-02')).data?.transitionReserve.status).toBe('ACTIVE');
  });

  it('withdraws what a struck-out meeting sent up, and keeps a meeting the higher level has acted on', async () => {
    // RV2 is in the pool: the village branch decides its removal; the requests go up.
    const first = await decide('RV2', {
      unitCode: 'A1V',
      heldOn: '2026-10-20',
      subject: 'REMOVAL',
      members: 5,
      present: 5,
      favour: 5,
      against: 0,
    });
    const strike = (id: number) =>
      gql(
        `mutation($i: StrikeMeetingInput!) { strikeMeeting(input: $i) { struckReason } }`,
        { i: { meetingId: id, reason: '误录' } },
        zh,
      );
    expect((await strike(first.data!.recordMeeting.id)).errors).toBeUndefined();
    const withdrawn = await db.filing.findMany({ where: { item: { meetingId: first.data!.recordMeeting.id } } });
    expect(withdrawn.map((f) => [f.kind, f.status])).toEqual([
      ['APPROVAL', 'WITHDRAWN'],
      ['FILING', 'WITHDRAWN'],
    ]);
    expect((await box(township, 'INBOX', ['PENDING'])).map((f) => f.reserve.code)).not.toContain('RV2');
    // Recorded again; the township approves; the meeting then stands.
    const second = await decide('RV2', {
      unitCode: 'A1V',
      heldOn: '2026-10-21',
      subject: 'REMOVAL',
      members: 5,
      present: 5,
      favour: 5,
      against: 0,
    });
    const [approval] = (await box(township, 'INBOX', ['PENDING'])).filter((f) => f.reserve.code === 'RV2');
    expect((await act(approval!.id, 'APPROVE', '2026-10-22', township)).errors).toBeUndefined();
    expect(refusal(await strike(second.data!.recordMeeting.id)).message).toBe(
      `会议 ${second.data!.recordMeeting.id} 报送的事项（编号 ${approval!.id}）上级已处理，不能作废`,
    );
  });

  it('sends up nothing, and records nothing, when the meeting fails midway', async () => {
    const before = [await db.meeting.count(), await db.filing.count()];
    failing.audit = true;
    try {
      expect((await decide('R03', { unitCode: 'B', heldOn: '2026-10-01', subject: 'REMOVAL' })).errors).toBeDefined();
      const pending = await db.filing.findFirst({ where: { status: 'PENDING' } });
      expect((await act(pending!.id, 'ACKNOWLEDGE', '2026-10-09', {})).errors).toBeDefined();
      expect((await db.filing.findUniqueOrThrow({ where: { id: pending!.id } })).status).toBe('PENDING');
    } finally {
      failing.audit = false;
    }
    expect([await db.meeting.count(), await db.filing.count()]).toEqual(before);
  });
});
