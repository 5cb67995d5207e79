// 差额推荐 by hand on the small fixture plus three deputy candidates of 甲县 (A), nominated
// 2026-09-01: R02 (周后备), RC1 and RC2. A has one deputy post (A-D1), so by default the shortlist
// is ceil(1 × 1) = 1.
// The round of 2026-09-05, ballots per group (expected / cast / invalid → valid):
//   LEADERSHIP_TEAM 9 / 9 / 0 → 9;  MIDDLE_MANAGERS 30 / 27 / 1 → 26;  MASSES 60 / 40 / 2 → 38
//   total 99 / 76 → turnout 76 / 99 = 76.8 % ≥ 2/3; valid 73.
// Votes (L, M, Ma): RC1 7, 20, 25 = 52 (52 / 73 = 71.2 %); R02 5, 15, 30 = 50; RC2 2, 15, 33 = 50.
// Ranks: RC1 1; R02 and RC2 tie on 50 → both 2 (RC2 leads among MASSES: 33 / 38 = 86.8 %).
// Shortlist 1: only RC1 goes on to inspection; with the policy's shortlist 2, all three (the tie).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatasetRecord } from '../../server/dataset/format.ts';
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

const GROUPS = [
  { group: 'LEADERSHIP_TEAM', expected: 9, cast: 9, invalid: 0 },
  { group: 'MIDDLE_MANAGERS', expected: 30, cast: 27, invalid: 1 },
  { group: 'MASSES', expected: 60, cast: 40, invalid: 2 },
];
const votes = (l: number, m: number, ma: number) => [
  { group: 'LEADERSHIP_TEAM', votes: l },
  { group: 'MIDDLE_MANAGERS', votes: m },
  { group: 'MASSES', votes: ma },
];
const CANDIDATES = [
  { reserveId: 'R02', votes: votes(5, 15, 30) },
  { reserveId: 'RC1', votes: votes(7, 20, 25) },
  { reserveId: 'RC2', votes: votes(2, 15, 33) },
];
const record = (input: Record<string, unknown>, as: As = zh) =>
  gql<{
    recordComparativeRound: {
      id: number;
      tally: {
        turnout: number;
        quorate: boolean;
        valid: number;
        shortlist: number;
        standings: {
          reserveCode: string;
          votes: number;
          share: number;
          rank: number;
          shortlisted: boolean;
          groups: { group: string; votes: number; share: number }[];
        }[];
      };
    };
  }>(
    `mutation($i: RecordComparativeRoundInput!) { recordComparativeRound(input: $i) { id tally {
       turnout quorate valid shortlist standings { reserveCode votes share rank shortlisted groups { group votes share } } } } }`,
    { i: { unitCode: 'A', kind: 'DEPUTY', heldOn: '2026-09-05', groups: GROUPS, candidates: CANDIDATES, ...input } },
    as,
  );
const move = (reserveId: string, on = '2026-09-10') =>
  gql<{ transitionReserve: { status: string } }>(
    'mutation($i: TransitionReserveInput!) { transitionReserve(input: $i) { status } }',
    { i: { reserveId, to: 'INSPECTING', on } },
    zh,
  );

function dataset() {
  const data = smallDataset();
  const person = (id: string, name: string): DatasetRecord => ({
    ...data.people.find((p) => p.id === 'E07')!,
    id,
    name,
    education: 'BACHELOR',
    fullTimeEducation: 'BACHELOR',
  });
  data.people.push(person('EC1', '甲候选'), person('EC2', '乙候选'));
  const r02 = data.reserves.find((r) => r.id === 'R02')!;
  data.reserves.push({ ...r02, id: 'RC1', personId: 'EC1' }, { ...r02, id: 'RC2', personId: 'EC2' });
  return data;
}

