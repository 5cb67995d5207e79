// The procedure's arithmetic on its own (domain/procedure.ts), by hand: a tally per group and
// together, the quorum and the strict pass share, score rounds with weighted parts, elimination,
// competition ranks and the notice window's days. Checked against a plain recount on random rounds.
import { describe, expect, it } from 'vitest';
import { formatMessage, messageParam } from '../../domain/messages.ts';
import { seededRandom } from '../../domain/planning.ts';
import { DEFAULT_POLICY } from '../../domain/policy/defaults.ts';
import { policyOverrideProblems } from '../../domain/policy/validate.ts';
import {
  admissibleFrom,
  ballotProblems,
  type GroupBallots,
  noticeEnds,
  rankByScore,
  scoreSheet,
  scoreSlotProblem,
  tallyRound,
} from '../../domain/procedure.ts';

const g = (group: string, expected: number, cast: number, favour: number, against = 0, abstain = 0, invalid = 0) => ({
  group,
  expected,
  cast,
  favour,
  against,
  abstain,
  invalid,
});

describe('recommendation tally', () => {
  it('counts per group and together against the quorum and a strict pass share', () => {
    // 10 expected, 7 cast: 7/10 = 0.7 ≥ 2/3; 4 for of 7 = 0.571 > 0.5.
    const t = tallyRound([g('A', 4, 3, 2, 1), g('B', 6, 4, 2, 1, 1)], DEFAULT_POLICY.recommendation);
    expect(t.total).toMatchObject({ expected: 10, cast: 7, favour: 4, against: 2, abstain: 1 });
    expect([t.quorate, t.void, t.passed]).toEqual([true, false, true]);
    expect(t.groups.map((x) => [x.turnout, x.favourShare])).toEqual([
      [0.75, 2 / 3],
      [4 / 6, 0.5],
    ]);
    // 3 of 6 cast: 0.5 < 2/3 — void whatever the votes say.
    expect(tallyRound([g('A', 6, 3, 3)], DEFAULT_POLICY.recommendation)).toMatchObject({ void: true, passed: false });
    // Exactly at the quorum counts; exactly half in favour does not pass.
    expect(tallyRound([g('A', 3, 2, 1, 1)], DEFAULT_POLICY.recommendation)).toMatchObject({
      quorate: true,
      passed: false,
    });
    expect(tallyRound([], DEFAULT_POLICY.recommendation)).toMatchObject({ void: true, passed: false });
  });

  it('names the field of ballots that do not add up', () => {
    expect(ballotProblems(g('A', 5, 6, 6))).toEqual([
      { field: 'cast', message: messageParam('ballot.castOverExpected', { cast: 6, expected: 5 }) },
    ]);
    expect(ballotProblems(g('A', 5, 5, 3, 1))[0]?.field).toBe('favour');
    expect(ballotProblems(g('A', -1, 0, 0))[0]?.field).toBe('expected');
    expect(ballotProblems(g('A', 5, 5, 2.5, 2.5))[0]?.field).toBe('favour');
    expect(ballotProblems(g('A', 5, 5, 3, 1, 1))).toEqual([]);
  });

  it('agrees with a plain recount on random rounds', () => {
    const random = seededRandom(11);
    const int = (n: number) => Math.floor(random() * (n + 1));
    for (let run = 0; run < 300; run++) {
      const groups: GroupBallots[] = Array.from({ length: 1 + int(3) }, (_, i) => {
        const expected = int(80);
        const cast = int(expected);
        const favour = int(cast);
        const against = int(cast - favour);
        const abstain = int(cast - favour - against);
        return g(`G${i}`, expected, cast, favour, against, abstain, cast - favour - against - abstain);
      });
      let expected = 0;
      let cast = 0;
      let favour = 0;
      for (const x of groups) {
        expected += x.expected;
        cast += x.cast;
        favour += x.favour;
      }
      const quorate = expected > 0 && cast * 3 >= expected * 2;
      const passed = quorate && favour * 2 > cast;
      const t = tallyRound(groups, { quorum: 2 / 3, passShare: 0.5 });
      expect([t.quorate, t.passed], JSON.stringify(groups)).toEqual([quorate, passed]);
    }
  });
});

