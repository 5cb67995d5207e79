// The selection procedure through the API, as an organization department runs it: ballots per
// voter group against quorum and pass share, score rounds with parts, pass marks, elimination and
// rank, the inspection, the notice window with objections, every lifecycle step legal or not, a
// promotion filling a post with a dated incumbency (and every metric moving exactly on its date),
// decisions on elimination candidates — each write scoped, audited, and all-or-nothing.
// Defaults: quorum 2/3, pass share more than 50 %, rounds WRITTEN 0.3 / SPEECH 0.35 /
// INSPECTION 0.35 (LEADERSHIP 15, MIDDLE_MANAGERS 10, STAFF 10 of its 35), pass mark 60, notice 7 days.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { RESERVE_STATUSES } from '../../domain/enums.ts';
import type { DatasetRecord } from '../../server/dataset/format.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { TRANSITIONS } from '../../server/reserves/lifecycle.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { failing } from '../helpers/failing-audit.ts';
import { type As, gql, gqlOk } from '../helpers/graphql.ts';
import { decide as committee } from '../helpers/meetings.ts';

vi.mock('../../server/audit/log.ts', () => import('../helpers/failing-audit.ts'));

const person = (id: string, unitCode: string, over: Partial<DatasetRecord> = {}): DatasetRecord => ({
  id,
  name: `候选${id}`,
  gender: 'M',
  birthDate: '1988-05-05',
  ethnicity: '汉族',
  politicalStatus: 'CPC',
  education: 'BACHELOR',
  fullTimeEducation: 'BACHELOR',
  title: 'INTERMEDIATE',
  rank: 'SECTION_DEPUTY',
  rankSince: '2020-01-01',
  workStart: '2010-07-01',
  category: 'PARTY_GOV',
  unitCode,
  ...over,
});
const entry = (id: string, personId: string, unitCode: string, over: Partial<DatasetRecord> = {}): DatasetRecord => ({
  id,
  personId,
  unitCode,
  targetKind: 'DEPUTY',
  targetRank: 'SECTION_DEPUTY',
  tier: 'NEAR_TERM',
  direction: 'ECONOMY',
  source: 'DEMOCRATIC_RECOMMENDATION',
  status: 'NOMINATED',
  nominatedOn: '2026-09-01',
  enteredOn: null,
  exitedOn: null,
  exitReason: null,
  ...over,
});

// The matrix: one entry in each status (B1), and one more for each legal step out of it.
const STATUS_ENTRY: Record<string, Partial<DatasetRecord>> = {
  NOMINATED: {},
  INSPECTING: { status: 'INSPECTING' },
  PUBLICIZING: { status: 'PUBLICIZING', nominatedOn: '2026-08-01' },
  ACTIVE: { status: 'ACTIVE', nominatedOn: '2022-11-01', enteredOn: '2023-01-01' },
  PROMOTED: { status: 'PROMOTED', nominatedOn: '2022-11-01', enteredOn: '2023-01-01', exitedOn: '2025-01-01' },
  REMOVED: {
    status: 'REMOVED',
    nominatedOn: '2022-11-01',
    enteredOn: '2023-01-01',
    exitedOn: '2025-01-01',
    exitReason: '调整',
  },
  EXPIRED: { status: 'EXPIRED', nominatedOn: '2022-11-01', enteredOn: '2023-01-01', exitedOn: '2026-01-01' },
  REJECTED: { status: 'REJECTED', exitedOn: '2026-09-20' },
};
const legalSteps = Object.entries(TRANSITIONS).flatMap(([from, tos]) => tos.map((to) => [from, to] as const));
const matrixId = (from: string, to?: string) => `M-${from}${to ? `-${to}` : ''}`;

function dataset() {
  const data = smallDataset();
  const people = [
    // Ballots, notice and objections (B1).
    person('PB1', 'B1'),
    person('PN1', 'B1'),
    person('PN2', 'B1'),
    person('PN3', 'B1'),
    person('PN4', 'B1'),
    // A selection of three (B, deputy reserves nominated in 2026).
    person('PS1', 'B'),
    person('PS2', 'B'),
    person('PS3', 'B'),
    // Holds the deputy post A-D2 and is a principal reserve for A: promoted to A-P1.
    person('PX10', 'A', { birthDate: '1984-05-05', rank: 'DIVISION_DEPUTY' }),
    // For the failure injection.
    person('PF1', 'B1'),
    person('PF2', 'B1', { birthDate: '1984-05-05' }),
  ];
  const reserves = [
    entry('RB1', 'PB1', 'B1'),
    entry('RN1', 'PN1', 'B1'),
    entry('RN2', 'PN2', 'B1', { status: 'PUBLICIZING', nominatedOn: '2026-09-20' }),
    entry('RN3', 'PN3', 'B1', { status: 'PUBLICIZING', nominatedOn: '2026-09-20' }),
    entry('RN4', 'PN4', 'B1', { status: 'INSPECTING', nominatedOn: '2026-09-20' }),
    ...['PS1', 'PS2', 'PS3'].map((p, i) => entry(`RS${i + 1}`, p, 'B', { nominatedOn: '2026-10-05' })),
    entry('RP1', 'PX10', 'A', {
      targetKind: 'PRINCIPAL',
      targetRank: 'DIVISION_PRINCIPAL',
      status: 'ACTIVE',
      nominatedOn: '2024-04-01',
      enteredOn: '2024-06-01',
    }),
    entry('RF1', 'PF1', 'B1', { status: 'PUBLICIZING', nominatedOn: '2026-09-20' }),
    entry('RF2', 'PF2', 'B1', { status: 'ACTIVE', nominatedOn: '2022-11-01', enteredOn: '2023-01-01' }),
  ];
  let n = 0;
  for (const [status, over] of Object.entries(STATUS_ENTRY)) {
    const closed = ['PROMOTED', 'REMOVED', 'EXPIRED', 'REJECTED'].includes(status);
    const add = (id: string) => {
      const pid = closed ? 'PM-CLOSED' : `PM${++n}`;
      if (!closed) people.push(person(pid, 'B1', { birthDate: '1986-01-01' }));
      reserves.push(entry(id, pid, 'B1', over));
    };
    add(matrixId(status));
    for (const [from, to] of legalSteps) if (from === status) add(matrixId(from, to));
  }
  people.push(person('PM-CLOSED', 'B1'));
  data.people.push(...people);
  data.reserves.push(...reserves);
  data.positions.push({
    code: 'A-D2',
    unitCode: 'A',
    title: '副县长',
    kind: 'DEPUTY',
    rank: 'DIVISION_DEPUTY',
    category: 'PARTY_GOV',
    incumbentId: 'PX10',
    termEnds: null,
  });
  return data;
}