describe('差额推荐 (comparative recommendation)', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(dataset()) });
  });

  it('refuses a round that does not add up, naming the field, and records nothing', async () => {
    expect(
      problem(await record({ candidates: [CANDIDATES[0], { reserveId: 'RC1', votes: votes(7, 27, 25) }] })),
    ).toEqual({
      message: '甲县：票数有误，中层干部得票 27，超过该组有效票 26 张',
      code: 'BAD_USER_INPUT',
      gate: undefined,
      field: 'candidates.1.votes',
    });
    expect(
      problem(await record({ candidates: [CANDIDATES[0], { reserveId: 'R01', votes: votes(1, 1, 1) }] })),
    ).toMatchObject({
      message: '甲县：后备干部记录“R01”不是本单位处于已提名状态的副职后备人选',
      field: 'candidates.1.reserveId',
    });
    expect(problem(await record({ candidates: [CANDIDATES[0]] })).field).toBe('candidates');
    expect(problem(await record({ groups: [{ group: 'MASSES', expected: 10, cast: 5, invalid: 6 }] })).field).toBe(
      'groups.0.invalid',
    );
    // 乙县's officer does not see 甲县; a leader records nothing.
    expect(problem(await record({}, { viewerUnit: 'B', role: 'ORG_OFFICER' })).code).toBe('NOT_FOUND');
    expect(problem(await record({}, { role: 'LEADER' })).code).toBe('FORBIDDEN');
    failing.audit = true;
    try {
      expect((await record({})).errors).toBeDefined();
    } finally {
      failing.audit = false;
    }
    expect([await db.comparativeRound.count(), await db.comparativeVote.count()]).toEqual([0, 0]);
  });

  it('counts per voter group and in total, ranks with ties, and shortlists the team’s reserve target', async () => {
    const made = await record({});
    const tally = made.data!.recordComparativeRound.tally;
    expect({ turnout: tally.turnout, quorate: tally.quorate, valid: tally.valid, shortlist: tally.shortlist }).toEqual({
      turnout: 76 / 99,
      quorate: true,
      valid: 73,
      shortlist: 1,
    });
    expect(tally.standings.map((s) => [s.reserveCode, s.votes, s.rank, s.shortlisted])).toEqual([
      ['RC1', 52, 1, true],
      ['R02', 50, 2, false],
      ['RC2', 50, 2, false],
    ]);
    expect(tally.standings[0]!.share).toBeCloseTo(52 / 73, 12);
    expect(tally.standings[2]!.groups.find((g) => g.group === 'MASSES')).toEqual({
      group: 'MASSES',
      votes: 33,
      share: 33 / 38,
    });
  });

  it('ranks a candidate given no votes at all, last, with zeros in every group', async () => {
    const r = await record({
      heldOn: '2026-09-03',
      candidates: [CANDIDATES[0], { reserveId: 'RC2', votes: [] }],
    });
    const standings = r.data!.recordComparativeRound.tally.standings;
    expect(standings.map((x) => [x.reserveCode, x.votes, x.rank])).toEqual([
      ['R02', 50, 1],
      ['RC2', 0, 2],
    ]);
    expect(standings[1]!.groups.map((g) => g.votes)).toEqual([0, 0, 0]);
    // Struck out again, so the rounds below decide.
    await gqlOk('mutation($i: StrikeComparativeRoundInput!) { strikeComparativeRound(input: $i) { id } }', {
      i: { roundId: r.data!.recordComparativeRound.id, reason: '测试' },
    });
  });

  it('holds inspection after a void round, and lets only the shortlisted go on (the policy’s shortlist widens it)', async () => {
    // An earlier round, void: MASSES cast 10 of 60 → 9 + 27 + 10 = 46 of 99 = 46.5 % < 2/3.
    const voidRound = await record({
      heldOn: '2026-09-04',
      groups: [GROUPS[0], GROUPS[1], { group: 'MASSES', expected: 60, cast: 10, invalid: 0 }],
      candidates: [
        { reserveId: 'R02', votes: votes(5, 15, 5) },
        { reserveId: 'RC1', votes: votes(4, 12, 5) },
      ],
    });
    expect(voidRound.data?.recordComparativeRound.tally.quorate).toBe(false);
    expect(voidRound.data?.recordComparativeRound.tally.standings.every((x) => !x.shortlisted)).toBe(true);
    expect(problem(await move('RC1', '2026-09-04'))).toMatchObject({
      message: '后备干部记录“RC1”：2026-09-04 差额推荐投票率 46.5%，未达到 66.7%，推荐无效',
      gate: 'RECOMMENDATION_FAILED',
    });
    // From 09-05 the later round decides.
    expect(problem(await move('R02'))).toEqual({
      message: '后备干部记录“R02”：2026-09-05 差额推荐得票 50，在 3 名人选中排第 2 名，考察对象须在得票前 1 名中确定',
      code: 'ILLEGAL_TRANSITION',
      gate: 'RECOMMENDATION_FAILED',
      field: undefined,
    });
    const v = await db.policyVersion.create({
      data: {
        effectiveFrom: new Date('2026-01-01T00:00:00Z'),
        overrides: JSON.stringify({ recommendation: { shortlist: 2 } }),
        actor: 'test',
      },
    });
    try {
      expect((await move('RC2')).data?.transitionReserve.status).toBe('INSPECTING');
    } finally {
      await db.policyVersion.delete({ where: { id: v.id } });
    }
    expect((await move('RC1')).data?.transitionReserve.status).toBe('INSPECTING');
  });

  it('strikes a round out: it stays, and the round before it decides again', async () => {
    const rounds = await db.comparativeRound.findMany({ where: { struckReason: null }, orderBy: { heldOn: 'asc' } });
    const strike = (roundId: number) =>
      gqlOk<{ strikeComparativeRound: { struckReason: string } }>(
        'mutation($i: StrikeComparativeRoundInput!) { strikeComparativeRound(input: $i) { struckReason } }',
        { i: { roundId, reason: '计票有误' } },
      );
    expect((await strike(rounds[1]!.id)).strikeComparativeRound.struckReason).toBe('计票有误');
    expect(problem(await move('R02')).message).toBe(
      '后备干部记录“R02”：2026-09-04 差额推荐投票率 46.5%，未达到 66.7%，推荐无效',
    );
    await strike(rounds[0]!.id);
    // No round left: the yes/no path, which the default policy does not require.
    expect((await move('R02')).data?.transitionReserve.status).toBe('INSPECTING');
    const listed = await gqlOk<{ reserve: { comparativeRounds: { heldOn: string; struckReason: string }[] } }>(
      '{ reserve(id: "R02") { comparativeRounds { heldOn struckReason } } }',
    );
    expect(listed.reserve.comparativeRounds).toEqual([
      { heldOn: '2026-09-03', struckReason: '测试' },
      { heldOn: '2026-09-04', struckReason: '计票有误' },
      { heldOn: '2026-09-05', struckReason: '计票有误' },
    ]);
  });
});
