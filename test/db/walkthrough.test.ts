// The README's worked example "Three candidates to an appointment from the pool", step by step on
// the demo as loaded on 2026-12-06 (the city, seed DEMO.seed, with its procedure records): every
// answer the README quotes is checked here, so the README cannot drift from what the service does.
import { beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { generateDataset, generateProcedure } from '../../server/dataset/synthetic.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { DEMO } from '../../server/startup.ts';
import { writeDatasetFile } from '../fixtures/small.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';

const REF = '2026-12-06';
const zh = { headers: { 'accept-language': 'zh-CN' } };
const ballot = (l: number, m: number, mem: number) => [
  { group: 'LEADERSHIP_TEAM', votes: l },
  { group: 'MIDDLE_MANAGERS', votes: m },
  { group: 'MEMBERS', votes: mem },
];
const move = (reserveId: string, to: string, on: string) =>
  gql<{ transitionReserve: { status: string; enteredOn: string | null } }>(
    'mutation($i: TransitionReserveInput!) { transitionReserve(input: $i) { status enteredOn } }',
    { i: { reserveId, to, on } },
    zh,
  );

describe('README: three candidates to an appointment from the pool', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    const data = generateDataset({ scale: DEMO.scale, seed: DEMO.seed, refDate: REF });
    const procedure = generateProcedure(data, { seed: DEMO.seed, refDate: REF });
    await importDataset(db, dbConfig, { file: writeDatasetFile(data) }, { replace: true, procedure });
  }, 180_000);

  it('nominates three, ranks them per group, inspects two, and the county’s decision is filed with the city', async () => {
    const codes: string[] = [];
    for (const [person, direction] of [
      ['E0004565', 'ECONOMY'],
      ['E0004655', 'ECONOMY'],
      ['E0004768', 'SOCIAL'],
    ] as const) {
      const r = await gqlOk<{ nominateReserve: { code: string } }>(
        `mutation { nominateReserve(input: { personId: "${person}", unitCode: "C01-39", targetKind: PRINCIPAL,
           targetRank: DIVISION_PRINCIPAL, tier: NEAR_TERM, direction: ${direction}, source: DEMOCRATIC_RECOMMENDATION,
           on: "2026-10-09" }) { code } }`,
      );
      codes.push(r.nominateReserve.code);
    }
    expect(codes).toEqual(['R0007035', 'R0007036', 'R0007037']);

    const round = await gqlOk<{
      recordComparativeRound: {
        tally: {
          turnout: number;
          valid: number;
          shortlist: number;
          standings: { reserveCode: string; votes: number; share: number; rank: number; shortlisted: boolean }[];
        };
      };
    }>(
      `mutation($i: RecordComparativeRoundInput!) { recordComparativeRound(input: $i) {
         tally { turnout valid shortlist standings { reserveCode votes share rank shortlisted } } } }`,
      {
        i: {
          unitCode: 'C01-39',
          kind: 'PRINCIPAL',
          heldOn: '2026-10-12',
          groups: [
            { group: 'LEADERSHIP_TEAM', expected: 11, cast: 11, invalid: 0 },
            { group: 'MIDDLE_MANAGERS', expected: 36, cast: 33, invalid: 1 },
            { group: 'MEMBERS', expected: 48, cast: 40, invalid: 2 },
          ],
          candidates: [
            { reserveId: 'R0007035', votes: ballot(9, 24, 30) },
            { reserveId: 'R0007036', votes: ballot(8, 20, 25) },
            { reserveId: 'R0007037', votes: ballot(3, 12, 20) },
          ],
        },
      },
    );
    // 84 / 95 = 0.884; valid 11 + 32 + 38 = 81; 63 / 81 = 0.778, 53 / 81 = 0.654, 35 / 81 = 0.432.
    const tally = round.recordComparativeRound.tally;
    expect(tally.turnout).toBeCloseTo(84 / 95, 12);
    expect([tally.valid, tally.shortlist]).toEqual([81, 4]);
    expect(tally.standings.map((s) => [s.reserveCode, s.votes, s.rank, s.shortlisted])).toEqual([
      ['R0007035', 63, 1, true],
      ['R0007036', 53, 2, true],
      ['R0007037', 35, 3, true],
    ]);
    // With a shortlist of 2 the third is refused.
    const v = await db.policyVersion.create({
      data: {
        effectiveFrom: new Date('2026-01-01T00:00:00Z'),
        overrides: JSON.stringify({ recommendation: { shortlist: 2 } }),
        actor: 'test',
      },
    });
    try {
      const refused = await move('R0007037', 'INSPECTING', '2026-10-14');
      expect(refused.errors?.[0]?.message).toBe(
        '后备干部记录“R0007037”：2026-10-12 差额推荐得票 35，在 3 名人选中排第 3 名，考察对象须在得票前 2 名中确定',
      );
      expect(refused.errors?.[0]?.extensions?.gate).toBe('RECOMMENDATION_FAILED');
    } finally {
      await db.policyVersion.delete({ where: { id: v.id } });
    }

    for (const code of ['R0007035', 'R0007036']) {
      expect((await move(code, 'INSPECTING', '2026-10-14')).data?.transitionReserve.status).toBe('INSPECTING');
      await gqlOk(
        `mutation { recordInspection(input: { reserveId: "${code}", startedOn: "2026-10-15", concludedOn: "2026-10-23",
           inspectors: ["市委组织部干部一科 王明", "李华"], interviews: 31, conclusion: "政治坚定，实绩突出，群众公认",
           verdict: FIT, evaluation: { excellent: 41, competent: 17, basicallyCompetent: 2, incompetent: 0 },
           disciplineOpinion: "经征求县纪委监委意见，未发现违纪违法问题", disciplineOpinionOn: "2026-10-22" }) { id } }`,
      );
      const notice = await gqlOk<{
        transitionReserve: { notices: { startsOn: string; endsOn: string; admissibleFrom: string }[] };
      }>(
        `mutation { transitionReserve(input: { reserveId: "${code}", to: PUBLICIZING, on: "2026-10-26" }) {
           notices { startsOn endsOn admissibleFrom } } }`,
      );
      expect(notice.transitionReserve.notices).toEqual([
        { startsOn: '2026-10-26', endsOn: '2026-11-01', admissibleFrom: '2026-11-02' },
      ]);
    }
    expect((await move('R0007035', 'ACTIVE', '2026-11-02')).errors?.[0]?.extensions?.gate).toBe('DECISION_MISSING');

    const meeting = await gqlOk<{
      recordMeeting: {
        votesNeeded: number;
        items: { adopted: boolean; filings: { kind: string; status: string; toUnitName: string }[] }[];
      };
    }>(
      `mutation { recordMeeting(input: { unitCode: "C01-39", heldOn: "2026-11-02", body: "双峰县委常委会", members: 11, present: 10,
         items: [{ subject: ADMISSION, reserveId: "R0007035", favour: 10, against: 0, abstain: 0 },
                 { subject: ADMISSION, reserveId: "R0007036", favour: 9, against: 1, abstain: 0 }] }) {
         votesNeeded items { adopted filings { kind status toUnitName } } } }`,
    );
    expect(meeting.recordMeeting).toEqual({
      votesNeeded: 6,
      items: [0, 1].map(() => ({
        adopted: true,
        filings: [{ kind: 'FILING', status: 'PENDING', toUnitName: '示范市' }],
      })),
    });
    for (const code of ['R0007035', 'R0007036'])
      expect((await move(code, 'ACTIVE', '2026-11-02')).data?.transitionReserve).toEqual({
        status: 'ACTIVE',
        enteredOn: '2026-11-02',
      });
    const inbox = await gqlOk<{ filings: { id: number; reserve: { code: string }; toUnitName: string }[] }>(
      '{ filings(box: INBOX, status: [PENDING]) { id reserve { code } toUnitName } }',
    );
    expect(inbox.filings.map((f) => [f.reserve.code, f.toUnitName])).toEqual([
      ['R0007035', '示范市'],
      ['R0007036', '示范市'],
    ]);
    for (const f of inbox.filings) {
      const acted = await gqlOk<{ decideFiling: { status: string } }>(
        `mutation { decideFiling(input: { filingId: ${f.id}, action: ACKNOWLEDGE, on: "2026-11-05" }) { status } }`,
      );
      expect(acted.decideFiling.status).toBe('ACKNOWLEDGED');
    }
  });

  it('appoints a reserve of the pool as 县长 after five working days, and the share counts it', async () => {
    const share = () =>
      gqlOk<{ appointmentShare: { appointmentsNow: number; fromPoolNow: number } }>(
        '{ appointmentShare(unitCode: "C01-39", asOf: "2026-12-06") { appointmentsNow fromPoolNow } }',
      );
    expect((await share()).appointmentShare).toEqual({ appointmentsNow: 63, fromPoolNow: 11 });
    const notice = await gqlOk<{
      announceAppointment: { endsOn: string; workingDays: number; appointableFrom: string };
    }>(
      `mutation { announceAppointment(input: { reserveId: "R0000288", positionCode: "C01-39-P2", startsOn: "2026-11-16" }) {
         endsOn workingDays appointableFrom } }`,
    );
    expect(notice.announceAppointment).toEqual({ endsOn: '2026-11-20', workingDays: 5, appointableFrom: '2026-11-21' });
    const promote = (on: string) =>
      gql<{ promoteReserve: { status: string } }>(
        `mutation { promoteReserve(input: { reserveId: "R0000288", positionCode: "C01-39-P2", on: "${on}", termEnds: "2031-11-22" }) { status } }`,
        {},
        zh,
      );
    expect((await promote('2026-11-20')).errors?.[0]?.message).toBe(
      '后备干部记录“R0000288”：任前公示期为 2026-11-16 至 2026-11-20（5 个工作日），2026-11-21 起方可任用',
    );
    expect((await promote('2026-11-23')).data?.promoteReserve.status).toBe('PROMOTED');
    expect((await share()).appointmentShare).toEqual({ appointmentsNow: 64, fromPoolNow: 12 });
    const listed = await gqlOk<{ appointments: { from: string; fromPool: boolean; person: { name: string } }[] }>(
      '{ appointments(unitCode: "C01-39", from: "2026-11-01", to: "2026-12-06") { from fromPool person { name } } }',
    );
    expect(listed.appointments).toEqual([{ from: '2026-11-23', fromPool: true, person: { name: '周华琳' } }]);
  });
});