const move = (reserveId: string, to: string, on: string, reason?: string, as: As = {}) =>
  gql<{ transitionReserve: { status: string } }>(
    'mutation($input: TransitionReserveInput!) { transitionReserve(input: $input) { status } }',
    { input: { reserveId, to, on, reason } },
    as,
  );
const ballots = (reserveId: string, heldOn: string, groups: number[][], as: As = {}) =>
  gql<{ recordRecommendation: { id: number; tally: Tally } }>(
    `mutation($input: RecordRecommendationInput!) { recordRecommendation(input: $input) {
       id tally { quorate void passed quorum passShare
         total { expected cast favour turnout favourShare }
         groups { group expected cast favour against abstain invalid turnout favourShare } } } }`,
    {
      input: {
        reserveId,
        heldOn,
        groups: groups.map(([g, expected, cast, favour, against, abstain, invalid]) => ({
          group: ['LEADERSHIP_TEAM', 'MIDDLE_MANAGERS', 'MEMBERS', 'MASSES', 'NOBODY'][g!],
          expected,
          cast,
          favour,
          against,
          abstain,
          invalid,
        })),
      },
    },
    as,
  );
interface Tally {
  quorate: boolean;
  void: boolean;
  passed: boolean;
  quorum: number;
  passShare: number;
  total: { expected: number; cast: number; favour: number; turnout: number; favourShare: number };
  groups: { group: string; turnout: number; favourShare: number }[];
}
const score = (reserveId: string, round: string, value: number, part?: string, on = '2026-10-20') =>
  gql<{ recordScore: Sheet }>(
    `mutation($input: RecordScoreInput!) { recordScore(input: $input) {
       finalScore eliminatedIn rank cohort rounds { round score passed missingParts } } }`,
    { input: { reserveId, round, part, score: value, on } },
  );
interface Sheet {
  finalScore: number | null;
  eliminatedIn: string | null;
  rank: number | null;
  cohort: number;
  rounds: { round: string; score: number | null; passed: boolean | null; missingParts: string[] }[];
}
const inspect = (reserveId: string, over: Record<string, unknown> = {}) =>
  gql<{ recordInspection: { id: number; verdict: string } }>(
    'mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { id verdict inspectors } }',
    {
      input: {
        reserveId,
        startedOn: '2026-09-21',
        concludedOn: '2026-09-28',
        inspectors: ['王考察', '李考察'],
        interviews: 15,
        conclusion: '政治过硬，群众公认',
        verdict: 'FIT',
        disciplineOpinion: '经征求市纪委监委意见，未发现违纪违法问题',
        disciplineOpinionOn: '2026-09-27',
        ...over,
      },
    },
  );
const object = (reserveId: string, receivedOn: string, summary = '反映其工作作风问题') =>
  gql<{ raiseObjection: { id: number; outcome: string } }>(
    'mutation($input: RaiseObjectionInput!) { raiseObjection(input: $input) { id outcome } }',
    { input: { reserveId, receivedOn, summary } },
  );
const resolve = (objectionId: number, outcome: string, on: string, action?: string) =>
  gql<{ resolveObjection: { outcome: string; action: string | null } }>(
    'mutation($input: ResolveObjectionInput!) { resolveObjection(input: $input) { outcome action finding resolvedOn } }',
    { input: { objectionId, outcome, action, finding: '经核查', on } },
  );
const entryOf = (id: string) =>
  gqlOk<{
    reserve: {
      status: string;
      exitedOn: string | null;
      history: { from: string | null; to: string; on: string; reason: string | null }[];
      notices: {
        startsOn: string;
        endsOn: string;
        days: number;
        admissibleFrom: string;
        closedOn: string | null;
        closedAs: string | null;
        objections: { outcome: string; action: string | null }[];
      }[];
      blockers: { to: string; gate: string }[];
    } | null;
  }>(
    `{ reserve(id: "${id}") { status exitedOn history { from to on reason }
       notices { startsOn endsOn days admissibleFrom closedOn closedAs objections { outcome action } }
       blockers { to gate } } }`,
  );
const errorOf = (r: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) => r.errors?.[0];