describe('score sheet', () => {
  const rounds = DEFAULT_POLICY.selection;
  const s = (round: string, score: number, part = '') => ({ round, part, score });

  it('weights rounds and parts, and ranks complete sheets 1, 2, 2, 4', () => {
    // Inspection (15 × 70 + 10 × 60 + 10 × 90) / 35 = 2550 / 35 = 72.857… → 72.86;
    // final 0.3 × 61 + 0.35 × 88 + 0.35 × 72.86 = 18.3 + 30.8 + 25.501 = 74.601 → 74.60.
    const sheet = scoreSheet(
      [
        s('WRITTEN', 61),
        s('SPEECH', 88),
        s('INSPECTION', 70, 'LEADERSHIP'),
        s('INSPECTION', 60, 'MIDDLE_MANAGERS'),
        s('INSPECTION', 90, 'STAFF'),
      ],
      rounds,
    );
    expect(sheet.rounds.map((r) => r.score)).toEqual([61, 88, 72.86]);
    expect(sheet).toMatchObject({ eliminatedIn: null, finalScore: 74.6 });
    expect(
      rankByScore([
        { finalScore: 70 },
        { finalScore: 90 },
        { finalScore: 70 },
        { finalScore: null },
        { finalScore: 60 },
      ]).map((r) => r.rank),
    ).toEqual([2, 1, 2, null, 4]);
  });

  it('eliminates at the first round below its mark, and waits for missing parts', () => {
    expect(scoreSheet([s('WRITTEN', 59.99)], rounds)).toMatchObject({ eliminatedIn: 'WRITTEN', finalScore: null });
    expect(scoreSheet([s('WRITTEN', 60), s('SPEECH', 40)], rounds).eliminatedIn).toBe('SPEECH');
    const partial = scoreSheet([s('WRITTEN', 60), s('INSPECTION', 50, 'STAFF')], rounds);
    expect(partial.rounds[2]).toMatchObject({
      score: null,
      passed: null,
      missingParts: ['LEADERSHIP', 'MIDDLE_MANAGERS'],
    });
    expect(partial.eliminatedIn).toBeNull();
    expect(scoreSlotProblem('INSPECTION', 'STAFF', rounds)).toBeNull();
    const slot = scoreSlotProblem('SPEECH', 'STAFF', rounds);
    expect(slot && formatMessage(slot.key, slot.params, 'en')).toBe(
      'round Speech and defence has no parts; record its score without a part',
    );
    expect(slot && formatMessage(slot.key, slot.params, 'zh-CN')).toBe(
      '“演讲答辩”环节不分项评分，登记得分时请勿指定评分项',
    );
  });
});

describe('notice window and policy', () => {
  it('runs the policy days with the first counted, admitting the day after', () => {
    expect(noticeEnds('2026-12-28', 7)).toBe('2027-01-03');
    expect(admissibleFrom(noticeEnds('2026-02-25', 5))).toBe('2026-03-02');
    expect(noticeEnds('2026-05-01', 0)).toBe('2026-05-01');
  });

  it('checks procedure settings in a policy override', () => {
    expect(policyOverrideProblems({ recommendation: { quorum: 0.8, groups: ['A', 'B'] } })).toEqual([]);
    expect(policyOverrideProblems({ recommendation: { groups: ['A', 'A'] } })[0]).toMatchObject({
      path: 'recommendation.groups',
    });
    const bad = policyOverrideProblems({
      selection: { rounds: [{ key: 'WRITTEN', weight: 0.5, passMark: 60, parts: [] }] },
    });
    expect(bad[0]).toMatchObject({ path: 'selection.rounds' });
    expect(bad[0]?.message).toContain('weights must add up to 1');
    expect(policyOverrideProblems({ procedure: { requireInspection: 'yes' } })[0]?.path).toBe(
      'procedure.requireInspection',
    );
  });
});
