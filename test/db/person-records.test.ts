// Trainings, assessments and practice assignments recorded and corrected through the API: the
// dataset's field rules, the writer's subtree, one transaction each (nothing left by a failure
// midway), the audit keeping what a correction replaced — and the metrics seeing the change.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { analytics } from '../../server/analytics.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { failing } from '../helpers/failing-audit.ts';
import { type As, gql, gqlOk } from '../helpers/graphql.ts';

vi.mock('../../server/audit/log.ts', () => import('../helpers/failing-audit.ts'));

const TRAINING = 'id program kind start days hours credits completed';
const ASSESSMENT = 'id year grade incompetentVoteShare deptPercentile';
const PRACTICE = 'id kind unitCode start end reportScore';
const selection: Record<string, string> = {
  Training: TRAINING,
  Assessment: ASSESSMENT,
  Practice: PRACTICE,
};

/** Runs `recordTraining`, `correctPractice`, … with its one input. */
function write<T = Record<string, unknown>>(mutation: string, input: Record<string, unknown>, as: As = {}) {
  const noun = mutation.replace(/^(record|correct)/, '');
  const type = `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
  return gql<Record<string, T>>(
    `mutation($input: ${type}!) { ${mutation}(input: $input) { ${selection[noun]} } }`,
    { input },
    as,
  ).then((r) => ({ ...r, record: r.data?.[mutation] }));
}

/** The person's records as the entry's page lists them. */
const recordsOf = (reserveId: string) =>
  gqlOk<{
    reserve: {
      person: {
        trainings: Record<string, unknown>[];
        assessments: Record<string, unknown>[];
        practices: Record<string, unknown>[];
      };
    };
  }>(
    `{ reserve(id: "${reserveId}") { person { trainings { ${TRAINING} } assessments { ${ASSESSMENT} } practices { ${PRACTICE} } } } }`,
  ).then((d) => d.reserve.person);

const coverage = (year: number) =>
  gqlOk<{ trainingCoverage: { activeReserves: number; covered: number; trained: number } }>(
    `{ trainingCoverage(unitCode: "C01", year: ${year}) { activeReserves covered trained } }`,
  ).then((d) => d.trainingCoverage);

const alertsOf = async (code: string, asOf: string) => {
  const r = await gqlOk<{ reserveAlerts: { items: { reserveCode: string; alerts: string[] }[] } }>(
    `{ reserveAlerts(unitCode: "C01", asOf: "${asOf}", first: 100) { items { reserveCode alerts } } }`,
  );
  return r.reserveAlerts.items.find((i) => i.reserveCode === code)?.alerts ?? [];
};

const lastAudit = async (action: string) => {
  const row = await db.auditLog.findFirstOrThrow({ where: { action }, orderBy: { id: 'desc' } });
  return { ...row, detail: JSON.parse(row.detail!) };
};

const counts = async () => ({
  trainings: await db.training.count(),
  assessments: await db.assessment.count(),
  practices: await db.practice.count(),
  audit: await db.auditLog.count({ where: { action: { startsWith: 'training.' } } }),
  changes: await db.changeLog.count(),
});

describe('a person’s records through the API', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('records trainings, lists them on the person, and training coverage counts them (a refresh, not a reload)', async () => {
    // E08 (R03, active since 2024-03-01, unit B) has no training in 2025: not covered.
    expect(await coverage(2025)).toEqual({ activeReserves: 3, covered: 0, trained: 0 });
    const copy = await analytics();
    const reloads = copy.reloads;
    const first = await write('recordTraining', {
      personId: 'E08',
      program: '中青年干部培训班',
      kind: 'CENTRALIZED',
      start: '2025-05-01',
      days: 2,
      hours: 16,
      completed: true,
    });
    expect(first.errors).toBeUndefined();
    expect(first.record).toMatchObject({ program: '中青年干部培训班', days: 2, hours: 16, credits: null });
    // One completed training: trained, but two centralized ones are wanted for coverage.
    expect(await coverage(2025)).toEqual({ activeReserves: 3, covered: 0, trained: 1 });
    const second = await write('recordTraining', {
      personId: 'Person:E08',
      program: '调训',
      kind: 'ASSIGNED',
      start: '2025-09-01',
      days: 1.5,
      credits: 1,
      completed: true,
    });
    expect(second.errors).toBeUndefined();
    expect(await coverage(2025)).toEqual({ activeReserves: 3, covered: 1, trained: 1 });
    expect(copy.reloads).toBe(reloads);
    const { trainings } = await recordsOf('R03');
    expect(trainings.map((t) => [t.program, t.start])).toEqual([
      ['网络学院', '2026-01-01'],
      ['调训', '2025-09-01'],
      ['中青年干部培训班', '2025-05-01'],
    ]);
    const audit = await lastAudit('training.record');
    expect(audit).toMatchObject({ entity: 'Person', entityCode: 'E08' });
    expect(audit.detail.after).toMatchObject({ program: '调训', days: 1.5, completed: true });
  });

  it('corrects a training in place, the audit keeping what it replaced, and coverage follows', async () => {
    const { trainings } = await recordsOf('R03');
    const assigned = trainings.find((t) => t.program === '调训')!;
    const fixed = await write('correctTraining', { trainingId: assigned.id, completed: false, credits: null });
    expect(fixed.errors).toBeUndefined();
    expect(fixed.record).toMatchObject({
      id: assigned.id,
      program: '调训',
      completed: false,
      credits: null,
      days: 1.5,
    });
    expect(await coverage(2025)).toEqual({ activeReserves: 3, covered: 0, trained: 1 });
    const audit = await lastAudit('training.correct');
    expect(audit.detail).toMatchObject({
      id: assigned.id,
      before: { completed: true, credits: 1 },
      after: { completed: false, credits: null },
    });
    // Nothing was added or removed: the same record, changed.
    expect((await recordsOf('R03')).trainings).toHaveLength(3);
  });

  it('records an assessment, one per person and year; an INCOMPETENT grade raises the alert until corrected', async () => {
    expect(await alertsOf('R01', '2026-12-01')).not.toContain('INCOMPETENT_GRADE');
    const r = await write('recordAssessment', {
      personId: 'E06',
      year: 2026,
      grade: 'INCOMPETENT',
      incompetentVoteShare: 0.3,
    });
    expect(r.errors).toBeUndefined();
    expect(r.record).toMatchObject({
      year: 2026,
      grade: 'INCOMPETENT',
      incompetentVoteShare: 0.3,
      deptPercentile: null,
    });
    expect(await alertsOf('R01', '2026-12-01')).toEqual(
      expect.arrayContaining(['INCOMPETENT_GRADE', 'INCOMPETENT_VOTES']),
    );
    // The year's alert counts from the year on; in 2025 the latest grade is still EXCELLENT.
    expect(await alertsOf('R01', '2025-12-31')).not.toContain('INCOMPETENT_GRADE');

    const again = await write('recordAssessment', { personId: 'E06', year: 2026, grade: 'COMPETENT' });
    expect(again.errors?.[0]?.message).toBe(
      'assessment of person "E06", field "year": person "E06" already has an assessment for 2026; correct that one instead',
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'year' });

    const id = r.record!.id as number;
    const onto2025 = await write('correctAssessment', { assessmentId: id, year: 2025 });
    expect(onto2025.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'year' });

    const fixed = await write('correctAssessment', {
      assessmentId: id,
      grade: 'COMPETENT',
      incompetentVoteShare: 0.05,
    });
    expect(fixed.record).toMatchObject({ id, year: 2026, grade: 'COMPETENT', incompetentVoteShare: 0.05 });
    const alerts = await alertsOf('R01', '2026-12-01');
    expect(alerts).not.toContain('INCOMPETENT_GRADE');
    expect(alerts).not.toContain('INCOMPETENT_VOTES');
    const audit = await lastAudit('assessment.correct');
    expect(audit.detail).toMatchObject({
      before: { year: 2026, grade: 'INCOMPETENT', incompetentVoteShare: 0.3 },
      after: { year: 2026, grade: 'COMPETENT', incompetentVoteShare: 0.05 },
    });
    expect((await recordsOf('R01')).assessments.map((a) => [a.year, a.grade])).toEqual([
      [2026, 'COMPETENT'],
      [2025, 'EXCELLENT'],
      [2024, 'COMPETENT'],
    ]);
  });

  it('records practice: a rotation’s report weighted by the policy, a secondment’s given, a part-time post without', async () => {
    const rotation = await write('recordPractice', {
      personId: 'E06',
      kind: 'ROTATION',
      unitCode: 'A1',
      start: '2025-03-01',
      end: '2025-08-31',
      managerScore: 80,
      hrScore: 90,
    });
    expect(rotation.errors).toBeUndefined();
    // 0.6 × 80 + 0.4 × 90 (the default rotationReportWeights).
    expect(rotation.record).toMatchObject({ kind: 'ROTATION', unitCode: 'A1', end: '2025-08-31', reportScore: 84 });
    const audit = await lastAudit('practice.record');
    expect(audit.detail.report).toMatchObject({
      managerScore: 80,
      hrScore: 90,
      weights: { manager: 0.6, hr: 0.4 },
      policyVersions: [],
    });

    const secondment = await write('recordPractice', {
      personId: 'E06',
      kind: 'SECONDMENT',
      unitCode: 'C01',
      start: '2025-09-01',
      end: '2026-06-30',
      reportScore: 91.5,
    });
    expect(secondment.record).toMatchObject({ kind: 'SECONDMENT', reportScore: 91.5 });
    const partTime = await write('recordPractice', { personId: 'E06', kind: 'PART_TIME', start: '2026-07-01' });
    expect(partTime.record).toMatchObject({ kind: 'PART_TIME', unitCode: null, end: null, reportScore: null });

    // Corrected: the end moved, the report recomputed from new scores.
    const fixed = await write('correctPractice', {
      practiceId: rotation.record!.id,
      end: '2025-09-15',
      managerScore: 70,
      hrScore: 70,
    });
    expect(fixed.record).toMatchObject({ end: '2025-09-15', reportScore: 70, start: '2025-03-01' });
    const correction = await lastAudit('practice.correct');
    expect(correction.detail).toMatchObject({
      before: { end: '2025-08-31', reportScore: 84 },
      after: { end: '2025-09-15', reportScore: 70 },
    });
    // The unit cleared with null.
    const moved = await write('correctPractice', {
      practiceId: partTime.record!.id,
      unitCode: null,
      end: '2026-11-30',
    });
    expect(moved.record).toMatchObject({ unitCode: null, end: '2026-11-30' });
    expect((await recordsOf('R01')).practices.map((p) => p.kind)).toEqual(['PART_TIME', 'SECONDMENT', 'ROTATION']);
  });

  it('refuses bad records, naming the record and the field, and changes nothing', async () => {
    const before = await counts();
    const { trainings } = await recordsOf('R03');
    const trainingId = trainings[0]!.id;
    const practiceId = (await recordsOf('R03')).practices[0]!.id;
    const training = {
      personId: 'E08',
      program: '班',
      kind: 'CENTRALIZED',
      start: '2025-05-01',
      days: 1,
      completed: true,
    };
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['recordTraining', { ...training, days: -1 }, 'days', 'input.days must be at least 0, got -1'],
      [
        'recordTraining',
        { ...training, program: 'x'.repeat(201) },
        'program',
        'input.program must be at most 200 characters, got 201',
      ],
      [
        'recordTraining',
        { ...training, program: '   ' },
        'program',
        'training of person "E08", field "program": must be a non-empty string, got ""',
      ],
      [
        'recordTraining',
        { ...training, start: '2027-01-05' },
        'start',
        'training of person "E08", field "start": 2027-01-05 is in the future, so the training cannot be completed yet',
      ],
      ['correctTraining', { trainingId, days: null }, 'days', `training ${trainingId}, field "days": must not be null`],
      [
        'recordAssessment',
        { personId: 'E08', year: 2024, grade: 'COMPETENT', deptPercentile: 1.2 },
        'deptPercentile',
        'input.deptPercentile must be at most 1, got 1.2',
      ],
      [
        'recordAssessment',
        { personId: 'E08', year: 2027, grade: 'COMPETENT' },
        'year',
        'assessment of person "E08", field "year": 2027 has not begun yet',
      ],
      [
        'recordPractice',
        { personId: 'E08', kind: 'SECONDMENT', start: '2025-03-01', end: '2025-01-01' },
        'end',
        'practice of person "E08", field "end": 2025-01-01 is before start 2025-03-01',
      ],
      [
        'recordPractice',
        { personId: 'E08', kind: 'SECONDMENT', start: '2025-03-01', end: '2025-12-31', managerScore: 80, hrScore: 80 },
        'managerScore',
        'practice of person "E08", field "managerScore": only a rotation has a report from a manager\'s and HR\'s scores',
      ],
      [
        'recordPractice',
        { personId: 'E08', kind: 'ROTATION', start: '2025-03-01', end: '2025-12-31', managerScore: 80 },
        'hrScore',
        'practice of person "E08", field "hrScore": give both managerScore and hrScore, or reportScore alone',
      ],
      [
        'recordPractice',
        { personId: 'E08', kind: 'ROTATION', start: '2025-03-01', reportScore: 80 },
        'reportScore',
        'practice of person "E08", field "reportScore": a report score is given at the end of the assignment: give its end',
      ],
      [
        'recordPractice',
        { personId: 'E08', kind: 'ROTATION', start: '2025-03-01', end: '2025-12-31', reportScore: 101 },
        'reportScore',
        'input.reportScore must be at most 100, got 101',
      ],
      [
        'recordPractice',
        { personId: 'E08', kind: 'PART_TIME', unitCode: 'ZZ', start: '2025-03-01' },
        'unitCode',
        'practice of person "E08", field "unitCode": unit "ZZ" does not exist or is outside your scope',
      ],
      [
        'correctPractice',
        { practiceId, start: '2026-02-01' },
        'end',
        `practice ${practiceId}, field "end": 2026-01-31 is before start 2026-02-01`,
      ],
    ];
    for (const [mutation, input, field, message] of cases) {
      const r = await write(mutation, input);
      expect(r.errors?.[0]?.message, `${mutation} ${JSON.stringify(input)}`).toBe(message);
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const unknown = await write('recordTraining', { ...training, personId: 'E99' });
    expect(unknown.errors?.[0]?.message).toBe('person "E99" does not exist or is outside your scope');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  it('keeps writes inside the subtree, by the unit the person works in, and to the roles that keep the pool', async () => {
    const officerB: As = { role: 'ORG_OFFICER', viewerUnit: 'B' };
    const training = { program: '班', kind: 'CENTRALIZED', start: '2025-05-01', days: 1, completed: true };
    // E06 works in A: outside B's subtree, answered as if absent.
    const outside = await write('recordTraining', { ...training, personId: 'E06' }, officerB);
    expect(outside.errors?.[0]?.message).toBe('person "E06" does not exist or is outside your scope');
    const aTraining = (await recordsOf('R01')).trainings[0]!;
    const correct = await write('correctTraining', { trainingId: aTraining.id, days: 9 }, officerB);
    expect(correct.errors?.[0]?.message).toBe(`training ${aTraining.id} does not exist or is outside your scope`);
    const assessment = (await recordsOf('R01')).assessments[0]!;
    const grade = await write('correctAssessment', { assessmentId: assessment.id, grade: 'EXCELLENT' }, officerB);
    expect(grade.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const practice = await write(
      'recordPractice',
      { personId: 'E06', kind: 'PART_TIME', start: '2025-01-01' },
      officerB,
    );
    expect(practice.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // A unit outside the subtree cannot be named as the place of an assignment either.
    const elsewhere = await write(
      'recordPractice',
      { personId: 'E08', kind: 'PART_TIME', unitCode: 'A', start: '2025-01-01' },
      officerB,
    );
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitCode' });
    // A leader reads but does not write.
    const leader = await write(
      'recordAssessment',
      { personId: 'E08', year: 2024, grade: 'COMPETENT' },
      { role: 'LEADER' },
    );
    expect(leader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await db.assessment.count({ where: { personCode: 'E08', year: 2024 } })).toBe(0);
    // Inside: E08 works in B.
    const inside = await write('recordTraining', { ...training, personId: 'E08', start: '2024-05-01' }, officerB);
    expect(inside.errors).toBeUndefined();
    expect(aTraining.days).not.toBe(9);
  });

  it('leaves nothing behind when a write fails midway', async () => {
    const before = await counts();
    const { trainings, assessments, practices } = await recordsOf('R03');
    const stored = await db.training.findUniqueOrThrow({ where: { id: trainings[0]!.id as number } });
    failing.audit = true;
    const results = [
      await write('recordTraining', {
        personId: 'E08',
        program: '班',
        kind: 'CENTRALIZED',
        start: '2025-06-01',
        days: 3,
        completed: true,
      }),
      await write('correctTraining', { trainingId: stored.id, days: 7 }),
      await write('recordAssessment', { personId: 'E08', year: 2023, grade: 'COMPETENT' }),
      await write('correctAssessment', { assessmentId: assessments[0]!.id, grade: 'INCOMPETENT' }),
      await write('recordPractice', { personId: 'E08', kind: 'PART_TIME', start: '2025-06-01' }),
      await write('correctPractice', { practiceId: practices[0]!.id, reportScore: 10 }),
    ];
    failing.audit = false;
    for (const r of results) expect(r.errors?.length).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
    expect(await db.training.findUniqueOrThrow({ where: { id: stored.id } })).toEqual(stored);
    expect((await recordsOf('R03')).assessments).toEqual(assessments);
    expect((await recordsOf('R03')).practices).toEqual(practices);
  });
});