describe('the selection procedure', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(dataset()) });
  });

  it('counts a recommendation round per voter group and together, against quorum and pass share', async () => {
    // 班子成员 9 expected, 9 cast: 7 for, 1 against, 1 abstains; 中层干部 30/27: 18, 5, 2, 2 invalid;
    // 普通党员 60/50: 24, 16, 6, 4 invalid. Together 99 expected, 86 cast (86/99 = 0.8687 ≥ 2/3),
    // 49 for: 49/86 = 0.5698 > 0.5 — passed, although 普通党员 alone gave 24/50 = 0.48.
    const r = await ballots('RB1', '2026-09-05', [
      [0, 9, 9, 7, 1, 1, 0],
      [1, 30, 27, 18, 5, 2, 2],
      [2, 60, 50, 24, 16, 6, 4],
    ]);
    expect(r.errors).toBeUndefined();
    const tally = r.data!.recordRecommendation.tally;
    expect(tally).toMatchObject({ quorate: true, void: false, passed: true, quorum: 2 / 3, passShare: 0.5 });
    expect(tally.total).toMatchObject({ expected: 99, cast: 86, favour: 49 });
    expect(tally.total.turnout).toBeCloseTo(86 / 99, 10);
    expect(tally.total.favourShare).toBeCloseTo(49 / 86, 10);
    expect(tally.groups.map((g) => [g.group, +g.turnout.toFixed(4), +g.favourShare.toFixed(4)])).toEqual([
      ['LEADERSHIP_TEAM', 1, 0.7778],
      ['MIDDLE_MANAGERS', 0.9, 0.6667],
      ['MEMBERS', 0.8333, 0.48],
    ]);
  });

  it('voids a round below quorum, fails one at exactly half, and lets only a passed latest round into inspection', async () => {
    // Struck out, the passed round of 09-05 no longer counts.
    const { reserve } = await gqlOk<{ reserve: { recommendationRounds: { id: number }[] } }>(
      '{ reserve(id: "RB1") { recommendationRounds { id } } }',
    );
    const struck = await gql<{ strikeRecommendation: { struckReason: string } }>(
      `mutation { strikeRecommendation(input: { roundId: ${reserve.recommendationRounds[0]!.id}, reason: "录入错误" }) { struckReason } }`,
    );
    expect(struck.data?.strikeRecommendation.struckReason).toBe('录入错误');
    // 60 expected, 39 cast: 39/60 = 0.65 < 2/3 — void, though all 39 were for.
    const voidRound = await ballots('RB1', '2026-09-06', [[3, 60, 39, 39, 0, 0, 0]]);
    expect(voidRound.data?.recordRecommendation.tally).toMatchObject({ quorate: false, void: true, passed: false });
    expect(errorOf(await move('RB1', 'INSPECTING', '2026-09-10'))).toMatchObject({
      message:
        'reserve entry "RB1": its recommendation round of 2026-09-06 is void: turnout 65% is below the quorum of 66.7%',
      extensions: { code: 'ILLEGAL_TRANSITION', gate: 'RECOMMENDATION_FAILED' },
    });
    // 40 of 40 cast, 20 for: exactly half is not more than half.
    const half = await ballots('RB1', '2026-09-07', [[3, 40, 40, 20, 15, 5, 0]]);
    expect(half.data?.recordRecommendation.tally).toMatchObject({ quorate: true, passed: false });
    expect(errorOf(await move('RB1', 'INSPECTING', '2026-09-10'))?.message).toBe(
      'reserve entry "RB1": its recommendation round of 2026-09-07 did not pass: 50% in favour, not more than 50%',
    );
    // A round held after the step's date does not count for it.
    const passed = await ballots('RB1', '2026-09-08', [[3, 40, 40, 21, 15, 4, 0]]);
    expect(passed.data?.recordRecommendation.tally.passed).toBe(true);
    expect(errorOf(await move('RB1', 'INSPECTING', '2026-09-07'))?.extensions?.gate).toBe('RECOMMENDATION_FAILED');
    expect((await move('RB1', 'INSPECTING', '2026-09-10')).data?.transitionReserve.status).toBe('INSPECTING');
  });

  it('refuses ballots that do not add up, naming the group and field, and changes nothing', async () => {
    const before = await db.recommendationRound.count();
    const cases: [number[][], string, string][] = [
      [
        [[1, 30, 31, 31, 0, 0, 0]],
        'voter group Middle managers: 31 ballots cast, more than the 30 voters expected',
        'groups.0.cast',
      ],
      [
        [
          [0, 9, 9, 9, 0, 0, 0],
          [2, 50, 40, 20, 10, 5, 4],
        ],
        'voter group Party members: favour 20 + against 10 + abstain 5 + invalid 4 = 39, not the 40 ballots cast',
        'groups.1.favour',
      ],
      [
        [[4, 9, 9, 9, 0, 0, 0]],
        ': voter group "NOBODY" is not one of the policy\'s groups (Leadership team, Middle managers, Party members, The public)',
        'groups.0.group',
      ],
      [
        [
          [0, 9, 9, 9, 0, 0, 0],
          [0, 9, 9, 9, 0, 0, 0],
        ],
        ': voter group Leadership team is given twice',
        'groups.1.group',
      ],
    ];
    for (const [groups, message, field] of cases) {
      const r = await ballots('RN1', '2026-09-05', groups);
      expect(errorOf(r), message).toMatchObject({
        message: `reserve entry "RN1"${message.startsWith(':') ? '' : ', '}${message}`,
        extensions: { code: 'BAD_USER_INPUT', field },
      });
    }
    expect(errorOf(await ballots('RB1', '2026-09-12', [[0, 9, 9, 9, 0, 0, 0]]))?.message).toBe(
      'reserve entry "RB1" is Inspecting: a recommendation round is recorded while it is Nominated',
    );
    expect(errorOf(await ballots('RN1', '2026-08-01', [[0, 9, 9, 9, 0, 0, 0]]))?.message).toBe(
      'reserve entry "RN1": heldOn 2026-08-01 is before its nomination on 2026-09-01',
    );
    expect(await db.recommendationRound.count()).toBe(before);
  });

  it('scores a selection in rounds and parts, eliminates below a pass mark, and ranks by the weighted score', async () => {
    // RS1: written 80, speech 70, inspection (15 × 90 + 10 × 80 + 10 × 70) / 35 = 2850 / 35 = 81.43;
    //      final 0.3 × 80 + 0.35 × 70 + 0.35 × 81.43 = 24 + 24.5 + 28.5005 = 77.00.
    // RS2: 90, 75, 85 (all parts) — 27 + 26.25 + 29.75 = 83.
    // RS3: written 55 < 60 — eliminated in WRITTEN.
    for (const [id, w, s, parts] of [
      ['RS1', 80, 70, [90, 80, 70]],
      ['RS2', 90, 75, [85, 85, 85]],
    ] as const) {
      expect((await score(id, 'WRITTEN', w)).errors).toBeUndefined();
      expect((await score(id, 'SPEECH', s)).errors).toBeUndefined();
      const partial = await score(id, 'INSPECTION', parts[0], 'LEADERSHIP');
      expect(partial.data?.recordScore.rounds[2]).toMatchObject({
        score: null,
        missingParts: ['MIDDLE_MANAGERS', 'STAFF'],
      });
      expect(partial.data?.recordScore.finalScore).toBeNull();
      await score(id, 'INSPECTION', parts[1], 'MIDDLE_MANAGERS');
      await score(id, 'INSPECTION', parts[2], 'STAFF');
    }
    const out = await score('RS3', 'WRITTEN', 55);
    expect(out.data?.recordScore).toMatchObject({ eliminatedIn: 'WRITTEN', finalScore: null, rank: null });
    expect(errorOf(await score('RS3', 'SPEECH', 90))?.message).toBe(
      'reserve entry "RS3" was eliminated in round Written test; no later round is scored',
    );
    const ranking = await gqlOk<{
      selectionRanking: { reserve: { code: string }; scoreSheet: Sheet }[];
    }>(
      '{ selectionRanking(unitCode: "B", kind: DEPUTY, year: 2026) { reserve { code } scoreSheet { finalScore eliminatedIn rank cohort rounds { round score } } } }',
    );
    expect(
      ranking.selectionRanking.map((r) => [
        r.reserve.code,
        r.scoreSheet.finalScore,
        r.scoreSheet.rank,
        r.scoreSheet.eliminatedIn,
      ]),
    ).toEqual([
      ['RS2', 83, 1, null],
      ['RS1', 77, 2, null],
      ['RS3', null, null, 'WRITTEN'],
    ]);
    expect(ranking.selectionRanking[1]!.scoreSheet.rounds.map((r) => r.score)).toEqual([80, 70, 81.43]);
    expect(ranking.selectionRanking.every((r) => r.scoreSheet.cohort === 3)).toBe(true);
    // An eliminated candidate goes nowhere but REJECTED.
    expect(errorOf(await move('RS3', 'INSPECTING', '2026-10-21'))).toMatchObject({
      message:
        'reserve entry "RS3": eliminated in round Written test (55 below the pass mark of 60); it can only be Rejected',
      extensions: { gate: 'ELIMINATED' },
    });
    expect((await move('RS3', 'REJECTED', '2026-10-21', '笔试未达合格线')).data?.transitionReserve.status).toBe(
      'REJECTED',
    );
  });

  it('corrects a score with the earlier one kept in the audit, and refuses scores that do not fit the rounds', async () => {
    // RS1 written 80 → 82: final 0.3 × 82 + 24.5 + 0.35 × 81.43 = 24.6 + 24.5 + 28.5005 = 77.60.
    const fixed = await score('RS1', 'WRITTEN', 82);
    expect(fixed.data?.recordScore).toMatchObject({ finalScore: 77.6, rank: 2 });
    const audit = await db.auditLog.findFirst({ where: { action: 'score.correct' }, orderBy: { seq: 'desc' } });
    expect(JSON.parse(audit!.detail!).before).toMatchObject({ score: 80 });
    const before = await db.selectionScore.count();
    const cases: [string, number, string | undefined, string, string][] = [
      [
        'INSPECTION',
        80,
        undefined,
        'round Inspection is scored in parts (Leadership, Middle managers, Staff); "" is not one of them',
        'round',
      ],
      ['WRITTEN', 80, 'STAFF', 'round Written test has no parts; record its score without a part', 'part'],
      [
        'ESSAY',
        80,
        undefined,
        'round "ESSAY" is not one of the policy\'s rounds (Written test, Speech and defence, Inspection)',
        'round',
      ],
      ['WRITTEN', 101, undefined, 'score must be from 0 to 100, got 101', 'score'],
    ];
    for (const [round, value, part, message, field] of cases)
      expect(errorOf(await score('RS2', round, value, part)), message).toMatchObject({
        message: `reserve entry "RS2": ${message}`,
        extensions: { code: 'BAD_USER_INPUT', field },
      });
    expect(await db.selectionScore.count()).toBe(before);
  });

  it('takes an entry through inspection and its notice window, admitting it only after the window, with no objection pending', async () => {
    await ballots('RN1', '2026-09-05', [[3, 30, 30, 25, 5, 0, 0]]);
    expect((await move('RN1', 'INSPECTING', '2026-09-10')).errors).toBeUndefined();
    expect(errorOf(await inspect('RN1', { concludedOn: '2026-09-09' }))?.message).toBe(
      'reserve entry "RN1": concludedOn 2026-09-09 is before startedOn 2026-09-21',
    );
    expect(errorOf(await inspect('RN1', { verdict: null }))?.extensions?.field).toBe('verdict');
    expect((await inspect('RN1', { startedOn: '2026-09-11', concludedOn: '2026-09-20' })).errors).toBeUndefined();
    expect((await move('RN1', 'PUBLICIZING', '2026-10-01')).errors).toBeUndefined();
    // 7 days from 10-01, the first counted: the window's last day is 10-07; admission from 10-08.
    let e = (await entryOf('RN1')).reserve!;
    expect(e.notices).toEqual([
      {
        startsOn: '2026-10-01',
        endsOn: '2026-10-07',
        days: 7,
        admissibleFrom: '2026-10-08',
        closedOn: null,
        closedAs: null,
        objections: [],
      },
    ]);
    expect(errorOf(await move('RN1', 'ACTIVE', '2026-10-07'))).toMatchObject({
      message:
        'reserve entry "RN1": its public notice runs from 2026-10-01 to 2026-10-07; it can be admitted from 2026-10-08',
      extensions: { code: 'ILLEGAL_TRANSITION', gate: 'NOTICE_OPEN' },
    });
    expect(errorOf(await object('RN1', '2026-10-08'))).toMatchObject({
      message: 'reserve entry "RN1": receivedOn 2026-10-08 is outside its public notice, 2026-10-01 to 2026-10-07',
      extensions: { field: 'receivedOn' },
    });
    const raised = await object('RN1', '2026-10-03');
    expect(raised.data?.raiseObjection.outcome).toBe('PENDING');
    const objectionId = raised.data!.raiseObjection.id;
    expect(errorOf(await move('RN1', 'ACTIVE', '2026-10-08'))).toMatchObject({
      message: `reserve entry "RN1": objection ${objectionId} to its public notice is not resolved`,
      extensions: { gate: 'OBJECTION_PENDING' },
    });
    expect((await entryOf('RN1')).reserve!.blockers.map((b) => [b.to, b.gate])).toEqual([
      ['ACTIVE', 'OBJECTION_PENDING'],
    ]);
    expect(errorOf(await resolve(objectionId, 'UPHELD', '2026-10-06'))?.extensions?.field).toBe('action');
    expect((await resolve(objectionId, 'DISMISSED', '2026-10-06')).data?.resolveObjection).toMatchObject({
      outcome: 'DISMISSED',
      action: null,
    });
    expect(errorOf(await resolve(objectionId, 'DISMISSED', '2026-10-06'))?.message).toBe(
      `objection ${objectionId} was already found Dismissed`,
    );
    // The committee decides the admission after the notice (domain rules, "Collective decisions").
    expect((await committee('RN1', { unitCode: 'B1', heldOn: '2026-10-08' })).errors).toBeUndefined();
    expect((await move('RN1', 'ACTIVE', '2026-10-08')).data?.transitionReserve.status).toBe('ACTIVE');
    e = (await entryOf('RN1')).reserve!;
    expect(e.notices[0]).toMatchObject({
      closedOn: '2026-10-08',
      closedAs: 'ADMITTED',
      objections: [{ outcome: 'DISMISSED' }],
    });
  });

  it('sends an entry back to inspection on an upheld objection, and the notice needs a new inspection', async () => {
    // RN2 was imported PUBLICIZING on 09-20: its window is 09-20 to 09-26 by the policy.
    const raised = await object('RN2', '2026-09-22');
    expect(raised.errors).toBeUndefined();
    const sent = await resolve(raised.data!.raiseObjection.id, 'UPHELD', '2026-09-25', 'SEND_BACK');
    expect(sent.data?.resolveObjection).toMatchObject({ outcome: 'UPHELD', action: 'SEND_BACK' });
    let e = (await entryOf('RN2')).reserve!;
    expect(e.status).toBe('INSPECTING');
    expect(e.history.at(-1)).toEqual({
      from: 'PUBLICIZING',
      to: 'INSPECTING',
      on: '2026-09-25',
      reason: `objection ${raised.data!.raiseObjection.id} upheld: 经核查`,
    });
    expect(e.notices).toMatchObject([
      { startsOn: '2026-09-20', endsOn: '2026-09-26', closedOn: '2026-09-25', closedAs: 'SENT_BACK' },
    ]);
    expect(errorOf(await move('RN2', 'PUBLICIZING', '2026-09-26'))).toMatchObject({
      message:
        'reserve entry "RN2": sent back from its public notice on 2026-09-25, it needs a new concluded inspection',
      extensions: { gate: 'INSPECTION_MISSING' },
    });
    expect((await inspect('RN2', { startedOn: '2026-09-26', concludedOn: '2026-10-02' })).errors).toBeUndefined();
    expect((await move('RN2', 'PUBLICIZING', '2026-10-05')).errors).toBeUndefined();
    e = (await entryOf('RN2')).reserve!;
    expect(e.notices.map((n) => [n.startsOn, n.endsOn, n.closedAs])).toEqual([
      ['2026-09-20', '2026-09-26', 'SENT_BACK'],
      ['2026-10-05', '2026-10-11', null],
    ]);
  });

  it('rejects an entry on an upheld objection, and an UNFIT inspection stops the notice', async () => {
    const raised = await object('RN3', '2026-09-21');
    await resolve(raised.data!.raiseObjection.id, 'UPHELD', '2026-09-24', 'REJECT');
    expect((await entryOf('RN3')).reserve).toMatchObject({ status: 'REJECTED', exitedOn: '2026-09-24' });
    expect((await inspect('RN4', { verdict: 'UNFIT', conclusion: '群众认可度不高' })).errors).toBeUndefined();
    expect(errorOf(await move('RN4', 'PUBLICIZING', '2026-10-01'))).toMatchObject({
      message: 'reserve entry "RN4": its inspection concluded on 2026-09-28 found it Unfit; it can only be Rejected',
      extensions: { gate: 'INSPECTION_UNFIT' },
    });
    expect((await move('RN4', 'REJECTED', '2026-10-01', '考察不合格')).data?.transitionReserve.status).toBe('REJECTED');
  });

  it('allows every step of the lifecycle and refuses every other, naming the legal ones', async () => {
    // Each legal step, from an entry in that status (with the records the step needs).
    const dates: Record<string, string> = { EXPIRED: '2026-01-01' };
    for (const [from, to] of legalSteps) {
      const id = matrixId(from, to);
      if (from === 'INSPECTING' && to === 'PUBLICIZING') expect((await inspect(id)).errors).toBeUndefined();
      const reason = to === 'REMOVED' || (from === 'PUBLICIZING' && to === 'INSPECTING') ? '因故调整' : undefined;
      // Admission and removal: with the committee's decision.
      if ((from === 'PUBLICIZING' && to === 'ACTIVE') || (from === 'ACTIVE' && to === 'REMOVED'))
        expect(
          (
            await committee(id, {
              unitCode: 'B1',
              heldOn: '2026-10-10',
              subject: to === 'ACTIVE' ? 'ADMISSION' : 'REMOVAL',
            })
          ).errors,
        ).toBeUndefined();
      const r = await move(id, to, dates[to] ?? '2026-10-10', reason);
      expect(r.errors, `${from} → ${to}`).toBeUndefined();
      expect(r.data?.transitionReserve.status).toBe(to);
    }
    // Every other pair is refused with the legal steps listed, and changes nothing.
    const steps = await db.reserveStatusChange.count();
    for (const from of RESERVE_STATUSES)
      for (const to of RESERVE_STATUSES) {
        if (TRANSITIONS[from].includes(to)) continue;
        const r = await move(matrixId(from), to, '2026-10-10', 'x');
        expect(errorOf(r)?.extensions, `${from} → ${to}`).toMatchObject({
          code: 'ILLEGAL_TRANSITION',
          from,
          to,
          allowed: [...TRANSITIONS[from]],
        });
      }
    expect(await db.reserveStatusChange.count()).toBe(steps);
  });

  it('promotes a reserve into a post: the incumbent changes on the date, and every metric moves exactly from it', async () => {
    type Metrics = {
      reserveRatio: { unitCode: string; kind: string; reserves: number; gap: number }[];
      poolStructure: { total: number };
      successionGaps: {
        rows: { unitCode: string; kind: string; expectedVacancies: number; ready: number; gap: number }[];
      };
    };
    const metrics = (asOf: string) =>
      gqlOk<Metrics>(`{
        reserveRatio(unitCode: "A", subtree: false, asOf: "${asOf}") { unitCode kind reserves gap }
        poolStructure(unitCode: "A", subtree: false, asOf: "${asOf}") { total }
        successionGaps(unitCode: "A", subtree: false, asOf: "${asOf}") { rows { unitCode kind expectedVacancies ready gap } }
      }`);
    const refused: [Record<string, unknown>, string][] = [
      [{ positionCode: 'A-D1' }, 'reserve entry "RP1" is a Principal reserve; position "A-D1" is a Deputy post'],
      [{ positionCode: 'B-P1' }, 'position "B-P1" does not exist or is outside your scope'],
      [{ positionCode: 'A-P1', on: '2099-01-01' }, 'reserve entry "RP1": on 2099-01-01 is in the future'],
      [
        { positionCode: 'A-P1', termEnds: '2026-01-01' },
        'reserve entry "RP1": termEnds 2026-01-01 is not after the promotion on 2026-03-01',
      ],
      // The post fits the entry: its target rank, and its unit unless the appointment says it crosses units.
      [
        { positionCode: 'C01-P1' },
        'reserve entry "RP1" is for Division principal; position "C01-P1" is Bureau principal',
      ],
      [
        { positionCode: 'B-P1', acrossUnits: false },
        'reserve entry "RP1" is reserved for 甲县; position "B-P1" is in 乙县 (an appointment across units must say so: acrossUnits)',
      ],
    ];
    const promote = (over: Record<string, unknown>, as: As = {}) =>
      gql<{ promoteReserve: { status: string; exitedOn: string } }>(
        'mutation($input: PromoteReserveInput!) { promoteReserve(input: $input) { status exitedOn exitReason } }',
        { input: { reserveId: 'RP1', positionCode: 'A-P1', on: '2026-03-01', termEnds: '2027-01-31', ...over } },
        as,
      );
    for (const [over, message] of refused)
      expect(
        errorOf(
          await promote(
            over,
            over.positionCode === 'B-P1' && !('acrossUnits' in over) ? { viewerUnit: 'A', role: 'ORG_OFFICER' } : {},
          ),
        )?.message,
      ).toBe(message);
    // 任前公示 of 5 working days first: from Tuesday 2026-02-10 to Saturday 02-14 (a Saturday
    // worked before 春节); the appointment from 02-15.
    expect(errorOf(await promote({}))?.extensions).toMatchObject({ gate: 'APPOINTMENT_NOTICE' });
    const announced = await gqlOk<{ announceAppointment: { endsOn: string; appointableFrom: string } }>(
      'mutation { announceAppointment(input: { reserveId: "RP1", positionCode: "A-P1", startsOn: "2026-02-10" }) { endsOn appointableFrom } }',
    );
    expect(announced.announceAppointment).toEqual({ endsOn: '2026-02-14', appointableFrom: '2026-02-15' });
    expect(errorOf(await promote({ on: '2026-02-14' }))?.message).toBe(
      'reserve entry "RP1": its appointment notice runs from 2026-02-10 to 2026-02-14 (5 working days); it can be appointed from 2026-02-15',
    );
    const before = await metrics('2026-02-28');
    const r = await promote({});
    expect(r.errors).toBeUndefined();
    expect(r.data?.promoteReserve).toMatchObject({ status: 'PROMOTED', exitedOn: '2026-03-01' });
    type Post = {
      code: string;
      incumbent: { code: string } | null;
      incumbencies: { person: { code: string }; from: string | null; until: string | null; termEnds: string | null }[];
    };
    const { positions } = await gqlOk<{ positions: { edges: { node: Post }[] } }>(
      '{ positions(unitCode: "A", subtree: false, first: 10) { edges { node { code incumbent { code } incumbencies { person { code } from until termEnds } } } } }',
    );
    const post = (code: string) => positions.edges.map((e) => e.node).find((p) => p.code === code)!;
    expect(post('A-P1').incumbent?.code).toBe('PX10');
    expect(post('A-P1').incumbencies).toEqual([
      { person: { code: 'E02' }, from: null, until: '2026-03-01', termEnds: null },
      { person: { code: 'PX10' }, from: '2026-03-01', until: null, termEnds: '2027-01-31' },
    ]);
    // The deputy post PX10 held is vacant from the same day.
    expect(post('A-D2')).toMatchObject({
      incumbent: null,
      incumbencies: [{ person: { code: 'PX10' }, from: null, until: '2026-03-01' }],
    });
    // The day before, as it was: principal reserves R01 and RP1 (target ceil(2 × 1) = 2, gap 0);
    // A-P1 held by E02 (57 at the horizon 2027-02-28, no term end): no vacancy, 2 ready;
    // deputies: A-D1 vacant, A-D2 held: 1 vacancy, none ready.
    expect(await metrics('2026-02-28')).toEqual(before);
    const row = (m: Metrics, kind: string) => [
      m.reserveRatio.find((x) => x.kind === kind)?.reserves,
      m.reserveRatio.find((x) => x.kind === kind)?.gap,
      m.successionGaps.rows.find((x) => x.kind === kind)?.expectedVacancies ?? 0,
      m.successionGaps.rows.find((x) => x.kind === kind)?.ready ?? 0,
    ];
    expect(row(before, 'PRINCIPAL')).toEqual([2, 0, 0, 2]);
    expect(row(before, 'DEPUTY')).toEqual([0, 2, 1, 0]);
    expect(before.poolStructure.total).toBe(2);
    // From the promotion's day: RP1 has left (1 reserve, gap 1); PX10's term ends 2027-01-31,
    // before the horizon 2027-03-01: A-P1 falls vacant, R01 alone is ready; A-D2 is vacant too.
    const after = await metrics('2026-03-01');
    expect(row(after, 'PRINCIPAL')).toEqual([1, 1, 1, 1]);
    expect(row(after, 'DEPUTY')).toEqual([0, 2, 2, 0]);
    expect(after.poolStructure.total).toBe(1);
    const audit = await db.auditLog.findFirst({ where: { action: 'position.fill' }, orderBy: { seq: 'desc' } });
    expect(JSON.parse(audit!.detail!)).toMatchObject({
      before: { incumbentId: 'E02' },
      after: { incumbentId: 'PX10' },
      vacated: ['A-D2'],
    });
    // The promoted entry is closed: a second promotion is an illegal step.
    expect(errorOf(await promote({ positionCode: 'A-D1' }))?.message).toContain(
      'reserve entry "RP1" is a Principal reserve',
    );
    expect(errorOf(await promote({ positionCode: 'C01-P1' }))?.extensions?.code).toBe('ILLEGAL_TRANSITION');
  });

  it('flags elimination candidates for a decision, keeps one with a reason, and removes one only when told', async () => {
    // E08 (R03) had 25 % 不称职 votes in 2025, over the 20 % limit: a candidate. R01 is not.
    const decide = (reserveId: string, decision: string, on: string) =>
      gql<{ decideElimination: { decision: string; flags: string[]; on: string } }>(
        'mutation($input: DecideEliminationInput!) { decideElimination(input: $input) { decision flags on reason decidedBy } }',
        { input: { reserveId, decision, on, reason: '组织研究决定' } },
      );
    expect(errorOf(await decide('R01', 'KEEP', '2026-06-30'))?.message).toBe(
      'reserve entry "R01" is not an elimination candidate on 2026-06-30',
    );
    const kept = await decide('R03', 'KEEP', '2026-06-30');
    expect(kept.data?.decideElimination).toEqual({
      decision: 'KEEP',
      flags: ['INCOMPETENT_VOTES'],
      on: '2026-06-30',
      reason: '组织研究决定',
      decidedBy: 'test-admin-all',
    });
    // Kept: still in the pool, still flagged (the grounds stand), the decision shown with it.
    expect((await entryOf('R03')).reserve?.status).toBe('ACTIVE');
    // Removing is the committee's decision too: without it the decision to remove is refused.
    expect(errorOf(await decide('R03', 'REMOVE', '2026-07-01'))?.extensions?.gate).toBe('DECISION_MISSING');
    await committee('R03', { unitCode: 'B', heldOn: '2026-07-01', subject: 'REMOVAL' });
    const removed = await decide('R03', 'REMOVE', '2026-07-01');
    expect(removed.errors).toBeUndefined();
    const e = (await entryOf('R03')).reserve!;
    expect(e).toMatchObject({ status: 'REMOVED', exitedOn: '2026-07-01' });
    expect(e.history.at(-1)?.reason).toBe('elimination (Incompetent votes): 组织研究决定');
    // In Chinese for a Chinese reader: the grounds by their labels, the reason as written.
    const zh = await gqlOk<{ reserve: { history: { reason: string | null }[]; exitReason: string | null } }>(
      '{ reserve(id: "R03") { exitReason history { reason } } }',
      {},
      { headers: { 'accept-language': 'zh-CN' } },
    );
    expect(zh.reserve.history.at(-1)?.reason).toBe('淘汰调整（不称职票超比例）：组织研究决定');
    expect(zh.reserve.exitReason).toBe('淘汰调整（不称职票超比例）：组织研究决定');
    const { reserve } = await gqlOk<{ reserve: { eliminationDecisions: { decision: string }[] } }>(
      '{ reserve(id: "R03") { eliminationDecisions { decision } } }',
    );
    expect(reserve.eliminationDecisions.map((d) => d.decision)).toEqual(['KEEP', 'REMOVE']);
  });

  it('keeps the procedure to the subtree and to the roles that keep the pool', async () => {
    const officerOfA: As = { role: 'ORG_OFFICER', viewerUnit: 'A' };
    expect(errorOf(await ballots('RB1', '2026-09-05', [[0, 9, 9, 9, 0, 0, 0]], officerOfA))?.message).toBe(
      'reserve entry "RB1" does not exist or is outside your scope',
    );
    expect(
      errorOf(await ballots('RN1', '2026-09-05', [[0, 9, 9, 9, 0, 0, 0]], { role: 'LEADER' }))?.extensions?.code,
    ).toBe('FORBIDDEN');
    // Reading: an entry outside the subtree answers null, with none of its records.
    const read = await gql('{ reserve(id: "RB1") { recommendationRounds { id } notices { id } } }', {}, officerOfA);
    expect(read.data).toEqual({ reserve: null });
    const ranking = await gql(
      '{ selectionRanking(unitCode: "B", kind: DEPUTY, year: 2026) { scoreSheet { rank } } }',
      {},
      officerOfA,
    );
    expect(errorOf(ranking)?.extensions?.code).toBe('NOT_FOUND');
    // By a record's own id, from outside its subtree: as if it did not exist.
    const round = await db.recommendationRound.findFirstOrThrow({ where: { reserveCode: 'RB1' } });
    const objection = await db.objection.findFirstOrThrow({ where: { notice: { reserveCode: 'RN1' } } });
    const inspection = await db.inspection.findFirstOrThrow({ where: { reserveCode: 'RN1' } });
    for (const [mutation, message] of [
      [`strikeRecommendation(input: { roundId: ${round.id}, reason: "x" }) { id }`, `recommendation round ${round.id}`],
      [
        `resolveObjection(input: { objectionId: ${objection.id}, outcome: DISMISSED, finding: "x", on: "2026-10-06" }) { id }`,
        `objection ${objection.id}`,
      ],
      [
        `correctInspection(input: { inspectionId: ${inspection.id}, interviews: 1 }) { id }`,
        `inspection ${inspection.id}`,
      ],
    ] as const)
      expect(errorOf(await gql(`mutation { ${mutation} }`, {}, officerOfA))?.message).toBe(
        `${message} does not exist or is outside your scope`,
      );
    // The posts of another subtree and their holders: not reachable by Relay id either.
    const post = await gql(
      '{ node(id: "Position:B-P1") { ... on Position { incumbencies { from } } } }',
      {},
      officerOfA,
    );
    expect(post.data).toEqual({ node: null });
  });

  it('bounds every input at the edge', async () => {
    const many = Array.from({ length: 13 }, () => [0, 9, 9, 9, 0, 0, 0]);
    expect(errorOf(await ballots('RN1', '2026-09-05', many))?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(await ballots('RN1', '2026-09-05', [[0, 1e9, 9, 9, 0, 0, 0]]))?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    const inspectors = Array.from({ length: 21 }, (_, i) => `考察员${i}`);
    expect(errorOf(await inspect('M-INSPECTING', { inspectors }))?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(await inspect('M-INSPECTING', { inspectors: ['长'.repeat(51)] }))?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorOf(await inspect('M-INSPECTING', { inspectors: ['  '] }))?.message).toBe(
      'reserve entry "M-INSPECTING": an inspection names 1 to 20 inspectors of at most 50 characters each',
    );
    expect(errorOf(await object('RF1', '2026-09-21', '长'.repeat(2001)))?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(await score('RS2', 'WRITTEN', Number.NaN))?.extensions?.code).toBe('BAD_USER_INPUT');
    const year = await gql('{ selectionRanking(unitCode: "B", kind: DEPUTY, year: 99999) { scoreSheet { rank } } }');
    expect(errorOf(year)?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('leaves nothing behind when any of these writes fails midway', async () => {
    const counts = async () => [
      await db.recommendationRound.count(),
      await db.recommendationTally.count(),
      await db.selectionScore.count(),
      await db.inspection.count(),
      await db.publicNotice.count(),
      await db.objection.count(),
      await db.incumbency.count(),
      await db.eliminationDecision.count(),
      await db.reserveStatusChange.count(),
      JSON.stringify(
        await db.position.findMany({ orderBy: { code: 'asc' }, select: { code: true, incumbentId: true } }),
      ),
      JSON.stringify(
        await db.reserveEntry.findMany({ orderBy: { code: 'asc' }, select: { code: true, status: true } }),
      ),
    ];
    const raised = await object('RF1', '2026-09-21');
    await gqlOk(
      'mutation { announceAppointment(input: { reserveId: "R01", positionCode: "A1-P1", startsOn: "2026-05-06", acrossUnits: true }) { id } }',
    );
    const before = await counts();
    failing.audit = true;
    const results = [
      await ballots('M-NOMINATED', '2026-09-21', [[0, 9, 9, 9, 0, 0, 0]]),
      await score('RS2', 'WRITTEN', 95),
      await inspect('M-INSPECTING'),
      await object('RF1', '2026-09-22'),
      await resolve(raised.data!.raiseObjection.id, 'UPHELD', '2026-09-23', 'REJECT'),
      await move('M-NOMINATED', 'INSPECTING', '2026-10-10'),
      await gql(
        'mutation { promoteReserve(input: { reserveId: "R01", positionCode: "A1-P1", on: "2026-06-01", acrossUnits: true }) { status } }',
      ),
    ];
    failing.audit = false;
    for (const r of results) expect(r.errors?.length).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
  });
});
